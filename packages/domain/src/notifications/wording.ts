import type { NotificationKind } from '@mamoru/contracts';

/**
 * The words of emails in ja and en. The web app words the same
 * notifications through its own i18n area; mail is composed on the server,
 * so it has its own short table here.
 */
export type MailLocale = 'ja' | 'en';

type Words = Record<MailLocale, string>;

const APPROVAL_TYPES: Record<string, Words> = {
  isms_policy: { ja: '情報セキュリティ基本方針', en: 'ISMS policy' },
  scope: { ja: '適用範囲', en: 'ISMS scope' },
  risk_method: { ja: 'リスクアセスメント手法', en: 'Risk assessment method' },
  risk_retention: { ja: 'リスク保有', en: 'Risk retention' },
  residual_risk: { ja: '残留リスク', en: 'Residual risk' },
  soa: { ja: '適用宣言書', en: 'Statement of Applicability' },
  management_review: { ja: 'マネジメントレビュー', en: 'Management review' },
  audit_programme: { ja: '内部監査プログラム', en: 'Audit programme' },
  document: { ja: '文書', en: 'Document' },
  record_disposal: { ja: '記録の廃棄', en: 'Record disposal' },
  resource_plan: { ja: '資源計画', en: 'Resource plan' },
  approval_policy: { ja: '承認ポリシーの変更', en: 'Approval policy change' },
  role_grant: { ja: '役割の付与', en: 'Role grant' },
  mfa_reset: { ja: 'サインイン要素のリセット', en: 'Sign-in factor reset' },
};

const ITEM_KINDS: Record<string, Words> = {
  document_review: { ja: '文書のレビュー', en: 'Document review' },
  risk_review: { ja: 'リスクのレビュー', en: 'Risk review' },
  treatment_action: { ja: 'リスク対応の実施', en: 'Treatment action' },
  resource_plan: { ja: '資源計画', en: 'Resource plan' },
  control_check: { ja: '管理策の点検', en: 'Control check' },
  training_session: { ja: '教育の開催', en: 'Training session' },
  training_renewal: { ja: '教育の再受講', en: 'Training renewal' },
  competence_expiry: { ja: '力量の有効期限', en: 'Competence expiry' },
  incident_clock: { ja: 'インシデントの通知期限', en: 'Incident notification deadline' },
  legal_review: { ja: '法令等の見直し', en: 'Legal review' },
  audit: { ja: '内部監査', en: 'Internal audit' },
  audit_followup: { ja: '監査指摘のフォローアップ', en: 'Audit follow-up' },
  management_review: { ja: 'マネジメントレビュー', en: 'Management review' },
  objective_measurement: { ja: '目的の測定', en: 'Objective measurement' },
  objective: { ja: '目的の期限', en: 'Objective deadline' },
  attestation_expiry: { ja: '証明の有効期限', en: 'Attestation expiry' },
  improvement_action: { ja: '是正・改善処置', en: 'Improvement action' },
  approval: { ja: '承認', en: 'Approval' },
};

export const KIND_NAMES: Record<NotificationKind, Words> = {
  approval_requested: { ja: '承認依頼', en: 'Approval requests' },
  incident_deadline: { ja: 'インシデントの通知期限', en: 'Incident deadlines' },
  due_soon: { ja: '期限が近いもの', en: 'Due soon' },
  overdue: { ja: '期限を過ぎたもの', en: 'Overdue' },
  escalation: { ja: '部下の期限超過', en: 'Escalations' },
};

const word = (table: Record<string, Words>, key: unknown, l: MailLocale) =>
  table[String(key)]?.[l] ?? String(key);

export interface Worded {
  kind: string;
  title: string;
  params: Record<string, string | number>;
}

/** One line saying what the notification is about, in the reader's language. */
export function headline(n: Worded, l: MailLocale): string {
  const p = n.params;
  const item = word(ITEM_KINDS, p.itemKind, l);
  switch (n.kind) {
    case 'approval_requested': {
      // Some objects have no name of their own (the scope): the type says what it is.
      const type = word(APPROVAL_TYPES, p.approvalType, l);
      return l === 'ja'
        ? `承認依頼: ${type}${n.title ? `「${n.title}」` : ''}（第${p.version}版）`
        : `Approval requested: ${type}${n.title ? ` "${n.title}"` : ''} (version ${p.version})`;
    }
    case 'incident_deadline': {
      const obligation = l === 'ja' ? p.obligation : p.obligationEn || p.obligation;
      if (l === 'ja') {
        return p.passed
          ? `通知期限超過: ${p.reference} ${n.title}（${obligation}）`
          : `通知期限が迫っています: ${p.reference} ${n.title}（${obligation}）`;
      }
      return p.passed
        ? `Notification deadline passed: ${p.reference} ${n.title} (${obligation})`
        : `Notification deadline near: ${p.reference} ${n.title} (${obligation})`;
    }
    case 'due_soon':
      return l === 'ja'
        ? `期限が近づいています: ${item}「${n.title}」（${p.dueOn}）`
        : `Due soon: ${item} "${n.title}" (${p.dueOn})`;
    case 'overdue':
      return l === 'ja'
        ? `期限を過ぎています: ${item}「${n.title}」（${p.dueOn}、${p.days}日超過）`
        : `Overdue: ${item} "${n.title}" (${p.dueOn}, ${p.days} days late)`;
    case 'escalation':
      return l === 'ja'
        ? `${p.responsibleName}さんの担当が${p.days}日超過: ${item}「${n.title}」`
        : `${p.responsibleName}'s item is ${p.days} days overdue: ${item} "${n.title}"`;
    default:
      return n.title;
  }
}
