import type { Db, Executor } from '@mamoru/db';
import * as ackRepo from '@mamoru/db/repositories/documents-acknowledgements';
import * as repo from '@mamoru/db/repositories/documents';
import type { DocumentRow, DocumentVersionRow } from '@mamoru/db/repositories/documents';
import type { DocumentDraftUpdate } from '@mamoru/contracts';
import { conflict, invalid, notFound, staleVersion } from '../errors.ts';
import { recordAudit, type AuditEntry, type RequestContext } from '../audit/trail.ts';
import {
  isVersionApproved,
  registerApprovalHandler,
  requestApproval,
} from '../approvals/service.ts';
import { checkUser } from '../scope/common.ts';
import {
  DOCUMENT_ENTITY,
  DOCUMENT_VERSION_ENTITY,
  isPublished,
  readsAll,
  today,
  visibleDocument,
  visibleVersion,
  writableDocument,
} from './common.ts';
import {
  approvalTypeOf,
  diffBodies,
  documentSearchText,
  nextReviewAfter,
  policyProblems,
} from './rules.ts';

/**
 * The lifecycle of a document's versions (4.3.2.a, c, d, h, i): a draft is
 * edited in place, goes for approval (in_review), is approved through the
 * approvals service, and is then issued, which supersedes the version issued
 * before and distributes it. Withdrawal makes the issued version obsolete,
 * kept for reference.
 */

export async function listVersions(db: Db, ctx: RequestContext, documentId: string) {
  const doc = await visibleDocument(db, ctx, documentId);
  const rows = await repo.versionsOf(db, ctx.actor.organizationId, doc.id);
  return readsAll(ctx.actor, doc) ? rows : rows.filter(isPublished);
}

export async function getVersion(db: Db, ctx: RequestContext, documentId: string, id: string) {
  const doc = await visibleDocument(db, ctx, documentId);
  return visibleVersion(db, ctx, doc, id);
}

const versionOf = async (tx: Executor, doc: DocumentRow, id: string) => {
  const row = await repo.getDocumentVersion(tx, doc.organizationId, doc.id, id, true);
  if (!row) throw notFound('document version');
  return row;
};

/** Starts the next draft from the issued text (or the latest); one open draft at a time. */
export async function startDraftIn(tx: Executor, ctx: RequestContext, doc: DocumentRow) {
  const org = doc.organizationId;
  const open = await repo.versionsOf(tx, org, doc.id, ['draft', 'in_review']);
  if (open.length) throw conflict('document_draft_exists', { revision: open[0]!.revision });
  const [base] = doc.currentVersionId
    ? [await repo.getDocumentVersion(tx, org, doc.id, doc.currentVersionId)]
    : await repo.versionsOf(tx, org, doc.id);
  const draft = await repo.insertDocumentVersion(tx, {
    organizationId: org,
    documentId: doc.id,
    revision: (await repo.latestRevision(tx, org, doc.id)) + 1,
    status: 'draft',
    body: base?.body ?? '',
    changeSummary: '',
    policyFields: base?.policyFields ?? null,
    createdBy: ctx.actor.userId,
    updatedBy: ctx.actor.userId,
  });
  if (base) await repo.copyVersionFiles(tx, org, base.id, draft.id, ctx.actor.userId);
  await recordAudit(tx, ctx, [
    {
      action: 'document.draft_started',
      entityType: DOCUMENT_VERSION_ENTITY,
      entityId: draft.id,
      after: { documentId: doc.id, revision: draft.revision, basedOn: base?.id ?? null },
    },
  ]);
  return draft;
}

export async function startDraft(db: Db, ctx: RequestContext, documentId: string) {
  return db.transaction(async (tx) =>
    startDraftIn(tx, ctx, await writableDocument(tx, ctx, documentId)),
  );
}

function mustBeDraft(row: DocumentVersionRow, expectedVersion: number | null) {
  if (row.status !== 'draft') {
    throw conflict('document_version_not_draft', { revision: row.revision });
  }
  if (expectedVersion !== null && row.version !== expectedVersion) throw staleVersion();
}

/** Edits the text of a draft (body, change summary, the policy's structured fields). */
export async function updateDraft(
  db: Db,
  ctx: RequestContext,
  documentId: string,
  id: string,
  expectedVersion: number,
  patch: DocumentDraftUpdate,
) {
  return db.transaction(async (tx) => {
    const doc = await writableDocument(tx, ctx, documentId);
    const row = await versionOf(tx, doc, id);
    mustBeDraft(row, expectedVersion);
    const updated = await repo.updateDocumentVersion(tx, doc.organizationId, id, expectedVersion, {
      ...(patch.body !== undefined ? { body: patch.body } : {}),
      ...(patch.changeSummary !== undefined ? { changeSummary: patch.changeSummary } : {}),
      ...(patch.policyFields !== undefined ? { policyFields: patch.policyFields } : {}),
      updatedBy: ctx.actor.userId,
    });
    if (!updated) throw staleVersion();
    // Before the first issue, search reads the draft.
    if (!doc.currentVersionId && patch.body !== undefined) {
      await repo.updateDocument(tx, doc.organizationId, doc.id, null, {
        searchText: documentSearchText(doc, updated.body),
      });
    }
    await recordAudit(tx, ctx, [
      {
        action: 'document.draft_updated',
        entityType: DOCUMENT_VERSION_ENTITY,
        entityId: id,
        before: { changeSummary: row.changeSummary, bodyLength: row.body.length },
        after: { changeSummary: updated.changeSummary, bodyLength: updated.body.length },
      },
    ]);
    return updated;
  });
}

/** Sends a draft for approval as it stands; the ISMS policy goes to top management. */
export async function requestVersionApproval(
  db: Db,
  ctx: RequestContext,
  documentId: string,
  id: string,
  expectedVersion: number,
  input: { assigneeUserId?: string | null | undefined },
) {
  return db.transaction(async (tx) => {
    const doc = await writableDocument(tx, ctx, documentId);
    const row = await versionOf(tx, doc, id);
    mustBeDraft(row, expectedVersion);
    const problems = [
      ...policyProblems(doc, row.policyFields),
      ...(await checkUser(tx, doc.organizationId, input.assigneeUserId, 'assigneeUserId')),
    ];
    if (problems.length) throw invalid(problems);
    const approval = await requestApproval(tx, ctx, {
      approvalType: approvalTypeOf(doc),
      entityType: DOCUMENT_VERSION_ENTITY,
      entityId: row.id,
      entityVersion: row.revision,
      title: `${doc.code} ${doc.title}`,
      authorId: row.updatedBy ?? row.createdBy ?? ctx.actor.userId,
      assigneeUserId: input.assigneeUserId ?? null,
    });
    const updated = await repo.updateDocumentVersion(tx, doc.organizationId, id, null, {
      status: 'in_review',
      approvalId: approval.id,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'document.approval_requested',
        entityType: DOCUMENT_VERSION_ENTITY,
        entityId: id,
        before: { status: row.status },
        after: { status: 'in_review', approvalId: approval.id },
      },
    ]);
    return updated!;
  });
}

// A granted approval marks the version approved (ready to issue); a rejected
// or withdrawn request reopens the draft.
registerApprovalHandler(DOCUMENT_VERSION_ENTITY, {
  async onDecided(tx, ctx, approval) {
    const org = approval.organizationId;
    const row = await repo.getVersionById(tx, org, approval.entityId);
    if (!row || row.revision !== approval.entityVersion || row.status !== 'in_review') return;
    const approved = approval.status === 'approved';
    await repo.updateDocumentVersion(
      tx,
      org,
      row.id,
      null,
      approved
        ? { approvedBy: approval.decidedBy, approvedAt: approval.decidedAt ?? new Date() }
        : { status: 'draft', approvalId: null },
    );
    await recordAudit(tx, ctx, [
      {
        action: approved ? 'document.approved' : 'document.reopened',
        entityType: DOCUMENT_VERSION_ENTITY,
        entityId: row.id,
        before: { status: row.status },
        after: { status: approved ? 'approved' : 'draft', approvalId: approval.id },
      },
    ]);
  },
});

/**
 * Issues an approved version: the one issued before becomes superseded, the
 * document points at the new one, its next review is set from today, and every
 * recipient of the distribution gets it on their "to read" list (one insert).
 */
export async function issueVersion(db: Db, ctx: RequestContext, documentId: string, id: string) {
  return db.transaction(async (tx) => {
    const doc = await writableDocument(tx, ctx, documentId);
    const org = doc.organizationId;
    const row = await versionOf(tx, doc, id);
    if (row.status === 'issued')
      throw conflict('document_version_issued', { revision: row.revision });
    const approved =
      row.status === 'in_review' &&
      row.approvedAt !== null &&
      (await isVersionApproved(tx, org, DOCUMENT_VERSION_ENTITY, row.id, row.revision));
    if (!approved) throw conflict('document_not_approved', { revision: row.revision });
    const superseded = await repo.retireIssuedVersion(tx, org, doc.id, 'superseded');
    const issued = await repo.updateDocumentVersion(tx, org, id, null, {
      status: 'issued',
      issuedAt: new Date(),
    });
    await repo.updateDocument(tx, org, doc.id, null, {
      status: 'issued',
      currentVersionId: id,
      currentRevision: row.revision,
      issuedAt: new Date(),
      nextReviewDate: nextReviewAfter(today(), doc.reviewIntervalMonths),
      searchText: documentSearchText(doc, row.body),
    });
    const recipients = await ackRepo.createAcknowledgements(tx, org, doc.id, id, {
      orgUnitIds: doc.distributionUnitIds,
      roles: doc.distributionRoles,
      userIds: doc.distributionUserIds,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'document.issued',
        entityType: DOCUMENT_VERSION_ENTITY,
        entityId: id,
        before: { status: row.status, supersedes: superseded?.id ?? null },
        after: { status: 'issued', revision: row.revision, recipients },
      },
      ...(superseded
        ? [
            {
              action: 'document.superseded',
              entityType: DOCUMENT_VERSION_ENTITY,
              entityId: superseded.id,
              before: { status: 'issued' },
              after: { status: 'superseded', by: id },
            } satisfies AuditEntry,
          ]
        : []),
    ]);
    return issued!;
  });
}

/** Withdraws the document: its issued version becomes obsolete, retained for reference. */
export async function withdrawDocument(
  db: Db,
  ctx: RequestContext,
  documentId: string,
  expectedVersion: number,
  reason: string,
) {
  return db.transaction(async (tx) => {
    const doc = await writableDocument(tx, ctx, documentId);
    if (doc.version !== expectedVersion) throw staleVersion();
    if (doc.status !== 'issued') throw conflict('document_not_issued');
    const retired = await repo.retireIssuedVersion(
      tx,
      doc.organizationId,
      doc.id,
      'obsolete',
      reason,
    );
    await repo.updateDocument(tx, doc.organizationId, doc.id, expectedVersion, {
      status: 'obsolete',
      nextReviewDate: null,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'document.withdrawn',
        entityType: DOCUMENT_ENTITY,
        entityId: doc.id,
        before: { status: 'issued', versionId: retired?.id ?? null },
        after: { status: 'obsolete', reason },
      },
    ]);
  });
}

/** The line diff between the bodies of two versions of the same document. */
export async function diffVersions(
  db: Db,
  ctx: RequestContext,
  documentId: string,
  fromId: string,
  toId: string,
) {
  const doc = await visibleDocument(db, ctx, documentId);
  const from = await visibleVersion(db, ctx, doc, fromId);
  const to = await visibleVersion(db, ctx, doc, toId);
  return { from, to, ...diffBodies(from.body, to.body) };
}
