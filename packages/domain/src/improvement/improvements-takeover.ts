import type { Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/improvement-register';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { IMPROVEMENT_ENTITY } from './improvements.ts';

/**
 * Takes an audit's observations and opportunities for improvement over into
 * the improvement register (4.2.4.a), in the caller's transaction: the
 * counterpart of the nonconformity takeover, meant to run at report approval.
 * Idempotent: a finding taken over once is skipped.
 */
export async function takeOverAuditImprovements(
  tx: Executor,
  ctx: RequestContext,
  auditId: string,
) {
  const created = await repo.takeOverAuditFindings(tx, ctx.actor.organizationId, auditId);
  await recordAudit(
    tx,
    ctx,
    created.map((c) => ({
      action: 'improvement.created' as const,
      entityType: IMPROVEMENT_ENTITY,
      entityId: c.id,
      after: { number: c.number, source: 'audit', auditFindingId: c.audit_finding_id },
    })),
  );
  return created;
}
