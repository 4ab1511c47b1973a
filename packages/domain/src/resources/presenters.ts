import type {
  IsmsResource,
  ResourceActivity,
  ResourceKind,
  ResourcePlan,
  ResourceSummary,
} from '@mamoru/contracts';
import { resourceActivitySchema, resourceKindSchema } from '@mamoru/contracts';
import type { ResourceTotalRow, ResourceView } from '@mamoru/db/repositories/resources';
import type { PlanView, YearSummary } from './plan.ts';

export function presentResource(r: ResourceView): IsmsResource {
  return {
    id: r.id,
    fiscalYear: r.fiscalYear,
    kind: r.kind as ResourceKind,
    activity: r.activity as ResourceActivity,
    title: r.title,
    description: r.description,
    owner: r.ownerUserId ? { id: r.ownerUserId, name: r.ownerName ?? '' } : null,
    unit: r.unitId ? { id: r.unitId, name: r.unitName ?? '' } : null,
    planned: { amount: r.plannedAmount, hours: r.plannedHours },
    used: { amount: r.usedAmount, hours: r.usedHours },
    notes: r.notes,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A year without a plan row yet reads as a draft of version 1 (what the first change creates). */
export function presentPlan(p: PlanView): ResourcePlan {
  const row = p.row;
  return {
    id: row?.id ?? null,
    fiscalYear: p.fiscalYear,
    status: (row?.status ?? 'draft') as ResourcePlan['status'],
    approvalId: row?.approvalId ?? null,
    submittedAt: row?.submittedAt?.toISOString() ?? null,
    approvedAt: row?.approvedAt?.toISOString() ?? null,
    approvedBy: row?.approvedBy ? { id: row.approvedBy, name: p.approvedByName ?? '' } : null,
    approvedVersion: row?.approvedVersion ?? null,
    version: row?.version ?? 1,
  };
}

type Totals = Omit<ResourceTotalRow, 'kind' | 'activity'>;
const zero = (): Totals => ({
  items: 0,
  plannedAmount: 0,
  plannedHours: 0,
  usedAmount: 0,
  usedHours: 0,
  usageRecorded: 0,
});
function add(into: Totals, r: Totals) {
  into.items += r.items;
  into.plannedAmount += r.plannedAmount;
  into.plannedHours += r.plannedHours;
  into.usedAmount += r.usedAmount;
  into.usedHours += r.usedHours;
  into.usageRecorded += r.usageRecorded;
}

export function presentSummary(s: YearSummary): ResourceSummary {
  const total = zero();
  const kinds = new Map(resourceKindSchema.options.map((k) => [k, zero()]));
  const activities = new Map(resourceActivitySchema.options.map((a) => [a, zero()]));
  for (const r of s.rows) {
    add(total, r);
    add(kinds.get(r.kind as ResourceKind)!, r);
    add(activities.get(r.activity as ResourceActivity)!, r);
  }
  return {
    fiscalYear: s.fiscalYear,
    from: s.from,
    to: s.to,
    plan: presentPlan(s.plan),
    total,
    byKind: [...kinds].map(([kind, t]) => ({ kind, ...t })),
    byActivity: [...activities].map(([activity, t]) => ({ activity, ...t })),
    activitiesWithoutPlan: [...activities].filter(([, t]) => t.items === 0).map(([a]) => a),
    treatment: s.treatment,
  };
}
