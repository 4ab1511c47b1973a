import * as repo from '@mamoru/db/repositories/documents';
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
