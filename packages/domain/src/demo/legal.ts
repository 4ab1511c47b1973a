import type { Db } from '@mamoru/db';
import type { LegalObligationCreate } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { reviewObligation } from '../legal/review.ts';
import { createObligation } from '../legal/service.ts';

/**
 * The sample company's legal register (5.2.1.c, annex 12.1): the laws and the
 * contract a small Japanese manufacturer-supplier answers to, each with an
 * owner and the controls answering it, written through the same services a
 * person uses. One review of the amended privacy act is recorded; the export
 * control review is left overdue, as the dashboard should show.
 */

const daysFromToday = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

type Owner = 'manager' | 'itHead';
type DemoObligation = Omit<LegalObligationCreate, 'ownerUserId' | 'documentIds'> & {
  owner: Owner;
};

export const DEMO_OBLIGATIONS: readonly DemoObligation[] = [
  {
    kind: 'law',
    title: '個人情報の保護に関する法律（個人情報保護法）',
    authority: '個人情報保護委員会',
    reference: '第23条（安全管理措置）、第26条（漏えい等の報告）',
    summary:
      '取引先担当者と従業員の個人データを安全に管理し、漏えい等のおそれがあるときは委員会と本人に速やかに報告する。',
    owner: 'manager',
    reviewIntervalMonths: 12,
    controlIds: ['12.1.1', '12.1.4'],
    appliesSince: '2005-04-01',
    nextReviewDate: daysFromToday(200),
  },
  {
    kind: 'law',
    title: '不正競争防止法',
    authority: '経済産業省',
    reference: '第2条第6項（営業秘密）',
    summary:
      '図面や加工条件などの営業秘密を秘密として管理し（アクセス制限と表示）、持ち出しを防ぐ。',
    owner: 'itHead',
    reviewIntervalMonths: 12,
    controlIds: ['12.1.1', '12.1.2'],
    nextReviewDate: daysFromToday(120),
  },
  {
    kind: 'law',
    title:
      '電子計算機を使用して作成する国税関係帳簿書類の保存方法等の特例に関する法律（電子帳簿保存法）',
    authority: '国税庁',
    reference: '第7条（電子取引の取引情報の保存）',
    summary: '電子で受け取った請求書等を、改ざんを防ぐ措置と検索できる状態で7年間保存する。',
    owner: 'itHead',
    reviewIntervalMonths: 12,
    controlIds: ['12.1.3'],
    nextReviewDate: daysFromToday(20),
  },
  {
    kind: 'contract',
    title: '株式会社みなと物流との秘密保持契約',
    authority: '株式会社みなと物流',
    reference: '第5条（秘密情報の管理）、第8条（事故時の通知）',
    summary: '預かった配送先情報を契約の目的にだけ使い、事故のときは48時間以内に先方へ通知する。',
    owner: 'manager',
    reviewIntervalMonths: 12,
    controlIds: ['12.1.1', '4.2.2'],
    nextReviewDate: daysFromToday(60),
  },
  {
    kind: 'regulation',
    title: '外国為替及び外国貿易法（外為法）に基づく工作機械の輸出管理',
    authority: '経済産業省 安全保障貿易管理課',
    reference: '輸出貿易令 別表第1 第2項、貨物等省令',
    summary:
      '規制に該当する工作機械と技術資料を海外へ渡す前に該非判定を行い、必要な許可を取る。技術データの送信も対象とする。',
    owner: 'manager',
    reviewIntervalMonths: 6,
    controlIds: ['12.1.1', '12.1.6'],
    // Its review has slipped: the dashboard and 5.2.1.c show it.
    nextReviewDate: daysFromToday(-25),
  },
];

export async function createDemoLegal(
  db: Db,
  people: Record<Owner, RequestContext>,
  code: (title: string) => string,
) {
  const manager = people.manager;
  let created = 0;
  for (const { owner, ...o } of DEMO_OBLIGATIONS) {
    const row = await createObligation(db, manager, {
      ...o,
      title: code(o.title),
      ownerUserId: people[owner].actor.userId,
      documentIds: [],
    });
    created += 1;
    if (o.kind === 'law' && o.controlIds.includes('12.1.4')) {
      // The amended act was reviewed a month ago: a change for the management review.
      await reviewObligation(db, manager, row.id, row.version, {
        reviewedOn: daysFromToday(-30),
        outcome: 'changed',
        note: '改正法の施行に合わせ、漏えい時の報告手順を見直した。',
        nextReviewDate: o.nextReviewDate,
      });
    }
  }
  return created;
}
