import type { Db } from '@mamoru/db';
import type { RequestContext } from '../audit/trail.ts';
import { decideApproval } from '../approvals/service.ts';
import { createDocument } from '../documents/service.ts';
import { ensureCatalogs, listThreats } from '../risks/catalog.ts';
import { createMethod, submitMethod } from '../risks/methods.ts';
import { runGeneration, startGeneration } from '../risks/register.ts';
import { getScope, putScope } from '../scope/service.ts';
import { createSoa } from '../soa/service.ts';
import { DEMO_DOCUMENTS, DEMO_POLICY_FIELDS } from './data.ts';
import { decideRisks } from './progress.ts';

/** The planning steps of `mamoru demo` (create.ts): risks, documents, scope and SoA drafts. */

/**
 * The method (approved by the president, so values are computed), risks for
 * the sample assets from a part of the starter threat catalog, and most of
 * them decided (progress.ts).
 */
export async function createRisks(
  db: Db,
  ctx: RequestContext,
  people: Map<string, RequestContext>,
  assetIds: string[],
  run: number,
) {
  if (run === 1) {
    // A person asks for approval (the CLI's system actor may not); the president approves.
    const manager = people.get('sato')!;
    const method = await createMethod(db, manager, {
      name: '資産価値×脅威×脆弱性',
      preset: 'multiplicative',
    });
    const submitted = await submitMethod(db, manager, method.id, method.version, {});
    await decideApproval(
      db,
      people.get('yamada')!,
      submitted.approvalId!,
      'approved',
      '承認します',
    );
  }
  // The starter catalog, of which a third keeps the sample register readable.
  await db.transaction((tx) => ensureCatalogs(tx, ctx));
  const job = await startGeneration(db, ctx);
  const threats = await listThreats(db, ctx, {}, { limit: 200 });
  const chosen = threats.items.filter((_, i) => i % 3 === 0);
  const done = await runGeneration(db, ctx, job, {
    assetIds,
    threatIds: chosen.map((t) => t.id),
    pairing: 'per_threat',
    ownerFromAsset: true,
  });
  const created = (done.result as { created?: number } | null)?.created ?? 0;
  const { treated, actions } = await decideRisks(db, people, chosen);
  return { risks: created, treated, actions };
}

export async function createDocuments(
  db: Db,
  ctx: RequestContext,
  owner: RequestContext,
  code: (c: string) => string,
) {
  const drafts = [];
  for (const d of DEMO_DOCUMENTS) {
    const created = await createDocument(db, ctx, {
      code: code(d.code),
      title: d.ja,
      type: d.type,
      ismsPolicy: d.ismsPolicy,
      ownerUserId: owner.actor.userId,
      classificationId: null,
      reviewIntervalMonths: 12,
      nextReviewDate: null,
      distribution: { orgUnitIds: [], roles: [], userIds: [] },
      externalOrigin: false,
      externalSource: '',
      externalVersion: '',
      tags: [],
      controlIds: [],
      requirementIds: d.requirementIds ?? [],
      body: d.body,
      changeSummary: '初版',
      ...(d.ismsPolicy ? { policyFields: DEMO_POLICY_FIELDS } : {}),
    });
    const working = created.working!;
    drafts.push({ documentId: created.view.id, versionId: working.id, version: working.version });
  }
  return drafts;
}

/** A scope draft if there is none yet, then the SoA drafted from the risk work. */
export async function createSoaDraft(
  db: Db,
  ctx: RequestContext,
  unitIds: string[],
  locationIds: string[],
): Promise<'created' | 'exists'> {
  const current = await getScope(db, ctx);
  if (!current.current) {
    await putScope(db, ctx, null, {
      businessActivities: '精密部品の設計・製造・販売',
      orgUnitIds: unitIds,
      organizationNote: '',
      locationIds,
      locationNote: '',
      assetCategories: ['information', 'software', 'physical', 'service', 'people', 'intangible'],
      assetNote: '',
      technology: '',
      boundaries: '',
      interfaces: [],
      exclusions: [],
    });
  }
  try {
    await createSoa(db, ctx, { title: '適用宣言書' });
    return 'created';
  } catch (error) {
    if ((error as { code?: string }).code === 'soa_exists') return 'exists';
    throw error;
  }
}
