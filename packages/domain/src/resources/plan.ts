import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/resources';
import type { ResourcePlanRow } from '@mamoru/db/repositories/resources';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { registerApprovalHandler, requestApproval } from '../approvals/service.ts';
import { registerApprovalSummarizer } from '../approvals/summaries.ts';
import { fact } from '../approvals/summary-rules.ts';
import { conflict, invalid, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { checkUser } from '../scope/common.ts';
import { fiscalYearRange } from './fiscal.ts';
import { settingsOf } from './settings.ts';

/**
 * The resource plan of a fiscal year, approved by top management (approval
 * type 'resource_plan', 5.1.e): draft → submitted → approved, back to draft
 * when rejected or withdrawn, or when a planned figure changes after approval.
 */

export const PLAN_ENTITY = 'resource_plan';

/**
 * Called before any change of what a year plans: the plan's version moves; an
 * approved plan returns to draft (approval again needed); while it waits for
 * approval nothing planned may change.
 */
export async function planChanged(tx: Executor, ctx: RequestContext, fiscalYear: number) {
  const org = ctx.actor.organizationId;
  const plan = await repo.lockPlan(tx, org, fiscalYear);
  if (plan.status === 'submitted') throw conflict('resource_plan_submitted');
  await repo.updatePlan(tx, org, plan.id, { status: 'draft' }, true);
  if (plan.status === 'approved') {
    await recordAudit(tx, ctx, [
      {
        action: 'resource_plan.reopened',
        entityType: PLAN_ENTITY,
        entityId: plan.id,
        before: { status: 'approved', version: plan.version },
        after: { status: 'draft', version: plan.version + 1 },
        eventTitle: `FY${fiscalYear}`,
      },
    ]);
  }
}

export interface PlanView {
  row: ResourcePlanRow | null;
  fiscalYear: number;
  approvedByName: string | null;
}

export async function planOf(db: Executor, org: string, fiscalYear: number): Promise<PlanView> {
  const row = await repo.getPlan(db, org, fiscalYear);
  return {
    row,
    fiscalYear,
    approvedByName: await repo.approverName(db, org, row?.approvedBy ?? null),
  };
}

/** Planned against used for a year, by kind and activity, and the treatment roll-up. */
export async function yearSummary(db: Executor, org: string, fiscalYear: number) {
  const { fiscalYearStartMonth } = await settingsOf(db, org);
  const { from, to } = fiscalYearRange(fiscalYear, fiscalYearStartMonth);
  return {
    fiscalYear,
    from,
    to,
    plan: await planOf(db, org, fiscalYear),
    rows: await repo.resourceTotals(db, org, fiscalYear),
    treatment: await repo.treatmentRollup(db, org, from, to),
  };
}
export type YearSummary = Awaited<ReturnType<typeof yearSummary>>;

export async function getSummary(db: Db, ctx: RequestContext, fiscalYear: number) {
  authorize(ctx.actor, 'resources:read');
  return yearSummary(db, ctx.actor.organizationId, fiscalYear);
}

/** Sends the year's plan, as of the If-Match plan version, to top management. */
export async function submitPlan(
  db: Db,
  ctx: RequestContext,
  fiscalYear: number,
  expectedVersion: number,
  input: { assigneeUserId?: string | null | undefined; comment?: string | undefined },
) {
  authorize(ctx.actor, 'resources:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const plan = await repo.lockPlan(tx, org, fiscalYear);
    if (plan.version !== expectedVersion) throw staleVersion();
    if (plan.status === 'submitted') throw conflict('resource_plan_submitted');
    if (plan.status === 'approved') throw conflict('resource_plan_approved');
    const totals = await repo.resourceTotals(tx, org, fiscalYear);
    const errors = await checkUser(tx, org, input.assigneeUserId, 'assigneeUserId');
    if (totals.length === 0) errors.push({ field: 'fiscalYear', code: 'resource_plan_empty' });
    if (errors.length) throw invalid(errors);
    const updated = await repo.updatePlan(
      tx,
      org,
      plan.id,
      { status: 'submitted', submittedAt: new Date() },
      false,
    );
    const approval = await requestApproval(tx, ctx, {
      approvalType: 'resource_plan',
      entityType: PLAN_ENTITY,
      entityId: plan.id,
      entityVersion: plan.version,
      title: `FY${fiscalYear}`,
      authorId: ctx.actor.userId,
      assigneeUserId: input.assigneeUserId ?? null,
    });
    const withApproval = await repo.updatePlan(
      tx,
      org,
      plan.id,
      { approvalId: approval.id },
      false,
    );
    await recordAudit(tx, ctx, [
      {
        action: 'resource_plan.approval_requested',
        entityType: PLAN_ENTITY,
        entityId: plan.id,
        before: { status: plan.status },
        after: {
          status: updated.status,
          fiscalYear,
          approvalId: approval.id,
          comment: input.comment ?? null,
        },
      },
    ]);
    return planOf(tx, org, withApproval.fiscalYear);
  });
}

// Approval freezes the approved version with its approver and date; rejection
// or withdrawal returns the plan to draft for the ISMS manager.
registerApprovalHandler(PLAN_ENTITY, {
  async onDecided(tx, ctx, approval) {
    const org = approval.organizationId;
    const plan = await repo.getPlanById(tx, org, approval.entityId, true);
    if (!plan || plan.status !== 'submitted' || plan.version !== approval.entityVersion) return;
    const approved = approval.status === 'approved';
    await repo.updatePlan(
      tx,
      org,
      plan.id,
      approved
        ? {
            status: 'approved',
            approvedAt: approval.decidedAt ?? new Date(),
            approvedBy: approval.decidedBy,
            approvedVersion: plan.version,
          }
        : { status: 'draft', submittedAt: null },
      false,
    );
    await recordAudit(tx, ctx, [
      {
        action: approved ? 'resource_plan.approved' : 'resource_plan.returned',
        entityType: PLAN_ENTITY,
        entityId: plan.id,
        before: { status: plan.status },
        after: {
          status: approved ? 'approved' : 'draft',
          approvalId: approval.id,
          decision: approval.status,
        },
        eventTitle: `FY${plan.fiscalYear}`,
      },
    ]);
  },
});

// What top management approves: the year, and planned money and hours by activity.
registerApprovalSummarizer(PLAN_ENTITY, async (db, ctx, approval) => {
  authorize(ctx.actor, 'resources:read');
  const plan = await repo.getPlanById(db, ctx.actor.organizationId, approval.entityId);
  if (!plan) return { link: '/resources', facts: [], changes: null };
  const s = await yearSummary(db, ctx.actor.organizationId, plan.fiscalYear);
  const sum = (k: 'plannedAmount' | 'plannedHours') => s.rows.reduce((n, r) => n + r[k], 0);
  return {
    link: `/resources?fiscalYear=${plan.fiscalYear}`,
    facts: [
      fact({ ja: '会計年度', en: 'Fiscal year' }, `FY${plan.fiscalYear} (${s.from} – ${s.to})`),
      fact(
        { ja: '資源の件数', en: 'Resources' },
        s.rows.reduce((n, r) => n + r.items, 0),
      ),
      fact({ ja: '計画金額（円）', en: 'Planned amount (yen)' }, sum('plannedAmount')),
      fact({ ja: '計画工数（時間）', en: 'Planned hours' }, sum('plannedHours')),
      fact({ ja: 'リスク対応の予算（円）', en: 'Risk treatment budget (yen)' }, s.treatment.budget),
    ],
    changes: null,
  };
});
