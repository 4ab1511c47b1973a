import type { Db } from '@mamoru/db';
import type { AssetCategory } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { decideApproval } from '../approvals/service.ts';
import { requestVersionApproval, issueVersion } from '../documents/versions.ts';
import { bulkTreatment, selection } from '../risks/bulk.ts';
import { createFromTreatment, proposalsFor } from '../risks/proposals.ts';
import { submitResidualAcceptance } from '../risks/treatment.ts';

/**
 * The sample company mid-way through its ISMS: most risks decided (one bulk
 * treatment per asset category, the same service a person uses), the plan
 * actions those decisions imply, issued policy and procedures, and requests
 * waiting for top management, so every Plan page has something to show.
 */

/** Categories decided so far; people-related risks are left for the newcomer to treat. */
const DECIDED: readonly AssetCategory[] = [
  'information',
  'software',
  'physical',
  'service',
  'intangible',
];
/** Due dates of the plan: one, two, three… quarters from today. */
const dueIn = (quarters: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() + 3 * quarters);
  return d.toISOString().slice(0, 10);
};

interface Threat {
  assetCategories: string[];
  relatedControls: string[];
}

/** The controls most of a category's threats relate to (at most three). */
function controlsFor(category: string, threats: readonly Threat[]) {
  const counts = new Map<string, number>();
  for (const t of threats.filter((t) => t.assetCategories.includes(category)))
    for (const id of t.relatedControls.slice(0, 2)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([id]) => id);
}

export async function treatCategory(
  db: Db,
  manager: RequestContext,
  filter: { assetCategory: AssetCategory; evaluation: 'treat' | 'accept' },
  decision: { option: 'apply_controls' | 'retain'; rationale: string; controlIds: string[] },
) {
  const seen = await selection(db, manager, filter);
  if (seen.count === 0 || seen.count > seen.max || seen.pending > 0) return [];
  const result = await bulkTreatment(db, manager, {
    filter,
    expected: { count: seen.count, tag: seen.tag },
    option: decision.option,
    transferTo: '',
    rationale: decision.rationale,
    controlIds: decision.controlIds,
    justification: decision.controlIds.length ? '脅威の多くに関連する管理策' : '',
    residualLikelihood: decision.option === 'apply_controls' ? 1 : null,
  });
  return result.riskIds;
}

/** Treatment decisions, plan actions and a residual risk request waiting for top management. */
export async function decideRisks(
  db: Db,
  people: Map<string, RequestContext>,
  threats: readonly Threat[],
) {
  const manager = people.get('sato')!;
  let treated = 0;
  const applied: string[][] = [];
  for (const category of DECIDED) {
    const controlIds = controlsFor(category, threats);
    if (controlIds.length === 0) continue;
    const ids = await treatCategory(
      db,
      manager,
      { assetCategory: category, evaluation: 'treat' },
      {
        option: 'apply_controls',
        rationale: '管理策の導入により発生可能性を下げる',
        controlIds,
      },
    );
    applied.push(ids);
    treated += ids.length;
    // Risks within the acceptable level are knowingly retained.
    treated += (
      await treatCategory(
        db,
        manager,
        { assetCategory: category, evaluation: 'accept' },
        {
          option: 'retain',
          rationale: 'リスク受容基準以下のため保有する',
          controlIds: [],
        },
      )
    ).length;
  }
  // The actions those decisions imply, owned by the IT manager with due dates.
  let actions = 0;
  const owner = people.get('suzuki')?.actor.userId ?? null;
  for (const [i, ids] of applied.entries()) {
    if (ids.length === 0) continue;
    const proposals = await proposalsFor(db, manager.actor.organizationId, ids);
    if (proposals.length === 0) continue;
    const created = await createFromTreatment(db, manager, {
      riskIds: ids,
      controlIds: proposals.map((p) => p.controlId),
      ownerUserId: owner,
      priority: i === 0 ? 'high' : 'medium',
      dueDate: dueIn(i + 1),
    });
    actions += created.length;
  }
  // The information assets' residual risks wait for the president's sign-off.
  const [first] = applied;
  if (first && first.length > 0)
    await submitResidualAcceptance(db, manager, {
      riskIds: first,
      note: '情報資産の残留リスク',
      authorizeOperation: true,
      assigneeUserId: people.get('yamada')?.actor.userId ?? null,
    });
  return { treated, actions };
}

/**
 * Approval and issue of the documents: all but the last are approved by the
 * president and issued; the last waits for approval.
 */
export async function issueDocuments(
  db: Db,
  people: Map<string, RequestContext>,
  drafts: { documentId: string; versionId: string; version: number }[],
) {
  const manager = people.get('sato')!;
  const president = people.get('yamada')!;
  let issued = 0;
  for (const [i, d] of drafts.entries()) {
    const requested = await requestVersionApproval(
      db,
      manager,
      d.documentId,
      d.versionId,
      d.version,
      { assigneeUserId: president.actor.userId },
    );
    if (i === drafts.length - 1) break;
    await decideApproval(db, president, requested.approvalId!, 'approved', '承認します');
    await issueVersion(db, manager, d.documentId, d.versionId);
    issued += 1;
  }
  return issued;
}
