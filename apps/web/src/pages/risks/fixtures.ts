import type {
  RiskDetailDto,
  RiskMethodDefinition,
  RiskChangeReview,
  RiskMethodDto,
  ThreatDto,
} from '@mamoru/contracts';
import type { RiskAssessment } from './api/assessments';
import type { RiskMethodPreview } from './api/methods';

// Test data of the risks area in the shapes the API sends.

const lmh = [
  { value: 1, label: { ja: '低', en: 'Low' } },
  { value: 2, label: { ja: '中', en: 'Medium' } },
  { value: 3, label: { ja: '高', en: 'High' } },
];

export const definition: RiskMethodDefinition = {
  ciaScale: lmh,
  derivation: 'max',
  threatScale: lmh,
  vulnerabilityScale: lmh,
  likelihoodScale: lmh,
  impactScale: lmh,
  formula: { kind: 'multiplicative' },
  bands: [
    { min: 1, label: { ja: '低', en: 'Low' }, color: '#2f9e44' },
    { min: 5, label: { ja: '中', en: 'Medium' }, color: '#f08c00' },
    { min: 13, label: { ja: '高', en: 'High' }, color: '#e03131' },
  ],
  acceptableLevel: 4,
};

export function method(extra: Partial<RiskMethodDto> = {}): RiskMethodDto {
  return {
    id: '00000000-0000-4000-8000-000000000501',
    number: 1,
    name: 'Risk assessment method',
    status: 'draft',
    definition,
    createdBy: null,
    updatedBy: null,
    approvalId: null,
    approvedBy: null,
    approvedAt: null,
    version: 3,
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    ...extra,
  };
}

/** The preview the server computes for a multiplicative definition (only the shape matters). */
export function previewOf(def: RiskMethodDefinition): RiskMethodPreview {
  const band = (v: number) => [...def.bands].reverse().find((b) => v >= b.min) ?? def.bands[0]!;
  const columns = def.threatScale.flatMap((t) =>
    def.vulnerabilityScale.map((v) => ({
      axis: 'threat_vulnerability' as const,
      threat: t.value,
      vulnerability: v.value,
    })),
  );
  const rows = def.ciaScale.map((l) => ({ axis: 'asset_value' as const, value: l.value }));
  return {
    rows,
    columns,
    cells: rows.map((r) =>
      columns.map((c) => {
        const value = r.value * c.threat * c.vulnerability;
        return {
          value,
          band: band(value),
          evaluation: value <= def.acceptableLevel ? ('accept' as const) : ('treat' as const),
        };
      }),
    ),
    problems: [],
  };
}

export function threat(extra: Partial<ThreatDto> = {}): ThreatDto {
  return {
    id: '00000000-0000-4000-8000-000000000601',
    code: 'T01',
    group: 'physical_damage',
    name: { ja: '火災', en: 'Fire' },
    description: { ja: '', en: 'A fire burns equipment.' },
    origin: ['accidental'],
    affects: ['integrity', 'availability'],
    assetCategories: ['physical'],
    defaultLikelihood: 1,
    relatedControls: ['7.1.3', '7.2.1'],
    source: 'starter',
    active: true,
    version: 1,
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    ...extra,
  };
}

export function risk(n: number, extra: Partial<RiskDetailDto> = {}): RiskDetailDto {
  return {
    id: `00000000-0000-4000-8000-0000000007${String(n).padStart(2, '0')}`,
    code: `R-${String(n).padStart(6, '0')}`,
    asset: {
      id: '00000000-0000-4000-8000-000000000201',
      code: 'A-001',
      name: 'Customer database',
      category: 'information',
    },
    threat: { id: threat().id, code: 'T01', name: { ja: '火災', en: 'Fire' } },
    vulnerability: null,
    affects: ['integrity', 'availability'],
    likelihood: 3,
    vulnerabilityLevel: 2,
    assetValue: 3,
    impact: null,
    value: 18,
    level: { index: 3, label: { ja: '高', en: 'High' }, color: '#e03131' },
    evaluation: 'treat',
    treatmentOption: null,
    transferTo: '',
    rationale: '',
    residual: {
      likelihood: null,
      vulnerabilityLevel: null,
      impact: null,
      value: null,
      level: null,
      evaluation: null,
    },
    residualAcceptance: { status: 'none', approvalId: null, acceptedBy: null, acceptedAt: null },
    retention: { status: 'none', approvalId: null },
    owner: { id: '00000000-0000-4000-8000-000000000001', name: 'Aiko Admin' },
    status: 'open',
    notes: '',
    version: 4,
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    controls: [],
    ...extra,
  };
}

/** A review of change (4.2.3.c) as GET /risk-change-reviews sends it: by default "no change". */
export function changeReview(extra: Partial<RiskChangeReview> = {}): RiskChangeReview {
  return {
    id: '00000000-0000-4000-8000-000000000c01',
    reviewedOn: '2026-03-01',
    kind: 'organization',
    outcome: 'no_change',
    description: '',
    assessmentId: null,
    assessmentNumber: null,
    decidedBy: '00000000-0000-4000-8000-000000000001',
    decidedByName: 'Aiko Admin',
    version: 1,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    ...extra,
  };
}

/** A dated assessment run as GET /risk-assessments sends it. */
export function assessmentRun(number: number, extra: Partial<RiskAssessment> = {}): RiskAssessment {
  return {
    id: `00000000-0000-4000-8000-0000000009${String(number).padStart(2, '0')}`,
    number,
    title: `Run ${number}`,
    assessedOn: '2026-02-01',
    reasons: number === 1 ? ['initial'] : ['organization'],
    reasonText: '',
    previousId: null,
    methodId: null,
    riskCount: 10,
    treatCount: 2,
    createdBy: null,
    createdAt: '2026-02-01T09:00:00.000Z',
    ...extra,
  };
}
