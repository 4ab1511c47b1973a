import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/improvement';
import * as takeoverRepo from '@mamoru/db/repositories/improvement-takeover';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { loadBundle, NONCONFORMITY_ENTITY } from './access.ts';
import { nonconformityCode } from './workflow.ts';

/**
 * Audit findings of kind major_nc / minor_nc flow into the nonconformity
 * register (source internal_audit); observations and OFIs go to the
 * improvement register (improvements*.ts), not here.
 */

async function audited(
  tx: Executor,
  ctx: RequestContext,
  created: { id: string; number: number; auditFindingId: string }[],
) {
  await recordAudit(
    tx,
    ctx,
    created.map((c) => ({
      action: 'nonconformity.taken_over' as const,
      entityType: NONCONFORMITY_ENTITY,
      entityId: c.id,
      after: { number: c.number, source: 'internal_audit', auditFindingId: c.auditFindingId },
    })),
  );
  return created.map((c) => ({ ...c, code: nonconformityCode(c.number) }));
}

/**
 * Every nonconformity finding of the audit not yet taken over becomes a
 * nonconformity; calling it again creates nothing. Runs inside the caller's
 * transaction (the report approval calls it; authorization is the caller's).
 */
export async function takeOverAuditFindings(tx: Executor, ctx: RequestContext, auditId: string) {
  const org = ctx.actor.organizationId;
  await repo.lockNumbering(tx, org);
  return audited(tx, ctx, await takeoverRepo.takeOverFindings(tx, org, { auditId }));
}

/** The ISMS manager takes over every nonconformity finding of one audit. */
export async function takeOverAudit(db: Db, ctx: RequestContext, auditId: string) {
  authorize(ctx.actor, 'improvement:manage');
  return db.transaction(async (tx) => {
    if (!(await takeoverRepo.auditExists(tx, ctx.actor.organizationId, auditId))) {
      throw notFound('audit');
    }
    return takeOverAuditFindings(tx, ctx, auditId);
  });
}

/** The ISMS manager takes over one finding by hand (before the report is approved). */
export async function takeOverFinding(db: Db, ctx: RequestContext, findingId: string) {
  authorize(ctx.actor, 'improvement:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const finding = await takeoverRepo.findingForTakeover(tx, org, findingId);
    if (!finding) throw invalid([{ field: 'findingId', code: 'reference_not_found' }]);
    if (finding.kind !== 'major_nc' && finding.kind !== 'minor_nc') {
      throw invalid(
        [{ field: 'findingId', code: 'nc_finding_not_nonconformity' }],
        'nc_finding_not_nonconformity',
      );
    }
    if (finding.nonconformity_id) throw conflict('nc_finding_taken_over');
    await repo.lockNumbering(tx, org);
    const created = await takeoverRepo.takeOverFindings(tx, org, { findingId });
    if (created.length === 0) throw conflict('nc_finding_taken_over');
    await audited(tx, ctx, created);
    return loadBundle(tx, org, created[0]!.id);
  });
}
