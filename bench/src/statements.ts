import type { Db } from '@mamoru/db';
import { approvals, documents, scope, soa, soaEntries, type RequestContext } from '@mamoru/domain';
import { createRng } from './prng.ts';

/**
 * The scope, the Statement of Applicability and the document register of the
 * large organization, through their services. Neither has a bulk path for
 * creating many objects, so they are written one service call at a time.
 */

export async function createScope(
  db: Db,
  ctx: RequestContext,
  unitIds: readonly string[],
  locationIds: readonly string[],
) {
  await scope.putScope(db, ctx, null, {
    businessActivities: '製品の設計・製造・販売およびそれを支える情報システムの運用',
    orgUnitIds: [...unitIds],
    organizationNote: '',
    locationIds: [...locationIds],
    locationNote: '',
    assetCategories: ['information', 'software', 'physical', 'service', 'people', 'intangible'],
    assetNote: '',
    technology: '',
    boundaries: '',
    interfaces: [],
    exclusions: [],
  });
}

/**
 * `count` documents, each with its first draft; every tenth also goes through
 * approval and issue and gets a second draft, so the register has versions in
 * every state. Returns the ids of the documents.
 */
export async function createDocuments(
  db: Db,
  ctx: RequestContext,
  approver: RequestContext,
  count: number,
  seed: number,
) {
  const rng = createRng(seed);
  const types = ['procedure', 'standard', 'guideline', 'form_template'] as const;
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const n = String(i + 1).padStart(5, '0');
    const doc = await documents.createDocument(db, ctx, {
      code: `DOC-${n}`,
      title: `情報セキュリティ手順書 ${n}`,
      type: rng.pick(types),
      ismsPolicy: false,
      ownerUserId: ctx.actor.userId,
      classificationId: null,
      reviewIntervalMonths: 12,
      nextReviewDate: null,
      distribution: { orgUnitIds: [], roles: [], userIds: [] },
      externalOrigin: false,
      externalSource: '',
      externalVersion: '',
      tags: [],
      controlIds: [],
      requirementIds: [],
      body: `# 手順書 ${n}\n\n${'本手順は情報資産の取扱いを定める。'.repeat(rng.int(5, 40))}`,
      changeSummary: '初版',
    });
    ids.push(doc.view.id);
    if (i % 10 === 0) await issueAndRedraft(db, ctx, approver, doc.view.id);
  }
  return ids;
}

async function issueAndRedraft(
  db: Db,
  ctx: RequestContext,
  approver: RequestContext,
  documentId: string,
) {
  const [draft] = await documents.listVersions(db, ctx, documentId);
  const pending = await documents.requestVersionApproval(
    db,
    ctx,
    documentId,
    draft!.id,
    draft!.version,
    {},
  );
  await approvals.decideApproval(db, approver, pending.approvalId!, 'approved', undefined);
  await documents.issueVersion(db, ctx, documentId, draft!.id);
  await documents.startDraft(db, ctx, documentId);
}

/** The statement drafted from the risk work, then every entry decided and linked to documents. */
export async function createSoa(db: Db, ctx: RequestContext, documentIds: readonly string[]) {
  const statement = await soa.createSoa(db, ctx, { title: '適用宣言書 (bench)' });
  const { items } = await soa.listEntries(db, ctx, statement.id, {});
  let version = statement.current.version;
  for (const [i, entry] of items.entries()) {
    const docs = [documentIds[i % documentIds.length]!, documentIds[(i * 7) % documentIds.length]!];
    const result = await soaEntries.updateEntry(db, ctx, statement.id, entry.controlId, version, {
      applicable: true,
      reasons: [{ type: 'risk', note: 'リスクアセスメントの結果', link: null }],
      implementationStatus: i % 4 === 0 ? 'partial' : 'implemented',
      links: docs.map((id) => ({ type: 'document', id, label: '' })),
    });
    version = result.version.version;
  }
  return { id: statement.id, entries: items.length };
}
