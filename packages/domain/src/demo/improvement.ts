import type { Db } from '@mamoru/db';
import { nonconformitiesOfAudit } from '@mamoru/db/repositories/improvement-takeover';
import type { NonconformityDetail } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { createAction, implementAction } from '../improvement/actions.ts';
import {
  closeNonconformity,
  createNonconformity,
  getNonconformity,
  recordContainment,
} from '../improvement/nonconformities.ts';
import { recordCauseAnalysis, recordEvaluation } from '../improvement/nonconformities-steps.ts';
import { reviewAction } from '../improvement/reviews.ts';
import { takeOverAudit } from '../improvement/takeover.ts';
import { presentNonconformityDetail, type NonconformityBundle } from '../improvement/presenters.ts';

/**
 * The sample company's nonconformity register (7.2, 7.3), worked through the
 * same services a person uses: one closed after an effective action, one whose
 * action was reviewed not effective and reopened for a new cause analysis, and
 * a potential one just reported. With the demo's closed audit, its
 * nonconformity findings are taken over first and worked in the same way.
 */

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const view = (b: NonconformityBundle): NonconformityDetail => presentNonconformityDetail(b);

/** Containment, cause analysis, evaluation and one action owned by `owner`. */
async function workUpToAction(
  db: Db,
  manager: RequestContext,
  owner: RequestContext,
  nc: NonconformityDetail,
  steps: { containment: string; whys: string[]; category: 'process' | 'people'; cause: string },
  action: { title: string; resources: string },
) {
  let n = view(await recordContainment(db, manager, nc.id, nc.version, steps.containment));
  n = view(
    await recordCauseAnalysis(db, manager, n.id, n.version, {
      whySteps: steps.whys,
      fishboneCategory: steps.category,
      rootCause: steps.cause,
    }),
  );
  n = view(
    await recordEvaluation(db, manager, n.id, n.version, {
      actionNeeded: true,
      reason: '同じ原因で再発するおそれがあるため',
    }),
  );
  n = view(
    await createAction(db, manager, n.id, n.version, {
      kind: 'corrective',
      title: action.title,
      description: '',
      ownerId: owner.actor.userId!,
      dueDate: inDays(30),
      resources: action.resources,
      reviewIntervalDays: 0,
    }),
  );
  const planned = n.actions.at(-1)!;
  return view(
    await implementAction(db, owner, planned.id, planned.version, {
      note: `${action.title}を実施し、手順書に反映した。`,
      evidence: [],
    }),
  );
}

export async function createDemoNonconformities(
  db: Db,
  manager: RequestContext,
  owner: RequestContext,
  auditId: string | null,
): Promise<number> {
  // The closed audit's report approval took its nonconformity over already; this only
  // catches findings it did not (idempotent). The first one is worked below.
  if (auditId) await takeOverAudit(db, manager, auditId);
  const [fromAudit] = auditId
    ? await nonconformitiesOfAudit(db, manager.actor.organizationId, auditId)
    : [];
  let count = 0;

  const backup = view(
    await createNonconformity(db, manager, {
      kind: 'nonconformity',
      source: 'internal_audit',
      title: 'バックアップの復元テストが計画どおり実施されていない',
      description: '内部監査で、過去6か月間に復元テストの記録がないことが確認された。',
      severity: 'minor',
      requirementIds: [],
      controlIds: [],
      unitId: null,
      evidence: [],
      detectedOn: today(),
      ownerId: manager.actor.userId,
    }),
  );
  let n = await workUpToAction(
    db,
    manager,
    owner,
    backup,
    {
      containment: '直ちに復元テストを実施し、バックアップが正常に復元できることを確認した。',
      whys: ['復元テストが実施されなかった', '担当者が決まっていなかった'],
      category: 'process',
      cause: 'バックアップ手順に復元テストの担当者と頻度が定められていない。',
    },
    { title: '復元テストの担当者と頻度を手順書に定める', resources: '情報システム部 2時間' },
  );
  const done = n.actions.at(-1)!;
  n = view(
    await reviewAction(db, manager, done.id, done.version, {
      effective: true,
      note: '翌月以降、毎月の復元テストの記録が残っていることを確認した。',
      evidence: [],
    }),
  );
  await closeNonconformity(db, manager, n.id, n.version, '原因が除去されたことを確認した');
  count += 1;

  // The audit's finding on leavers' accounts when the demo audit exists, else a self-identified one.
  const accounts = view(
    fromAudit
      ? await getNonconformity(db, manager, fromAudit)
      : await createNonconformity(db, manager, {
          kind: 'nonconformity',
          source: 'self_identified',
          title: '退職者のアカウントが削除されていない',
          description: '月次の棚卸しで、退職者2名のアカウントが有効なまま残っていた。',
          severity: 'major',
          requirementIds: [],
          controlIds: [],
          unitId: null,
          evidence: [],
          detectedOn: today(),
          ownerId: manager.actor.userId,
        }),
  );
  n = await workUpToAction(
    db,
    manager,
    owner,
    accounts,
    {
      containment: '該当する2名のアカウントを直ちに無効にした。',
      whys: ['退職の連絡が情報システム部に届かなかった', '連絡の手順が口頭だった'],
      category: 'people',
      cause: '人事部から情報システム部への退職連絡が担当者任せになっている。',
    },
    { title: '退職時の連絡をメールで行うよう周知する', resources: '人事部・情報システム部' },
  );
  const failed = n.actions.at(-1)!;
  // Not effective: a further account was found; the nonconformity reopens for a new analysis.
  n = view(
    await reviewAction(db, manager, failed.id, failed.version, {
      effective: false,
      note: '翌月の棚卸しで、再び退職者のアカウントが残っていた。',
      evidence: [],
    }),
  );
  await recordCauseAnalysis(db, manager, n.id, n.version, {
    whySteps: ['周知だけでは連絡が漏れた', '連絡を確認する仕組みがない'],
    fishboneCategory: 'process',
    rootCause: '退職手続きのチェックリストにアカウント削除の確認欄がない。',
  });
  count += 1;

  await createNonconformity(db, manager, {
    kind: 'potential',
    source: 'monitoring',
    title: 'ログサーバーの空き容量が少なくなっている',
    description: '監視の結果、空き容量が20%を下回った。このままではログが欠落するおそれがある。',
    severity: 'minor',
    requirementIds: [],
    controlIds: [],
    unitId: null,
    evidence: [],
    detectedOn: today(),
    ownerId: owner.actor.userId,
  });
  return count + 1;
}
