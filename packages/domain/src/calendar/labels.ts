import type { DueItem, DueItemKind } from '@mamoru/contracts';

/**
 * Names of the kinds of due items in the reader's language, for texts made on
 * the server (the iCalendar feed; reminders and digests may share them). The
 * web app has its own in its `calendar` strings.
 */
export const KIND_LABELS: Record<'ja' | 'en', Record<DueItemKind, string>> = {
  en: {
    document_review: 'Document review',
    risk_review: 'Review of changes',
    treatment_action: 'Treatment action',
    resource_plan: 'Resource plan approval',
    control_check: 'Control check',
    training_session: 'Training session',
    training_renewal: 'Training due again',
    competence_expiry: 'Competence expires',
    incident_clock: 'Incident notification deadline',
    legal_review: 'Legal obligation review',
    audit: 'Internal audit',
    audit_followup: 'Audit finding follow-up',
    management_review: 'Management review',
    objective_measurement: 'Objective measurement',
    objective: 'Objective due',
    attestation_expiry: 'Attestation ends',
    improvement_action: 'Improvement action',
    approval: 'Approval waiting',
  },
  ja: {
    document_review: '文書のレビュー',
    risk_review: '変化のレビュー',
    treatment_action: 'リスク対応策',
    resource_plan: '資源計画の承認',
    control_check: '管理策の点検',
    training_session: '教育の実施',
    training_renewal: '教育の再受講',
    competence_expiry: '力量の有効期限',
    incident_clock: 'インシデントの報告期限',
    legal_review: '法的要求事項のレビュー',
    audit: '内部監査',
    audit_followup: '監査指摘のフォローアップ',
    management_review: 'マネジメントレビュー',
    objective_measurement: '目的の測定',
    objective: '目的の期日',
    attestation_expiry: '適合の表明の期限',
    improvement_action: '改善の処置',
    approval: '承認待ち',
  },
};

/** The kinds of change a review of change covers (the risk_review items' titles). */
const CHANGE_KINDS: Record<'ja' | 'en', Record<string, string>> = {
  en: {
    organization: 'Organization',
    technology: 'Technology',
    business: 'Business objectives and processes',
    threats: 'Threats',
    external: 'External events',
  },
  ja: {
    organization: '組織',
    technology: '技術',
    business: '事業目的・プロセス',
    threats: '脅威',
    external: '外部の出来事',
  },
};

/** "<kind>: <title>", the title translated where it is a code of ours rather than user data. */
export function itemSummary(item: DueItem, lang: 'ja' | 'en'): string {
  const title =
    item.kind === 'risk_review' ? (CHANGE_KINDS[lang][item.title] ?? item.title) : item.title;
  return `${KIND_LABELS[lang][item.kind]}: ${title}`;
}
