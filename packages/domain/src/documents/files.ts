import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/documents';
import * as filesRepo from '@mamoru/db/repositories/files';
import type { RequestContext } from '../audit/trail.ts';
import { conflict, notFound } from '../errors.ts';
import { registerFileOwner } from '../files/owners.ts';
import {
  DOCUMENT_VERSION_ENTITY,
  visibleDocument,
  visibleVersion,
  writableDocument,
} from './common.ts';

/**
 * Attachments of a document version live in the evidence file store as files
 * owned by the version (owner type `document_version`). They are read like
 * the version and change only while it is a draft: once it goes for approval
 * its attachments are frozen with its text.
 */
registerFileOwner(DOCUMENT_VERSION_ENTITY, {
  async authorizeRead(db, ctx, ownerId) {
    const version = await repo.getVersionById(db, ctx.actor.organizationId, ownerId, false);
    if (!version) throw notFound('document version');
    const doc = await visibleDocument(db, ctx, version.documentId);
    await visibleVersion(db, ctx, doc, version.id);
  },
  async authorizeWrite(db, ctx, ownerId) {
    const version = await repo.getVersionById(db, ctx.actor.organizationId, ownerId, false);
    if (!version) throw notFound('document version');
    await writableDocument(db, ctx, version.documentId);
    if (version.status !== 'draft') {
      throw conflict('document_version_not_draft', { revision: version.revision });
    }
  },
});

const ownerOf = (versionId: string) => ({ type: DOCUMENT_VERSION_ENTITY, id: versionId });

/**
 * The attachments of a version, for everyone who may read it (staff included:
 * they hold documents:read, not isms:read). A page at a time, oldest first.
 */
export async function listVersionFiles(
  db: Db,
  ctx: RequestContext,
  documentId: string,
  versionId: string,
  page: { limit: number; cursor?: string | undefined },
) {
  const doc = await visibleDocument(db, ctx, documentId);
  const version = await visibleVersion(db, ctx, doc, versionId);
  return filesRepo.listFilesOf(db, ctx.actor.organizationId, ownerOf(version.id), page);
}

/** Every attachment of a version the caller was already allowed to open. */
export async function allVersionFiles(db: Executor, organizationId: string, versionId: string) {
  const all: filesRepo.FileView[] = [];
  let cursor: string | undefined;
  do {
    const page = await filesRepo.listFilesOf(db, organizationId, ownerOf(versionId), {
      limit: 200,
      cursor,
    });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
