import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/audits';
import * as facts from '@mamoru/db/repositories/audits-independence';
import type { AuditStatus } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { forbidden, invalid, notFound, staleVersion } from '../errors.ts';
import { authorize, reachOf } from '../identity/actor.ts';
import { AUDIT_ENTITY, getAudit } from './audits.ts';
import { findConflicts } from './independence-check.ts';
import { transitionRefusal } from './lifecycle-rules.ts';

/**
 * Moves an audit along planned → in_progress → reported → follow_up → closed.
 * The ISMS manager (audits:manage) moves any audit; an auditor (audits:conduct,
 * 'own') only an audit they are on the team of.
 */
export async function changeStatus(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  to: AuditStatus,
) {
  const conduct = authorize(ctx.actor, 'audits:conduct');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await repo.getAudit(tx, org, id, true);
    if (!before) throw notFound('audit');
    const manages = reachOf(ctx.actor, 'audits:manage') === 'all';
    if (!manages && conduct !== 'all' && !(await repo.isOnTeam(tx, id, ctx.actor.userId ?? ''))) {
      // An audit they cannot even read stays unknown to them (404, not 403).
      const reads = reachOf(ctx.actor, 'audits:read');
      if (reads !== 'all' && !(await repo.canSeeAudit(tx, org, id, ctx.actor.userId ?? ''))) {
        throw notFound('audit');
      }
      throw forbidden('forbidden_not_on_team', { permission: 'audits:conduct' });
    }
    if (before.version !== expectedVersion) throw staleVersion();
    const from = before.status as AuditStatus;
    const refusal = transitionRefusal(from, to, {
      hasLeadAuditor: before.leadAuditorId !== null,
      reportApproved: to === 'reported' ? await repo.reportApproved(tx, org, id) : false,
      unresolvedFindings: to === 'closed' ? await repo.unresolvedFindings(tx, org, id) : 0,
    });
    if (refusal) {
      throw invalid(
        [{ field: 'status', code: refusal.code, params: { from, to, ...refusal.params } }],
        refusal.code,
      );
    }
    const updated = await repo.updateAudit(tx, org, id, expectedVersion, {
      status: to,
      ...(to === 'closed' && { closedAt: new Date() }),
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'internal_audit.status_changed',
        entityType: AUDIT_ENTITY,
        entityId: id,
        before: { status: from },
        after: { status: to },
      },
    ]);
    return (await repo.getAuditView(tx, org, id))!;
  });
}

/** The independence conflicts of one audit (as visible to the actor) or of all open audits. */
export async function listConflicts(db: Db, ctx: RequestContext, auditId?: string) {
  const reach = authorize(ctx.actor, 'audits:read');
  const org = ctx.actor.organizationId;
  if (auditId) await getAudit(db, ctx, auditId);
  const open = await facts.openAuditsWithTeams(db, org, {
    ...(auditId && { auditId }),
    ...(reach === 'own' && { visibleTo: ctx.actor.userId ?? '' }),
  });
  return findConflicts(db, org, open);
}
