import type { ReviewInputSectionKey } from '@mamoru/contracts';
import { attendeesOf } from '@mamoru/db/repositories/reviews';
import type { Db } from '@mamoru/db';
import { pendingApprovalFor } from '@mamoru/db/repositories/approvals';
import { getReviewRow } from '@mamoru/db/repositories/reviews-rows';
import * as repo from '@mamoru/db/repositories/reviews-minutes';
import type { RequestContext } from '../audit/trail.ts';
import { decideApproval } from '../approvals/service.ts';
import { implementImprovement } from '../improvement/improvements.ts';
import { getImprovementView } from '@mamoru/db/repositories/improvement-register';
import { distributeMinutes, submitMinutes } from '../reviews/approval.ts';
import { recordDecision } from '../reviews/decisions.ts';
import { holdReview, updateMinutes } from '../reviews/minutes.ts';

/**
 * The sample company's last management review, from the meeting on: given a
 * review whose inputs are prepared (planned and compiled by the review's own
 * services), it is held on its planned day with everyone present, minuted
 * section by section, decides two things (a procedure change, done since,
 * and a budget, still open), is approved by the president and distributed.
 */

const DISCUSSION: Partial<Record<ReviewInputSectionKey, string>> = {
  a: '内部監査で軽微な不適合が2件あり、是正処置は完了した。前回のレビューからの持ち越しはない。',
  b: '取引先からアクセス権の管理について問い合わせがあり、回答済みである。',
  c: 'ログの自動監視を導入すれば、検知までの時間を短縮できる。',
  d: '是正処置はすべて期限内に実施され、有効性の確認も済んでいる。',
  e: '受容水準を超えるリスクのうち、ログ監視に関するものが未対応である。',
  f: '前回の決定事項はない（初回のレビュー）。',
  g: '開発部の拠点を追加し、適用範囲を改訂した。',
  h: 'アクセス権の棚卸しを年2回に増やすことを推奨する。',
};

const shiftDays = (day: string, days: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export async function minuteDemoReview(
  db: Db,
  people: { manager: RequestContext; president: RequestContext; itHead: RequestContext },
  reviewId: string,
) {
  const org = people.manager.actor.organizationId;
  const row = (await getReviewRow(db, org, reviewId))!;
  const attendees = await attendeesOf(db, org, [reviewId]);
  let view = await holdReview(db, people.manager, reviewId, row.version, {
    heldOn: row.plannedOn,
    attendance: attendees.map((a) => ({ attendeeId: a.id, attended: true })),
  });
  const sections = new Set((await repo.inputDiscussions(db, org, reviewId)).map((i) => i.section));
  view = await updateMinutes(db, people.manager, reviewId, view.version, {
    minutesSummary:
      'ISMSは引き続き適切かつ有効であると判断した。アクセス権管理の手順を見直し、ログ監視の予算を確保する。',
    discussion: (Object.keys(DISCUSSION) as ReviewInputSectionKey[])
      .filter((section) => sections.has(section))
      .map((section) => ({ section, text: DISCUSSION[section]! })),
  });
  const done = await recordDecision(db, people.manager, reviewId, {
    output: 'procedure',
    procedureReason: 'risk_level',
    amount: null,
    currency: 'JPY',
    title: 'アクセス権棚卸し手順の改訂（年2回）',
    description: '棚卸しの頻度を年1回から年2回に改め、手順書を改訂する。',
    inputSections: ['a', 'h'],
    ownerId: people.manager.actor.userId!,
    dueDate: shiftDays(row.plannedOn, 60),
  });
  await recordDecision(db, people.manager, reviewId, {
    output: 'resources',
    procedureReason: null,
    amount: 1_500_000,
    currency: 'JPY',
    title: 'ログ監視ツールの導入',
    description: '受容水準を超えるログ関連のリスクに対応するため、監視ツールの予算を確保する。',
    inputSections: ['c', 'e'],
    ownerId: people.itHead.actor.userId!,
    dueDate: shiftDays(new Date().toISOString().slice(0, 10), 90),
  });
  await submitMinutes(db, people.manager, reviewId, view.version, {});
  const approval = (await pendingApprovalFor(db, org, 'management_review', reviewId))!;
  await decideApproval(db, people.president, approval.id, 'approved', '承認します');
  const approved = (await getReviewRow(db, org, reviewId))!;
  await distributeMinutes(db, people.manager, reviewId, approved.version);
  // The procedure change is done since; the budget stays open for the next review's input f.
  const tracked = (await repo.getDecisionView(db, org, done.id))!;
  const improvement = (await getImprovementView(db, org, tracked.improvementId!))!;
  await implementImprovement(db, people.manager, improvement.id, improvement.version, {
    implementation: '手順書を改訂し、上期の棚卸しを実施した。',
    evidence: [],
  });
  return { reviewId, decisions: 2 };
}
