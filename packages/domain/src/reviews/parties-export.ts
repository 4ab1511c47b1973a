import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/reviews-parties';
import type { RequestContext } from '../audit/trail.ts';
import { feedbackReach } from './feedback.ts';
import { authorizePartyRead } from './parties.ts';

/**
 * The interested parties register with its feedback as two sheets of rows, in
 * Japanese or English. Labels are ours, never raw codes. Feedback follows the
 * reader's reach (one who only records feedback exports their own entries).
 */

type Lang = 'ja' | 'en';
type Labels = Record<string, { ja: string; en: string }>;

/** At most this many parties and this many feedback entries go into one export. */
export const PARTIES_EXPORT_MAX_ROWS = 5000;

export const PARTY_KIND_LABELS: Labels = {
  customer: { ja: '顧客', en: 'Customer' },
  regulator: { ja: '規制当局・行政', en: 'Regulator' },
  employee: { ja: '従業員', en: 'Employee' },
  supplier: { ja: '供給者・委託先', en: 'Supplier' },
  shareholder: { ja: '株主', en: 'Shareholder' },
  partner: { ja: '取引先・提携先', en: 'Business partner' },
  community: { ja: '地域社会', en: 'Community' },
  other: { ja: 'その他', en: 'Other' },
};
const CHANNEL: Labels = {
  meeting: { ja: '面談・会議', en: 'Meeting' },
  email: { ja: 'メール', en: 'Email' },
  survey: { ja: 'アンケート', en: 'Survey' },
  complaint: { ja: '苦情', en: 'Complaint' },
  audit: { ja: '監査・審査', en: 'Audit' },
  other: { ja: 'その他', en: 'Other' },
};
const SENTIMENT: Labels = {
  positive: { ja: '好意的', en: 'Positive' },
  neutral: { ja: '中立', en: 'Neutral' },
  negative: { ja: '否定的', en: 'Negative' },
};
const PARTY_COLUMNS: Labels = {
  name: { ja: '名称', en: 'Name' },
  kind: { ja: '種類', en: 'Kind' },
  expectations: { ja: '期待・要求', en: 'Expectations' },
  contact: { ja: '連絡先', en: 'Contact' },
  active: { ja: '状態', en: 'State' },
  feedback: { ja: 'フィードバック件数', en: 'Feedback entries' },
  open: { ja: '未回答', en: 'Awaiting response' },
  last: { ja: '最終受領日', en: 'Last received' },
};
const FEEDBACK_COLUMNS: Labels = {
  receivedOn: { ja: '受領日', en: 'Received' },
  party: { ja: '利害関係者', en: 'Interested party' },
  channel: { ja: '経路', en: 'Channel' },
  sentiment: { ja: '評価', en: 'Sentiment' },
  content: { ja: '内容', en: 'Content' },
  response: { ja: '対応', en: 'Response' },
  respondedOn: { ja: '回答日', en: 'Responded' },
  recordedBy: { ja: '記録者', en: 'Recorded by' },
};
const SHEETS: Labels = {
  parties: { ja: '利害関係者', en: 'Interested parties' },
  feedback: { ja: 'フィードバック', en: 'Feedback' },
};

const label = (labels: Labels, key: string, lang: Lang) => labels[key]?.[lang] ?? key;
const header = (labels: Labels, lang: Lang) => Object.values(labels).map((c) => c[lang]);

export interface PartiesWorkbook {
  sheets: { name: string; header: string[]; rows: (string | number)[][] }[];
}

export async function partiesWorkbook(
  db: Db,
  ctx: RequestContext,
  lang: Lang,
): Promise<PartiesWorkbook> {
  authorizePartyRead(ctx.actor);
  const reach = feedbackReach(ctx.actor);
  const org = ctx.actor.organizationId;
  const limit = { limit: PARTIES_EXPORT_MAX_ROWS };
  const parties = await repo.listParties(db, org, {}, limit);
  const feedback = await repo.listFeedback(db, org, reach, limit);
  const state = (active: boolean) =>
    active ? (lang === 'ja' ? '有効' : 'Active') : lang === 'ja' ? '無効' : 'Retired';
  return {
    sheets: [
      {
        name: label(SHEETS, 'parties', lang),
        header: header(PARTY_COLUMNS, lang),
        rows: parties.items.map((r) => [
          r.name,
          label(PARTY_KIND_LABELS, r.kind, lang),
          r.expectations,
          r.contact,
          state(r.active),
          Number(r.feedbackCount),
          Number(r.openFeedbackCount),
          r.lastFeedbackOn ?? '',
        ]),
      },
      {
        name: label(SHEETS, 'feedback', lang),
        header: header(FEEDBACK_COLUMNS, lang),
        rows: feedback.items.map((r) => [
          r.receivedOn,
          r.partyName,
          label(CHANNEL, r.channel, lang),
          label(SENTIMENT, r.sentiment, lang),
          r.content,
          r.response,
          r.respondedOn ?? '',
          r.recordedByName ?? '',
        ]),
      },
    ],
  };
}
