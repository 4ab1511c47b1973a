import type { Executor } from '@mamoru/db';
import * as ackRepo from '@mamoru/db/repositories/documents-acknowledgements';
import * as repo from '@mamoru/db/repositories/documents';
import type { DocumentRow, DocumentVersionRow } from '@mamoru/db/repositories/documents';
import { notFound } from '../errors.ts';
import type { RequestContext } from '../audit/trail.ts';
import { authorize, authorizeObject, type Actor } from '../identity/actor.ts';
import { PUBLISHED_STATUSES } from './rules.ts';

export const DOCUMENT_ENTITY = 'document';
/** Approvals name one version of a document. */
export const DOCUMENT_VERSION_ENTITY = 'document_version';

export const today = () => new Date().toISOString().slice(0, 10);

/**
 * Who sees what: readers with reach 'all' see every document and version;
 * readers with reach 'own' (staff) see documents they own or that were
 * distributed to them, and only their issued, superseded or obsolete versions.
 */
export function readsAll(actor: Actor, doc?: Pick<DocumentRow, 'ownerUserId'>) {
  const reach = authorize(actor, 'documents:read');
  return reach === 'all' || (!!doc && !!actor.userId && doc.ownerUserId === actor.userId);
}

/** The document if the caller may see it, else 404 (never 403: existence is not revealed). */
export async function visibleDocument(
  db: Executor,
  ctx: RequestContext,
  id: string,
  forUpdate = false,
) {
  const reach = authorize(ctx.actor, 'documents:read');
  const org = ctx.actor.organizationId;
  const doc = await repo.getDocument(db, org, id, forUpdate);
  if (!doc) throw notFound('document');
  if (reach === 'all' || doc.ownerUserId === ctx.actor.userId) return doc;
  const userId = ctx.actor.userId;
  if (!userId || !(await ackRepo.isRecipient(db, org, doc.id, userId))) {
    throw notFound('document');
  }
  return doc;
}

/** Loads a document for a change and checks the actor may change it (owners: their own). */
export async function writableDocument(tx: Executor, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:write');
  const doc = await repo.getDocument(tx, ctx.actor.organizationId, id, true);
  if (!doc) throw notFound('document');
  authorizeObject(ctx.actor, 'isms:write', doc.ownerUserId);
  return doc;
}

/** A version the caller may open. */
export async function visibleVersion(
  db: Executor,
  ctx: RequestContext,
  doc: DocumentRow,
  versionId: string,
  forUpdate = false,
) {
  const row = await repo.getDocumentVersion(
    db,
    ctx.actor.organizationId,
    doc.id,
    versionId,
    forUpdate,
  );
  if (!row) throw notFound('document version');
  if (!readsAll(ctx.actor, doc) && !isPublished(row)) throw notFound('document version');
  return row;
}

export const isPublished = (row: DocumentVersionRow) =>
  (PUBLISHED_STATUSES as readonly string[]).includes(row.status);

export async function myAcknowledgement(db: Executor, ctx: RequestContext, doc: DocumentRow) {
  if (!doc.currentVersionId || !ctx.actor.userId) return null;
  return ackRepo.acknowledgementOf(
    db,
    ctx.actor.organizationId,
    doc.currentVersionId,
    ctx.actor.userId,
  );
}
