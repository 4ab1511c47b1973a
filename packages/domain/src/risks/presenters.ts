import type { RiskView } from '@mamoru/db/repositories/risks';
import type {
  RiskMethodRow,
  ThreatRow,
  VulnerabilityRow,
} from '@mamoru/db/repositories/risks-catalog';
import type { TreatmentActionView } from '@mamoru/db/repositories/risks-plan';
import type { ResidualAcceptanceRow, RiskAssessmentRow } from '@mamoru/db/repositories/risks-runs';
import type { RiskControlRow } from '@mamoru/db/repositories/risks';
import type {
  RiskDetailDto,
  RiskDto,
  RiskListItemDto,
  RiskMethodDto,
  ThreatDto,
  TreatmentActionDto,
  VulnerabilityDto,
} from '@mamoru/contracts';
import type { RiskMethod } from './method.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
type Cast<T> = T;

export function presentRiskMethod(row: RiskMethodRow): RiskMethodDto {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    status: row.status as RiskMethodDto['status'],
    definition: row.definition as unknown as RiskMethodDto['definition'],
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
    approvalId: row.approvalId,
    approvedBy: row.approvedBy,
    approvedAt: iso(row.approvedAt),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const common = (row: ThreatRow | VulnerabilityRow) => ({
  id: row.id,
  code: row.code,
  group: row.groupId,
  name: { ja: row.nameJa, en: row.nameEn },
  description: row.description,
  relatedControls: row.relatedControls,
  source: row.source as ThreatDto['source'],
  active: row.active,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export function presentThreat(row: ThreatRow): ThreatDto {
  return {
    ...common(row),
    origin: row.origin as ThreatDto['origin'],
    affects: row.affects as ThreatDto['affects'],
    assetCategories: row.assetCategories as ThreatDto['assetCategories'],
    defaultLikelihood: row.defaultLikelihood,
  };
}

export function presentVulnerability(row: VulnerabilityRow): VulnerabilityDto {
  return {
    ...common(row),
    assetCategories: row.assetCategories as VulnerabilityDto['assetCategories'],
    defaultLevel: row.defaultLevel,
    exploitedBy: row.exploitedBy,
  };
}

/** A band index as the API shows it, with the label and colour of the method in force. */
export function bandRef(method: RiskMethod | null, level: number | null) {
  if (!method || level === null) return null;
  const band = method.bands[level - 1];
  if (!band) return null;
  return { index: level, label: band.label, color: band.color };
}

export function presentRisk(row: RiskView, method: RiskMethod | null): RiskDto {
  return {
    id: row.id,
    code: row.code,
    asset: {
      id: row.assetId,
      code: row.assetCode,
      name: row.assetName,
      category: row.assetCategory as RiskDto['asset']['category'],
    },
    threat: {
      id: row.threatId,
      code: row.threatCode,
      name: { ja: row.threatNameJa, en: row.threatNameEn },
    },
    vulnerability:
      row.vulnerabilityId && row.vulnerabilityCode
        ? {
            id: row.vulnerabilityId,
            code: row.vulnerabilityCode,
            name: { ja: row.vulnerabilityNameJa ?? '', en: row.vulnerabilityNameEn ?? '' },
          }
        : null,
    affects: row.threatAffects as RiskDto['affects'],
    likelihood: row.likelihood,
    vulnerabilityLevel: row.vulnerabilityLevel,
    assetValue: row.assetValue,
    impact: row.impact,
    value: row.value,
    level: bandRef(method, row.level),
    evaluation: row.evaluation as Cast<RiskDto['evaluation']>,
    treatmentOption: row.treatmentOption as RiskDto['treatmentOption'],
    transferTo: row.transferTo,
    rationale: row.rationale,
    residual: {
      likelihood: row.residualLikelihood,
      vulnerabilityLevel: row.residualVulnerabilityLevel,
      impact: row.residualImpact,
      value: row.residualValue,
      level: bandRef(method, row.residualLevel),
      evaluation: row.residualEvaluation as RiskDto['residual']['evaluation'],
    },
    residualAcceptance: {
      status: row.residualStatus as RiskDto['residualAcceptance']['status'],
      approvalId: row.residualApprovalId,
      acceptedBy: row.residualAcceptedBy,
      acceptedAt: iso(row.residualAcceptedAt),
    },
    retention: {
      status: row.retentionStatus as RiskDto['retention']['status'],
      approvalId: row.retentionApprovalId,
    },
    owner: row.ownerUserId ? { id: row.ownerUserId, name: row.ownerName ?? '' } : null,
    status: row.status as RiskDto['status'],
    notes: row.notes,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A row of GET /risks (riskListItemSchema): the register's columns, not the whole risk. */
export function presentRiskListItem(row: RiskView, method: RiskMethod | null): RiskListItemDto {
  const full = presentRisk(row, method);
  return {
    id: full.id,
    code: full.code,
    asset: full.asset,
    threat: full.threat,
    vulnerability: full.vulnerability,
    affects: full.affects,
    likelihood: full.likelihood,
    vulnerabilityLevel: full.vulnerabilityLevel,
    assetValue: full.assetValue,
    impact: full.impact,
    value: full.value,
    level: full.level,
    evaluation: full.evaluation,
    treatmentOption: full.treatmentOption,
    residual: { value: full.residual.value, level: full.residual.level },
    residualAcceptance: { status: full.residualAcceptance.status },
    owner: full.owner,
    status: full.status,
    version: full.version,
    updatedAt: full.updatedAt,
  };
}

export function presentRiskDetail(
  row: RiskView,
  controls: RiskControlRow[],
  method: RiskMethod | null,
): RiskDetailDto {
  return {
    ...presentRisk(row, method),
    controls: controls.map((c) => ({
      controlId: c.controlId,
      role: c.role as 'existing' | 'selected',
      justification: c.justification,
    })),
  };
}

export function presentTreatmentAction(row: TreatmentActionView): TreatmentActionDto {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    description: row.description,
    owner: row.ownerUserId ? { id: row.ownerUserId, name: row.ownerName ?? '' } : null,
    priority: row.priority as TreatmentActionDto['priority'],
    dueDate: row.dueDate,
    resources: row.resources,
    budget: row.budget,
    status: row.status as TreatmentActionDto['status'],
    progress: row.progress,
    overdue: Boolean(row.overdue),
    riskIds: row.riskIds,
    controlIds: row.controlIds,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentRiskAssessment(row: RiskAssessmentRow) {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    assessedOn: row.assessedOn,
    reasons: row.reasons as (
      | 'initial'
      | 'organization'
      | 'technology'
      | 'business_objectives'
      | 'processes'
      | 'threats'
      | 'external_events'
      | 'other'
    )[],
    reasonText: row.reasonText,
    previousId: row.previousId,
    methodId: row.methodId,
    riskCount: row.riskCount,
    treatCount: row.treatCount,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentResidualAcceptance(row: ResidualAcceptanceRow) {
  return {
    id: row.id,
    approvalId: row.approvalId,
    status: row.status as 'none' | 'pending' | 'accepted' | 'rejected',
    riskCount: row.riskCount,
    note: row.note,
    authorizeOperation: row.authorizeOperation,
    submittedBy: row.submittedBy,
    decidedBy: row.decidedBy,
    decidedAt: iso(row.decidedAt),
    createdAt: row.createdAt.toISOString(),
  };
}
