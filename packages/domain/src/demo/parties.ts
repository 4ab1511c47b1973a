import type { Db } from '@mamoru/db';
import type { PartyFeedbackCreate, PartyKind } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { recordFeedback, respondToFeedback } from '../reviews/feedback.ts';
import { createParty } from '../reviews/parties.ts';

/**
 * The sample company's interested parties and the feedback heard from them in
 * the last year (6.2.b), recorded and answered through the same services a
 * person uses. The newest entry is left unanswered, as a review would find it.
 */

const daysAgo = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

interface DemoParty {
  key: string;
  name: string;
  kind: PartyKind;
  expectations: string;
  contact: string;
}

export const DEMO_PARTIES: readonly DemoParty[] = [
  {
    key: 'customer',
    name: '株式会社みなと物流',
    kind: 'customer',
    expectations: '預けた配送先情報の機密保持と、事故時の速やかな報告',
    contact: '情報システム部 窓口',
  },
  {
    key: 'regulator',
    name: '個人情報保護委員会',
    kind: 'regulator',
    expectations: '個人情報の安全管理措置と、漏えい時の報告義務の履行',
    contact: '',
  },
  {
    key: 'employees',
    name: '従業員',
    kind: 'employee',
    expectations: '働きやすく、規程が分かりやすいこと。個人の情報が守られること',
    contact: '総務部',
  },
  {
    key: 'cloud',
    name: '株式会社あおばクラウド',
    kind: 'supplier',
    expectations: '委託契約に沿った利用と、アカウント管理の徹底',
    contact: 'サポート窓口',
  },
  {
    key: 'shareholders',
    name: '株主',
    kind: 'shareholder',
    expectations: '事業継続と、情報セキュリティ事故による損失の回避',
    contact: '',
  },
];

type DemoFeedback = Omit<PartyFeedbackCreate, 'partyId' | 'receivedOn'> & {
  party: string;
  ago: number;
  /** The response and how many days after receipt it was given; none: still open. */
  response?: { text: string; after: number };
};

const FEEDBACK: readonly DemoFeedback[] = [
  {
    party: 'customer',
    ago: 300,
    channel: 'audit',
    sentiment: 'neutral',
    content: '委託先監査として、配送先データの取扱い手順とアクセス記録の提示を求められた。',
    response: {
      text: '手順書とアクセス記録の抜粋を提出し、監査で指摘事項なしと確認した。',
      after: 14,
    },
  },
  {
    party: 'employees',
    ago: 240,
    channel: 'survey',
    sentiment: 'negative',
    content: '社内アンケートで、パスワード変更の頻度が多すぎて業務の負担になるとの声が多かった。',
    response: {
      text: '定期変更をやめ、多要素認証の導入と合わせて規程を見直すことにした。',
      after: 30,
    },
  },
  {
    party: 'regulator',
    ago: 180,
    channel: 'other',
    sentiment: 'neutral',
    content: '改正後のガイドラインの説明会で、漏えい等の報告期限について周知があった。',
    response: { text: '事故対応手順に報告期限を追記し、担当者へ周知した。', after: 21 },
  },
  {
    party: 'cloud',
    ago: 120,
    channel: 'email',
    sentiment: 'negative',
    content: '退職者のアカウントが半年以上残っているとの連絡を受けた。',
    response: { text: '該当アカウントを停止し、退職時の手続に削除の確認を加えた。', after: 3 },
  },
  {
    party: 'customer',
    ago: 60,
    channel: 'meeting',
    sentiment: 'positive',
    content: '定例会議で、事故報告の早さと内容の分かりやすさを評価された。',
    response: { text: '評価を社内に共有した。', after: 7 },
  },
  {
    party: 'shareholders',
    ago: 10,
    channel: 'meeting',
    sentiment: 'neutral',
    content: '株主総会で、ランサムウェア対策とバックアップの状況について質問があった。',
  },
];

/**
 * `code` adds the run's suffix, so a forced second run keeps party names unique.
 * The ISMS manager keeps the register; the IT manager records what they heard.
 */
export async function createDemoParties(
  db: Db,
  manager: RequestContext,
  recorder: RequestContext,
  code: (c: string) => string,
) {
  const ids = new Map<string, string>();
  for (const p of DEMO_PARTIES) {
    const { key: _key, ...input } = p;
    const row = await createParty(db, manager, { ...input, name: code(p.name) });
    ids.set(p.key, row.id);
  }
  for (const [i, f] of FEEDBACK.entries()) {
    const { party, ago, response, ...input } = f;
    const by = i % 2 === 0 ? manager : recorder;
    const row = await recordFeedback(db, by, {
      ...input,
      partyId: ids.get(party)!,
      receivedOn: daysAgo(ago),
    });
    if (response) {
      await respondToFeedback(db, manager, row.id, row.version, {
        response: response.text,
        respondedOn: daysAgo(ago - response.after),
      });
    }
  }
  return { parties: DEMO_PARTIES.length, feedback: FEEDBACK.length };
}
