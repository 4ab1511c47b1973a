import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/records';
import type { RecordFilter, RecordRow, RecordSort } from '@mamoru/db/repositories/records';
import type { RecordCreate, RecordUpdate } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, invalid, notFound, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { registerFileOwner } from '../files/owners.ts';
import { authorizeWriteAll } from '../scope/common.ts';
import { validateEntries } from './entries.ts';
import { normalizeQuery, retentionEnd, searchTextOf } from './rules.ts';

/**
 * Records (4.3.3): structured entries and/or files, linked to what they
 * evidence, kept until their retention end and disposed of only through an
 * approved workflow (disposal.ts).
 */

export const RECORD_ENTITY = 'record';

type Page = { limit: number; cursor?: string | undefined };

/** The content of a record as the audit trail shows it. */
const contentOf = (r: RecordRow) => ({
  typeId: r.typeId,
  title: r.title,
  description: r.description,
  entries: r.entries,
  links: r.links,
  recordDate: r.recordDate,
  retentionEnd: r.retentionEnd,
  legalHold: r.legalHold,
  legalHoldReason: r.legalHoldReason,
  status: r.status,
  version: r.version,
});

const links = (items: RecordCreate['links']) =>
  items.map((l) => ({ type: l.type, id: l.id, label: l.label ?? '' }));

async function activeType(db: Executor, org: string, typeId: string) {
  const type = await repo.getRecordType(db, org, typeId);
  if (!type || !type.active) throw invalid([{ field: 'typeId', code: 'reference_not_found' }]);
  return type;
}

/** The entries as stored, or 422 with one error per field that does not fit the type. */
function checkedEntries(type: repo.RecordTypeRow, entries: Record<string, string>) {
  const result = validateEntries(type.fields, entries);
  if (result.errors.length > 0) throw invalid(result.errors);
  return result.entries;
}

/** A record that can still change: not disposed of, not waiting for disposal approval. */
function assertChangeable(row: RecordRow) {
  if (row.status === 'disposed') throw conflict('record_disposed');
  if (row.status === 'disposal_pending') throw conflict('record_disposal_pending');
}

/** Under legal hold a record is frozen: no field edits, no files added, deleted or replaced. */
function assertNotHeld(row: RecordRow) {
  if (row.legalHold) throw conflict('legal_hold', { reason: row.legalHoldReason ?? '' });
}

export async function getRecord(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  const row = await repo.getRecordView(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('record');
  return row;
}

export interface RecordListQuery extends Page {
  q?: string | undefined;
  typeId?: string | undefined;
  status?: string | undefined;
  legalHold?: 'true' | 'false' | undefined;
  retentionDueBy?: string | undefined;
  linkType?: string | undefined;
  linkId?: string | undefined;
  sort: RecordSort;
  direction: 'asc' | 'desc';
}

export async function listRecords(db: Db, ctx: RequestContext, q: RecordListQuery) {
  authorize(ctx.actor, 'isms:read');
  const filter: RecordFilter = {
    q: q.q ? normalizeQuery(q.q) : undefined,
    typeId: q.typeId,
    status: q.status,
    legalHold: q.legalHold === undefined ? undefined : q.legalHold === 'true',
    retentionDueBy: q.retentionDueBy,
    linkType: q.linkType,
    linkId: q.linkId,
  };
  return repo.listRecords(db, ctx.actor.organizationId, filter, q, q);
}

export async function createRecord(db: Db, ctx: RequestContext, input: RecordCreate) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const type = await activeType(tx, org, input.typeId);
    const content = {
      title: input.title,
      description: input.description,
      entries: checkedEntries(type, input.entries),
      links: links(input.links),
    };
    const row = await repo.insertRecord(tx, {
      organizationId: org,
      typeId: type.id,
      ...content,
      recordDate: input.recordDate,
      retentionEnd: retentionEnd(
        input.recordDate,
        type.retentionValue,
        type.retentionUnit as 'months',
      ),
      searchText: searchTextOf(content),
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'record.created',
        entityType: RECORD_ENTITY,
        entityId: row.id,
        after: contentOf(row),
      },
    ]);
    return (await repo.getRecordView(tx, org, row.id))!;
  });
}

export async function updateRecord(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: RecordUpdate,
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await repo.getRecord(tx, org, id, true);
    if (!before) throw notFound('record');
    if (before.version !== expectedVersion) throw staleVersion();
    assertChangeable(before);
    assertNotHeld(before);
    const type = (await repo.getRecordType(tx, org, before.typeId))!;
    const content = {
      title: patch.title ?? before.title,
      description: patch.description ?? before.description,
      // Entries are checked when they are written; others keep what was stored.
      entries: patch.entries ? checkedEntries(type, patch.entries) : before.entries,
      links: patch.links ? links(patch.links) : before.links,
    };
    const recordDate = patch.recordDate ?? before.recordDate;
    const updated = await repo.updateRecord(tx, org, id, expectedVersion, {
      ...content,
      recordDate,
      retentionEnd: retentionEnd(recordDate, type.retentionValue, type.retentionUnit as 'months'),
      searchText: searchTextOf(content),
      updatedBy: ctx.actor.userId,
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'record.updated',
        entityType: RECORD_ENTITY,
        entityId: id,
        ...diff(contentOf(before), contentOf(updated)),
      },
    ]);
    return (await repo.getRecordView(tx, org, id))!;
  });
}

/** Places or lifts a legal hold; while it stands the record cannot be disposed of. */
export async function setLegalHold(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: { active: boolean; reason?: string | undefined },
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  if (input.active && !input.reason) {
    throw invalid([{ field: 'reason', code: 'record_hold_reason_required' }]);
  }
  return db.transaction(async (tx) => {
    const before = await repo.getRecord(tx, org, id, true);
    if (!before) throw notFound('record');
    if (before.version !== expectedVersion) throw staleVersion();
    if (before.status === 'disposed') throw conflict('record_disposed');
    const updated = await repo.updateRecord(tx, org, id, expectedVersion, {
      legalHold: input.active,
      legalHoldReason: input.active ? input.reason! : null,
      updatedBy: ctx.actor.userId,
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: input.active ? 'record.legal_hold_placed' : 'record.legal_hold_lifted',
        entityType: RECORD_ENTITY,
        entityId: id,
        before: { legalHold: before.legalHold, reason: before.legalHoldReason },
        after: { legalHold: updated.legalHold, reason: updated.legalHoldReason },
      },
    ]);
    return (await repo.getRecordView(tx, org, id))!;
  });
}

// Files attached to a record are read like the record and change only while it
// is active and not on hold; deleting one is disposal, approved by a second person.
registerFileOwner(RECORD_ENTITY, {
  async authorizeRead(db, ctx, ownerId) {
    authorize(ctx.actor, 'isms:read');
    if (!(await repo.getRecord(db, ctx.actor.organizationId, ownerId))) throw notFound('record');
  },
  async authorizeWrite(db, ctx, ownerId) {
    authorizeWriteAll(ctx.actor);
    const row = await repo.getRecord(db, ctx.actor.organizationId, ownerId);
    if (!row) throw notFound('record');
    assertChangeable(row);
    assertNotHeld(row);
  },
  deletionApproval: {
    approvalType: 'record_disposal',
    async blocker(db, organizationId, ownerId) {
      const row = await repo.getRecord(db, organizationId, ownerId);
      return row?.legalHold ? 'legal_hold' : null;
    },
  },
});
