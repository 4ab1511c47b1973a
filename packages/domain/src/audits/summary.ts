import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/audits-programmes';
import type { AuditProgrammeRow } from '@mamoru/db/repositories/audits-programmes';
import * as scopeRepo from '@mamoru/db/repositories/scope';
import { displayIdIn } from '@mamoru/contracts';
import { registerApprovalSummarizer } from '../approvals/summaries.ts';
import { fact, fieldChanges } from '../approvals/summary-rules.ts';
import { notFound } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { PROGRAMME_ENTITY } from './programme.ts';
import { catalogRequirements } from './programme-content.ts';

const LABELS = {
  title: { ja: '名称', en: 'Title' },
  period: { ja: '期間', en: 'Period' },
  objectives: { ja: '目的', en: 'Objectives' },
  requirements: { ja: '監査基準（要求事項）', en: 'Criteria: requirement items' },
  controls: { ja: '監査基準（管理策）', en: 'Criteria: controls' },
  documents: { ja: '監査基準（自組織の手順）', en: 'Criteria: own procedures' },
  units: { ja: '対象の組織', en: 'Units audited' },
  locations: { ja: '対象の所在地', en: 'Locations audited' },
  processes: { ja: '対象のプロセス', en: 'Processes audited' },
  frequency: { ja: '頻度', en: 'Frequency' },
  methods: { ja: '方法', en: 'Methods' },
  responsibilities: { ja: '責任', en: 'Responsibilities' },
  cycleMonths: { ja: '監査周期（か月）', en: 'Audit cycle (months)' },
};

type Names = { units: Map<string, string>; locations: Map<string, string> };

type Shown = ReadonlyMap<string, string>;

/** IDs as the reader writes them: 第4 2.(3) d and 9(4)⑨ in Japanese, 4.2.3 d and A.9.4.9 in English. */
const displayIds = (shown: Shown, namespace: 'requirement' | 'control', ids: string[]) => {
  const nodes = ids.map((id) => ({
    id,
    displayId: shown.get(namespace === 'control' ? `control:${id}` : id) ?? id,
  }));
  return {
    ja: nodes.map((n) => displayIdIn(n, 'ja')).join('、'),
    en: nodes.map((n) => displayIdIn(n, 'en')).join(', '),
  };
};

function fieldsOf(row: AuditProgrammeRow, names: Names, shown: Shown) {
  return {
    title: row.title,
    period: `${row.periodStart} – ${row.periodEnd}`,
    objectives: row.objectives,
    requirements: displayIds(shown, 'requirement', row.criteriaRequirementIds),
    controls: displayIds(shown, 'control', row.criteriaControlIds),
    documents: row.criteriaDocumentIds.length,
    units: row.scopeUnitIds.map((id) => names.units.get(id) ?? id),
    locations: row.scopeLocationIds.map((id) => names.locations.get(id) ?? id),
    processes: row.scopeProcesses,
    frequency: row.frequency,
    methods: row.methods,
    responsibilities: row.responsibilities,
    cycleMonths: row.cycleMonths,
  };
}

// The programme version asked for, against the year's version approved before it.
registerApprovalSummarizer(PROGRAMME_ENTITY, async (db: Db, ctx, approval) => {
  authorize(ctx.actor, 'audits:read');
  const org = ctx.actor.organizationId;
  const row = await repo.getProgramme(db, org, approval.entityId);
  if (!row) throw notFound('audit programme');
  const before = await repo.previousApprovedProgramme(db, org, row.fiscalYear, row.number);
  const names: Names = {
    units: new Map(
      (await scopeRepo.allOrgUnits(db, org)).map((u) => [u.id, `${u.code} ${u.name}`]),
    ),
    locations: new Map(
      (await scopeRepo.allLocations(db, org)).map((l) => [l.id, `${l.code} ${l.name}`]),
    ),
  };
  const shown = (await catalogRequirements()).displayIds;
  const after = fieldsOf(row, names, shown);
  return {
    link: '/internal-audits/programme',
    facts: [
      fact({ ja: '年度', en: 'Fiscal year' }, row.fiscalYear),
      fact({ ja: '版', en: 'Version' }, row.number),
      fact(LABELS.period, after.period),
      fact(LABELS.requirements, row.criteriaRequirementIds.length),
      fact(LABELS.controls, row.criteriaControlIds.length),
    ],
    changes: {
      kind: 'fields',
      baseline: before ? { number: before.number } : null,
      items: fieldChanges(LABELS, before ? fieldsOf(before, names, shown) : null, after),
    },
  };
});
