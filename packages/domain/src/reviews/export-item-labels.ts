import type { ExportLang } from './export-labels.ts';

/**
 * Labels of the input pack's items: the kind of object, its status code and
 * the kind of change (section g). Status codes mean the same across registers
 * except where a kind overrides them; an unknown code prints as an em dash
 * rather than as a raw code.
 */

const KIND: Record<ExportLang, Record<string, string>> = {
  ja: {
    internal_audit: '内部監査',
    audit_report: '監査報告書',
    audit_finding: '監査の指摘',
    nonconformity: '不適合',
    improvement_action: '処置',
    improvement: '改善',
    preventive_proposal: '予防の提案',
    risk: 'リスク',
    treatment_action: 'リスク対応',
    interested_party: '利害関係者',
    interested_party_feedback: '利害関係者の声',
    management_review: 'マネジメントレビュー',
    management_review_decision: 'レビューの決定事項',
    scope: '適用範囲',
    soa: '適用宣言書',
    org_unit: '組織',
    location: '拠点',
    asset: '資産',
    risk_method: 'リスク評価方法',
    document: '文書',
    isms_event: 'ISMSイベント',
  },
  en: {
    internal_audit: 'Internal audit',
    audit_report: 'Audit report',
    audit_finding: 'Audit finding',
    nonconformity: 'Nonconformity',
    improvement_action: 'Action',
    improvement: 'Improvement',
    preventive_proposal: 'Preventive proposal',
    risk: 'Risk',
    treatment_action: 'Treatment action',
    interested_party: 'Interested party',
    interested_party_feedback: 'Feedback',
    management_review: 'Management review',
    management_review_decision: 'Review decision',
    scope: 'Scope',
    soa: 'Statement of Applicability',
    org_unit: 'Organization unit',
    location: 'Location',
    asset: 'Asset',
    risk_method: 'Risk method',
    document: 'Document',
    isms_event: 'ISMS event',
  },
};

const STATUS: Record<ExportLang, Record<string, string>> = {
  ja: {
    planned: '計画済み',
    in_progress: '実施中',
    reported: '報告済み',
    follow_up: 'フォローアップ中',
    closed: '完了',
    draft: '下書き',
    approved: '承認済み',
    acknowledged: '確認済み',
    open: '未対応',
    corrected: '是正済み',
    verified: '検証済み',
    transferred: '移管済み',
    implemented: '実施済み',
    effective: '有効',
    not_effective: '有効でない',
    cancelled: '中止',
    contained: '応急処置済み',
    analysed: '原因分析済み',
    evaluated: '処置決定済み',
    in_action: '処置中',
    in_review: '確認中',
    proposed: '提案中',
    accepted: '採用',
    rejected: '不採用',
    dismissed: '見送り',
    in_treatment: '対応中',
    pending: '承認待ち',
    superseded: '旧版',
    in_use: '使用中',
    retired: '廃棄済み',
    issued: '発行済み',
    obsolete: '廃止',
    done: '完了',
    inputs_prepared: 'インプット準備済み',
    held: '実施済み',
    submitted: '承認待ち',
    responded: '回答済み',
    answered: '回答済み',
    unanswered: '未回答',
    active: '有効',
    inactive: '無効',
    positive: '好意的',
    neutral: '中立',
    negative: '否定的',
    overdue: '期限超過',
    met: '満たしている',
    partial: '一部を満たす',
    gap: '満たしていない',
    not_evidenced: '裏付けなし',
  },
  en: {
    planned: 'Planned',
    in_progress: 'In progress',
    reported: 'Reported',
    follow_up: 'Follow-up',
    closed: 'Closed',
    draft: 'Draft',
    approved: 'Approved',
    acknowledged: 'Acknowledged',
    open: 'Open',
    corrected: 'Corrected',
    verified: 'Verified',
    transferred: 'Transferred',
    implemented: 'Implemented',
    effective: 'Effective',
    not_effective: 'Not effective',
    cancelled: 'Cancelled',
    contained: 'Contained',
    analysed: 'Cause analysed',
    evaluated: 'Action decided',
    in_action: 'Action under way',
    in_review: 'In review',
    proposed: 'Proposed',
    accepted: 'Accepted',
    rejected: 'Rejected',
    dismissed: 'Dismissed',
    in_treatment: 'In treatment',
    pending: 'Awaiting approval',
    superseded: 'Superseded',
    in_use: 'In use',
    retired: 'Retired',
    issued: 'Issued',
    obsolete: 'Obsolete',
    done: 'Done',
    inputs_prepared: 'Inputs prepared',
    held: 'Held',
    submitted: 'Awaiting approval',
    responded: 'Answered',
    answered: 'Answered',
    unanswered: 'Awaiting a response',
    active: 'Active',
    inactive: 'Inactive',
    positive: 'Positive',
    neutral: 'Neutral',
    negative: 'Negative',
    overdue: 'Overdue',
    met: 'Met',
    partial: 'Partly met',
    gap: 'Not met',
    not_evidenced: 'Not yet evidenced',
  },
};

/** Where a code means something else for one kind of object. */
const STATUS_BY_KIND: Record<ExportLang, Record<string, string>> = {
  ja: {
    'risk:accepted': 'リスク受容済み',
    'improvement:accepted': '採用（実施待ち）',
    'management_review_decision:accepted': '採用（実施待ち）',
    'interested_party_feedback:open': '未回答',
    'isms_event:auto': '自動記録',
    'isms_event:manual': '手入力',
  },
  en: {
    'risk:accepted': 'Risk accepted',
    'improvement:accepted': 'Accepted (to do)',
    'management_review_decision:accepted': 'Accepted (to do)',
    'interested_party_feedback:open': 'Awaiting a response',
    'isms_event:auto': 'Recorded automatically',
    'isms_event:manual': 'Entered by hand',
  },
};

const CHANGE: Record<ExportLang, Record<string, string>> = {
  ja: { added: '追加', changed: '変更', approved: '承認', retired: '廃棄' },
  en: { added: 'Added', changed: 'Changed', approved: 'Approved', retired: 'Retired' },
};

const UNKNOWN = '—';

export const kindText = (lang: ExportLang, kind: string) => KIND[lang][kind] ?? UNKNOWN;

export function statusText(lang: ExportLang, kind: string, status: string | null | undefined) {
  if (!status) return '';
  return STATUS_BY_KIND[lang][`${kind}:${status}`] ?? STATUS[lang][status] ?? UNKNOWN;
}

export const changeText = (lang: ExportLang, change: string | null | undefined) =>
  change ? (CHANGE[lang][change] ?? UNKNOWN) : '';
