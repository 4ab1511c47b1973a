import type { Db } from '@mamoru/db';
import type { ApprovalRow } from '@mamoru/db/repositories/approvals';
import { displayNames } from '@mamoru/db/repositories/users';
import type { ApprovalSummary } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { getApproval } from './service.ts';

/** What an area tells about its object; the approval itself supplies title and requester. */
export type SummaryContent = Pick<ApprovalSummary, 'link' | 'facts' | 'changes'> &
  Partial<Pick<ApprovalSummary, 'risks' | 'moreRisks'>>;

/**
 * Reads the object of an approval as the caller: it must authorize like the
 * area's own read (the summary shows the object), and throws when it may not.
 */
export type ApprovalSummarizer = (
  db: Db,
  ctx: RequestContext,
  approval: ApprovalRow,
) => Promise<SummaryContent>;

// Code, not state, as with the decision handlers: each area registers how its objects read.
const summarizers = new Map<string, ApprovalSummarizer>();
export function registerApprovalSummarizer(entityType: string, summarizer: ApprovalSummarizer) {
  summarizers.set(entityType, summarizer);
}

/** Where objects of types without a summarizer live, so the fallback still links to them. */
const FALLBACK_LINKS: Record<string, string> = {
  approval_policy: '/admin/approvals',
  user: '/admin/users',
  role_grant: '/admin/users',
  user_factors: '/admin/users',
};

/** The summary of one approval the caller may see, with the object as far as they may read it. */
export async function summarizeApproval(
  db: Db,
  ctx: RequestContext,
  approvalId: string,
): Promise<ApprovalSummary> {
  const approval = await getApproval(db, ctx, approvalId);
  const summarizer = summarizers.get(approval.entityType);
  const content: SummaryContent = summarizer
    ? await summarizer(db, ctx, approval)
    : { link: FALLBACK_LINKS[approval.entityType] ?? null, facts: [], changes: null };
  const names = await displayNames(db, ctx.actor.organizationId, [approval.requestedBy]);
  return {
    approvalId: approval.id,
    approvalType: approval.approvalType,
    entityType: approval.entityType,
    title: approval.title,
    detail: summarizer ? 'full' : 'basic',
    requester: { id: approval.requestedBy, name: names.get(approval.requestedBy) ?? null },
    requestedAt: approval.requestedAt.toISOString(),
    risks: null,
    moreRisks: 0,
    ...content,
  };
}
