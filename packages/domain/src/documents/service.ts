import type { Db, Executor } from '@mamoru/db';
import * as assetsRepo from '@mamoru/db/repositories/assets';
import * as ackRepo from '@mamoru/db/repositories/documents-acknowledgements';
import * as repo from '@mamoru/db/repositories/documents';
import type { DocumentRow, NewDocument } from '@mamoru/db/repositories/documents';
import * as scopeRepo from '@mamoru/db/repositories/scope';
import * as usersRepo from '@mamoru/db/repositories/users';
import { flattenRequirements, shippedLibrary } from '@mamoru/catalog';
import type { DocumentCreate, DocumentListQuery, DocumentUpdate } from '@mamoru/contracts';
import { invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { annexControlIds, SCOPE_LIBRARY_ID } from '../scope/service.ts';
import { auditable, authorizeWriteAll, isUniqueViolation } from '../scope/common.ts';
import {
  DOCUMENT_ENTITY,
  myAcknowledgement,
  readsAll,
  visibleDocument,
  writableDocument,
} from './common.ts';
import { documentSearchText, normalizeSearch } from './rules.ts';

/**
 * The document register (4.3.1, 4.3.2): create, change, read and list
 * controlled documents. The text of a document lives in its versions
 * (versions.ts); distribution and reviews in distribution.ts.
 */

let requirementIds: Promise<ReadonlySet<string>> | undefined;
function knownRequirementIds(): Promise<ReadonlySet<string>> {
  requirementIds ??= shippedLibrary(SCOPE_LIBRARY_ID).then(
    (lib) => new Set(lib ? flattenRequirements(lib).map((r) => r.node.id) : []),
  );
  return requirementIds;
}

/**
 * The ids no record answers for, at their place in the list. `code` names
 * what kind of thing is missing (and the message quotes the id) where a
 * person typed it, so the answer says which field and which value are wrong.
 */
async function missing(
  ids: readonly string[],
  exists: (ids: string[]) => Promise<ReadonlySet<string>>,
  field: string,
  code = 'reference_not_found',
): Promise<FieldError[]> {
  if (ids.length === 0) return [];
  const found = await exists([...ids]);
  return ids.flatMap((id, i) =>
    found.has(id) ? [] : [{ field: `${field}.${i}`, code, params: { id } }],
  );
}

/** Every reference must be an object of the actor's organization or an ID of the criteria. */
async function referenceProblems(db: Executor, org: string, input: Partial<DocumentCreate>) {
  const problems: FieldError[] = [];
  if (input.ownerUserId && !(await usersRepo.getUser(db, org, input.ownerUserId))) {
    problems.push({ field: 'ownerUserId', code: 'reference_not_found' });
  }
  if (
    input.classificationId &&
    !(await assetsRepo.getClassificationLevel(db, org, input.classificationId))
  ) {
    problems.push({ field: 'classificationId', code: 'reference_not_found' });
  }
  const d = input.distribution;
  if (d) {
    problems.push(
      ...(await missing(
        d.orgUnitIds,
        (ids) => scopeRepo.existingOrgUnitIds(db, org, ids),
        'distribution.orgUnitIds',
      )),
      ...(await missing(
        d.userIds,
        // One query: inside a transaction, parallel queries would share one connection.
        async (ids) => new Set((await usersRepo.displayNames(db, org, ids)).keys()),
        'distribution.userIds',
      )),
    );
  }
  const controls = await annexControlIds();
  const requirements = await knownRequirementIds();
  problems.push(
    ...(await missing(
      input.controlIds ?? [],
      async () => controls,
      'controlIds',
      'document_control_unknown',
    )),
    ...(await missing(
      input.requirementIds ?? [],
      async () => requirements,
      'requirementIds',
      'document_requirement_unknown',
    )),
  );
  return problems;
}

/** Rules across fields, checked on the document as it would be after the change. */
function consistencyProblems(d: {
  type: string;
  ismsPolicy: boolean;
  externalOrigin: boolean;
  externalSource: string;
}): FieldError[] {
  const problems: FieldError[] = [];
  if (d.ismsPolicy && d.type !== 'policy') {
    problems.push({ field: 'ismsPolicy', code: 'document_isms_policy_type' });
  }
  if (d.externalOrigin && !d.externalSource.trim()) {
    problems.push({ field: 'externalSource', code: 'field_required' });
  }
  return problems;
}

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

function columnsOf(input: Partial<DocumentCreate>): Partial<NewDocument> {
  const { distribution, body: _b, changeSummary: _c, policyFields: _p, ...rest } = input;
  return {
    ...rest,
    ...(rest.tags ? { tags: unique(rest.tags) } : {}),
    ...(rest.controlIds ? { controlIds: unique(rest.controlIds) } : {}),
    ...(rest.requirementIds ? { requirementIds: unique(rest.requirementIds) } : {}),
    ...(distribution
      ? {
          distributionUnitIds: unique(distribution.orgUnitIds),
          distributionRoles: unique(distribution.roles),
          distributionUserIds: unique(distribution.userIds),
        }
      : {}),
  };
}

const codeTaken = (error: unknown): never => {
  if (isUniqueViolation(error)) throw invalid([{ field: 'code', code: 'code_taken' }]);
  throw error;
};

/** Creates a document with its first draft (revision 1). */
export async function createDocument(db: Db, ctx: RequestContext, input: DocumentCreate) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  const problems = [...consistencyProblems(input), ...(await referenceProblems(db, org, input))];
  if (problems.length) throw invalid(problems);
  const id = await db
    .transaction(async (tx) => {
      const doc = await repo.insertDocument(tx, {
        organizationId: org,
        ...columnsOf(input),
        code: input.code,
        title: input.title,
        type: input.type,
        status: 'draft',
        searchText: documentSearchText(input, input.body),
        createdBy: ctx.actor.userId,
      } as NewDocument);
      const draft = await repo.insertDocumentVersion(tx, {
        organizationId: org,
        documentId: doc.id,
        revision: 1,
        status: 'draft',
        body: input.body,
        changeSummary: input.changeSummary,
        policyFields: input.ismsPolicy
          ? (input.policyFields ?? {
              objectivesFramework: '',
              obligationsConsidered: '',
              riskCriteriaReference: '',
            })
          : null,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
      await recordAudit(tx, ctx, [
        {
          action: 'document.created',
          entityType: DOCUMENT_ENTITY,
          entityId: doc.id,
          after: { ...auditable(doc), searchText: undefined, draftId: draft.id },
        },
      ]);
      return doc.id;
    })
    .catch(codeTaken);
  return getDocument(db, ctx, id);
}

/** Changes the register fields (not the text: that is the draft version's). */
export async function updateDocument(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: DocumentUpdate,
) {
  const org = ctx.actor.organizationId;
  await db
    .transaction(async (tx) => {
      const before = await writableDocument(tx, ctx, id);
      if (before.version !== expectedVersion) throw staleVersion();
      const merged = {
        type: patch.type ?? before.type,
        ismsPolicy: patch.ismsPolicy ?? before.ismsPolicy,
        externalOrigin: patch.externalOrigin ?? before.externalOrigin,
        externalSource: patch.externalSource ?? before.externalSource,
      };
      const problems = [
        ...consistencyProblems(merged),
        ...(await referenceProblems(tx, org, patch as Partial<DocumentCreate>)),
      ];
      if (problems.length) throw invalid(problems);
      const body = await searchBody(tx, before);
      const next = {
        code: patch.code ?? before.code,
        title: patch.title ?? before.title,
        tags: patch.tags ?? before.tags,
      };
      const values = stripUndefined(columnsOf(patch as Partial<DocumentCreate>));
      const updated = await repo.updateDocument(tx, org, id, expectedVersion, {
        ...values,
        searchText: documentSearchText(next, body),
      });
      if (!updated) throw staleVersion();
      // People added to the distribution of an issued document get it to read now.
      const added =
        patch.distribution && updated.status === 'issued' && updated.currentVersionId
          ? await ackRepo.createAcknowledgements(tx, org, id, updated.currentVersionId, {
              orgUnitIds: updated.distributionUnitIds,
              roles: updated.distributionRoles,
              userIds: updated.distributionUserIds,
            })
          : 0;
      const { searchText: _a, ...b } = auditable(before);
      const { searchText: _b, ...a } = auditable(updated);
      const changes = diff(b, a);
      await recordAudit(tx, ctx, [
        {
          action: 'document.updated',
          entityType: DOCUMENT_ENTITY,
          entityId: id,
          before: changes.before,
          after: added ? { ...changes.after, recipientsAdded: added } : changes.after,
        },
      ]);
    })
    .catch(codeTaken);
  return getDocument(db, ctx, id);
}

/** The body search reads: the issued version's, or before any issue the latest draft's. */
export async function searchBody(tx: Executor, doc: DocumentRow) {
  const org = doc.organizationId;
  if (doc.currentVersionId) {
    const v = await repo.getDocumentVersion(tx, org, doc.id, doc.currentVersionId);
    if (v) return v.body;
  }
  const [latest] = await repo.versionsOf(tx, org, doc.id);
  return latest?.body ?? '';
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * A document as its page shows it: the register fields, the issued version in
 * force, the version being worked on (for those who may see drafts) and the
 * caller's own acknowledgement.
 */
export async function getDocument(db: Executor, ctx: RequestContext, id: string) {
  const doc = await visibleDocument(db, ctx, id);
  const org = ctx.actor.organizationId;
  const view = await repo.getDocumentView(db, org, id);
  if (!view) throw notFound('document');
  const current = doc.currentVersionId
    ? await repo.getDocumentVersion(db, org, id, doc.currentVersionId)
    : null;
  const [working] = readsAll(ctx.actor, doc)
    ? await repo.versionsOf(db, org, id, ['draft', 'in_review'])
    : [];
  return {
    view,
    current,
    working: working ?? null,
    myAcknowledgement: await myAcknowledgement(db, ctx, doc),
  };
}
export type DocumentDetailView = Awaited<ReturnType<typeof getDocument>>;

export async function listDocuments(db: Db, ctx: RequestContext, q: DocumentListQuery) {
  const reach = authorize(ctx.actor, 'documents:read');
  return repo.listDocuments(
    db,
    ctx.actor.organizationId,
    {
      q: q.q ? normalizeSearch(q.q) : undefined,
      type: q.type,
      status: q.status,
      ownerUserId: q.ownerUserId,
      tag: q.tag,
      reviewDueBy: q.reviewDueBy,
      visibleTo: reach === 'all' ? undefined : (ctx.actor.userId ?? ''),
    },
    { sort: q.sort, direction: q.direction },
    q,
  );
}
