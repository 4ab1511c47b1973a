import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/audits-checklists';
import * as views from '@mamoru/db/repositories/audits-findings';
import type { AuditFindingListQuery, AuditFindingUpdate } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { criteriaIndex, readableAudit } from './checklist-access.ts';
import { presentFinding } from './checklist-presenters.ts';
import { FINDING_ENTITY, findingContentOf } from './findings-raise.ts';

/**
 * Findings of internal audits and their follow-up (6.4): the auditee records
 * the correction, an auditor of the team who did not make it verifies it.
 * The improvement area reads the cross-audit list and takes findings over.
 */

const today = () => new Date().toISOString().slice(0, 10);

async function present(db: Executor, org: string, findingId: string) {
  const row = await views.findingView(db, org, today(), findingId);
  return presentFinding(row!, await criteriaIndex());
}

/** Findings across audits, filtered in SQL; 'own' reach sees the audits it takes part in. */
export async function listFindings(db: Db, ctx: RequestContext, q: AuditFindingListQuery) {
  const reach = authorize(ctx.actor, 'audits:read');
  const page = await views.listFindings(
    db,
    ctx.actor.organizationId,
    today(),
    {
      auditId: q.auditId,
      status: q.status,
      kind: q.kind,
      unitId: q.unitId,
      requirementId: q.requirementId,
      controlId: q.controlId,
      overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
      visibleTo:
        reach === 'own' ? (ctx.actor.userId ?? '00000000-0000-0000-0000-000000000000') : undefined,
    },
    q,
  );
  const catalog = await criteriaIndex();
  return { items: page.items.map((f) => presentFinding(f, catalog)), nextCursor: page.nextCursor };
}

export async function findingsOfAudit(db: Db, ctx: RequestContext, auditId: string) {
  const audit = await readableAudit(db, ctx, auditId);
  const rows = await views.findingsOfAudit(db, ctx.actor.organizationId, today(), audit.id);
  const catalog = await criteriaIndex();
  return rows.map((f) => presentFinding(f, catalog));
}

async function findingOf(tx: Executor, org: string, auditId: string, findingId: string) {
  const finding = await repo.getFinding(tx, org, auditId, findingId);
  if (!finding) throw notFound('finding');
  return finding;
}

const followedUp = (status: string) => ['in_progress', 'reported', 'follow_up'].includes(status);

/** The team words the finding, names its unit and due date while it is open. */
export async function updateFinding(
  db: Db,
  ctx: RequestContext,
  auditId: string,
  findingId: string,
  expectedVersion: number,
  patch: AuditFindingUpdate,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const audit = await readableAudit(tx, ctx, auditId, true);
    authorize(ctx.actor, 'audits:conduct');
    if (!audit.onTeam) throw forbidden('audit_not_on_team');
    if (!followedUp(audit.status)) throw conflict('audit_findings_closed');
    const before = await findingOf(tx, org, auditId, findingId);
    if (before.version !== expectedVersion) throw staleVersion();
    if (before.status !== 'open') throw conflict('audit_finding_progressed');
    if (patch.unitId && !audit.auditeeUnitIds.includes(patch.unitId)) {
      throw invalid([{ field: 'unitId', code: 'audit_finding_unit_not_auditee' }]);
    }
    const updated = await repo.updateFinding(tx, org, findingId, expectedVersion, patch);
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'audit_finding.updated',
        entityType: FINDING_ENTITY,
        entityId: findingId,
        ...diff(findingContentOf(before), findingContentOf(updated)),
      },
    ]);
    return present(tx, org, findingId);
  });
}

/** The auditee's correction: someone of an auditee unit (or of the finding's unit). */
export async function correctFinding(
  db: Db,
  ctx: RequestContext,
  auditId: string,
  findingId: string,
  expectedVersion: number,
  correction: string,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const audit = await readableAudit(tx, ctx, auditId, true);
    const reach = authorize(ctx.actor, 'audits:respond');
    const before = await findingOf(tx, org, auditId, findingId);
    if (reach === 'own' && !audit.inAuditee && !(await inUnit(tx, org, ctx, before.unitId))) {
      throw forbidden('audit_not_auditee');
    }
    if (!followedUp(audit.status)) throw conflict('audit_findings_closed');
    if (before.version !== expectedVersion) throw staleVersion();
    if (before.status !== 'open' && before.status !== 'corrected') {
      throw conflict('audit_finding_progressed');
    }
    const updated = await repo.updateFinding(tx, org, findingId, expectedVersion, {
      status: 'corrected',
      correction,
      correctedBy: ctx.actor.userId,
      correctedAt: new Date(),
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'audit_finding.corrected',
        entityType: FINDING_ENTITY,
        entityId: findingId,
        before: { status: before.status, correction: before.correction },
        after: { status: updated.status, correction: updated.correction },
      },
    ]);
    return present(tx, org, findingId);
  });
}

async function inUnit(tx: Executor, org: string, ctx: RequestContext, unitId: string | null) {
  if (!unitId || !ctx.actor.userId) return false;
  return repo.userInUnit(tx, org, ctx.actor.userId, unitId);
}

/** Verification by an auditor of the team who did not make the correction. */
export async function verifyFinding(
  db: Db,
  ctx: RequestContext,
  auditId: string,
  findingId: string,
  expectedVersion: number,
  note: string,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const audit = await readableAudit(tx, ctx, auditId, true);
    authorize(ctx.actor, 'audits:conduct');
    if (!audit.onTeam) throw forbidden('audit_not_on_team');
    if (!followedUp(audit.status)) throw conflict('audit_findings_closed');
    const before = await findingOf(tx, org, auditId, findingId);
    if (before.version !== expectedVersion) throw staleVersion();
    if (before.status !== 'corrected') throw conflict('audit_finding_not_corrected');
    if (before.correctedBy === ctx.actor.userId) {
      throw invalid([{ field: 'verifiedBy', code: 'audit_finding_verifier_is_corrector' }]);
    }
    const updated = await repo.updateFinding(tx, org, findingId, expectedVersion, {
      status: 'verified',
      verifiedBy: ctx.actor.userId,
      verifiedAt: new Date(),
      verificationNote: note,
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'audit_finding.verified',
        entityType: FINDING_ENTITY,
        entityId: findingId,
        before: { status: before.status },
        after: { status: updated.status, verificationNote: note },
      },
    ]);
    return present(tx, org, findingId);
  });
}
