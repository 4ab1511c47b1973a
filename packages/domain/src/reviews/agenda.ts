/**
 * The agenda a review gets when the ISMS manager plans it without one: each
 * input the pack compiles (a–h), then the decisions to take. Written in the
 * planner's language, since the agenda is stored text, not a label.
 */
const AGENDA = {
  en: [
    'Results of internal audits, external audits and earlier reviews',
    'Feedback from interested parties',
    'Techniques, products and procedures that could strengthen the ISMS',
    'Progress of corrective and preventive actions',
    'Threats and vulnerabilities still open after the last risk assessment',
    'Follow-up of the previous review’s decisions',
    'Changes that could affect the ISMS',
    'Recommendations for improvement',
    'Decisions: improving effectiveness, changing procedures, resources needed',
  ],
  ja: [
    '内部監査・外部審査・前回レビューの結果',
    '利害関係者から寄せられた意見',
    'ISMSを強化しうる技術・製品・手順',
    '是正処置・予防処置の進み具合',
    '前回のリスクアセスメント後も残る脅威とぜい弱性',
    '前回レビューの決定事項のフォローアップ',
    'ISMSに影響しうる変化',
    '改善に向けた提案',
    '決定事項：有効性の改善、手順の見直し、必要な資源',
  ],
} as const;

export function defaultAgenda(locale: 'ja' | 'en' | undefined): string[] {
  return [...AGENDA[locale === 'en' ? 'en' : 'ja']];
}
