import { and, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { assets } from '../tables/assets.ts';
import { users } from '../tables/identity.ts';
import { nonconformities, preventiveProposals } from '../tables/improvement.ts';
import { riskScores, risks, threats } from '../tables/risks.ts';

/** Preventive proposals from risk changes (7.3.e). */

export type ProposalRow = typeof preventiveProposals.$inferSelect;
type Page = { limit: number; cursor?: string | undefined };

/**
 * Proposes preventive action for the risks of a reassessment run, in one
 * insert … select over the run's entries against the previous run's: a level
 * raised by at least `levelJump`, or a risk new since the previous run that is
 * above the acceptable level ('treat') with no treatment decided. Priority from
 * the new level: the top band high, the upper half medium, the rest low. A risk
 * with an open proposal keeps it (one open per risk). Returns the new proposals.
 */
export async function proposeFromRun(
  db: Executor,
  org: string,
  run: { id: string; previousId: string },
  levelJump: number,
  bandCount: number,
) {
  return queryRows<{ id: string; risk_id: string; reason: string; new_level: number }>(
    db,
    sql`
    insert into preventive_proposals
      (organization_id, risk_id, reason, previous_level, new_level, priority)
    select ${org}::uuid, t.risk_id,
      case when f.risk_id is null then 'untreated_above_acceptable' else 'level_jump' end,
      f.level, t.level,
      case when t.level >= ${bandCount}::int then 'high'
        when t.level * 2 > ${bandCount}::int then 'medium' else 'low' end
    from risk_assessment_entries t
    left join risk_assessment_entries f
      on f.assessment_id = ${run.previousId} and f.risk_id = t.risk_id
    where t.assessment_id = ${run.id} and t.organization_id = ${org} and t.level is not null
      and ((f.level is not null and t.level - f.level >= ${levelJump}::int)
        or (f.risk_id is null and t.evaluation = 'treat' and t.treatment_option is null))
    on conflict (organization_id, risk_id) where status = 'proposed' do nothing
    returning id, risk_id, reason, new_level`,
  );
}

const decider = alias(users, 'decider');
const proposalView = {
  ...getTableColumns(preventiveProposals),
  riskCode: risks.code,
  riskLevel: riskScores.level,
  riskOwnerId: risks.ownerUserId,
  assetName: assets.name,
  threatCode: threats.code,
  decidedByName: decider.displayName,
  ncNumber: nonconformities.number,
};
export type ProposalView = ProposalRow & {
  riskCode: string;
  riskLevel: number | null;
  riskOwnerId: string | null;
  assetName: string;
  threatCode: string;
  decidedByName: string | null;
  ncNumber: number | null;
};

const selectProposals = (db: Executor) =>
  db
    .select({ ...proposalView, sortKey: sql<string>`${preventiveProposals.createdAt}::text` })
    .from(preventiveProposals)
    .innerJoin(risks, eq(risks.id, preventiveProposals.riskId))
    .innerJoin(riskScores, eq(riskScores.id, risks.scoreId))
    .innerJoin(assets, eq(assets.id, risks.assetId))
    .innerJoin(threats, eq(threats.id, risks.threatId))
    .leftJoin(decider, eq(decider.id, preventiveProposals.decidedBy))
    .leftJoin(nonconformities, eq(nonconformities.id, preventiveProposals.nonconformityId));

export async function getProposal(db: Executor, org: string, id: string, forUpdate = false) {
  const t = preventiveProposals;
  const query = db
    .select()
    .from(t)
    .where(and(eq(t.organizationId, org), eq(t.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function getProposalView(db: Executor, org: string, id: string) {
  const [row] = await selectProposals(db).where(
    and(eq(preventiveProposals.organizationId, org), eq(preventiveProposals.id, id)),
  );
  if (!row) return null;
  const { sortKey: _s, ...view } = row;
  return view;
}

export async function decideProposal(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: {
    status: 'accepted' | 'dismissed';
    decisionReason: string;
    decidedBy: string | null;
    nonconformityId: string | null;
  },
) {
  const t = preventiveProposals;
  const [row] = await db
    .update(t)
    .set({
      ...values,
      decidedAt: sql`now()`,
      version: sql`${t.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(t.organizationId, org),
        eq(t.id, id),
        eq(t.version, expectedVersion),
        eq(t.status, 'proposed'),
      ),
    )
    .returning();
  return row ?? null;
}

export interface ProposalFilter {
  status?: string | undefined;
  priority?: string | undefined;
  /** 'own' reach: proposals on the risks this user owns. */
  riskOwner?: string | undefined;
}

/** The inbox, newest first. */
export async function listProposals(db: Executor, org: string, f: ProposalFilter, page: Page) {
  const t = preventiveProposals;
  const c: SQL[] = [eq(t.organizationId, org)];
  if (f.status) c.push(eq(t.status, f.status));
  if (f.priority) c.push(eq(t.priority, f.priority));
  if (f.riskOwner) c.push(eq(risks.ownerUserId, f.riskOwner));
  const after = decodeCursor(page.cursor, 2, ['timestamptz', 'uuid']);
  if (after) {
    c.push(
      sql`(${t.createdAt}, ${t.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`,
    );
  }
  const rows = await selectProposals(db)
    .where(and(...c))
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(page.limit + 1);
  return toPage(
    rows.map(({ sortKey, ...view }) => ({ ...view, sortKey })),
    page.limit,
    (r) => [r.sortKey, r.id],
  );
}
