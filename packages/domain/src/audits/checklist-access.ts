import { shippedLibrary, type Library } from '@mamoru/catalog';
import type { Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/audits-checklists';
import type { RequestContext } from '../audit/trail.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { authorize, can } from '../identity/actor.ts';
import { SCOPE_LIBRARY_ID } from '../scope/service.ts';
import { catalogIndex } from './checklist-scope.ts';

/**
 * Who may do what with an audit's checklist and findings. Reading follows
 * audits:read ('own': on the team or in an auditee unit; others get 404, the
 * audit is not theirs to see). Only the team fills lines, and only while the
 * audit is in progress; the team (or whoever manages audits) shapes the lines
 * before and during the audit.
 */

export type AuditAccess = repo.AuditAccessRow;

let library: Promise<Library> | undefined;
let index: Promise<ReturnType<typeof catalogIndex>> | undefined;

export function criteriaLibrary() {
  library ??= shippedLibrary(SCOPE_LIBRARY_ID).then((lib) => {
    if (!lib) throw new Error(`shipped library ${SCOPE_LIBRARY_ID} missing`);
    return lib;
  });
  return library;
}

export function criteriaIndex() {
  index ??= criteriaLibrary().then(catalogIndex);
  return index;
}

export async function readableAudit(
  db: Executor,
  ctx: RequestContext,
  auditId: string,
  forUpdate = false,
) {
  const reach = authorize(ctx.actor, 'audits:read');
  const audit = await repo.auditAccess(
    db,
    ctx.actor.organizationId,
    auditId,
    ctx.actor.userId,
    forUpdate,
  );
  if (!audit) throw notFound('audit');
  if (reach === 'own' && !audit.onTeam && !audit.inAuditee) throw notFound('audit');
  return audit;
}

/** Adding, rewording, removing or ordering lines: the team, or whoever manages audits. */
export async function shapeableAudit(db: Executor, ctx: RequestContext, auditId: string) {
  const audit = await readableAudit(db, ctx, auditId, true);
  if (!can(ctx.actor, 'audits:manage')) {
    authorize(ctx.actor, 'audits:conduct');
    if (!audit.onTeam) throw forbidden('audit_not_on_team');
  }
  if (audit.status !== 'planned' && audit.status !== 'in_progress') {
    throw conflict('audit_checklist_closed');
  }
  return audit;
}

/** Recording results: only a member of the team, only while the audit is in progress. */
export async function conductedAudit(db: Executor, ctx: RequestContext, auditId: string) {
  const audit = await readableAudit(db, ctx, auditId, true);
  authorize(ctx.actor, 'audits:conduct');
  if (!audit.onTeam) throw forbidden('audit_not_on_team');
  if (audit.status !== 'in_progress') throw conflict('audit_not_in_progress');
  return audit;
}
