import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/events';
import type { IsmsEventFilter, IsmsEventView } from '@mamoru/db/repositories/events';
import type { RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';

/**
 * The event log as XLSX rows in Japanese or English: what an auditor asks to
 * see for 4.2.3.f. Automatic entries are named by what happened (the action),
 * never by a raw code.
 */

export type Lang = 'ja' | 'en';
type Labels = Record<string, { ja: string; en: string }>;

/** At most this many entries go into one export (one query). */
export const EXPORT_MAX_ROWS = 10_000;

export const CATEGORY: Labels = {
  scope: { ja: '適用範囲', en: 'Scope' },
  policy: { ja: '方針・文書', en: 'Policy and documents' },
  risk: { ja: 'リスク', en: 'Risk' },
  soa: { ja: '適用宣言書', en: 'Statement of Applicability' },
  organization: { ja: '組織', en: 'Organization' },
  people: { ja: '要員', en: 'People' },
  audit: { ja: '内部監査', en: 'Internal audit' },
  review: { ja: 'マネジメントレビュー', en: 'Management review' },
  improvement: { ja: '改善', en: 'Improvement' },
  incident: { ja: 'インシデント', en: 'Incident' },
  legal: { ja: '法令・規制', en: 'Laws and regulations' },
  resources: { ja: '経営資源', en: 'Resources' },
  technology: { ja: '技術', en: 'Technology' },
  supplier: { ja: '委託先・供給者', en: 'Suppliers' },
  other: { ja: 'その他', en: 'Other' },
};

const SOURCE: Labels = {
  auto: { ja: '自動（Mamoru）', en: 'Automatic (Mamoru)' },
  manual: { ja: '手入力', en: 'Entered by hand' },
};

/** What each action the log picks up means (events/from-audit.ts). */
export const ACTION: Labels = {
  'scope.approved': { ja: '適用範囲の承認', en: 'Scope approved' },
  'document.issued': { ja: '文書の発行', en: 'Document issued' },
  'document.withdrawn': { ja: '文書の廃止', en: 'Document withdrawn' },
  'soa.approved': { ja: '適用宣言書の承認', en: 'Statement of Applicability approved' },
  'risk_method.approved': { ja: 'リスク評価方法の承認', en: 'Risk method approved' },
  'risk_assessment.recorded': { ja: 'リスクアセスメントの記録', en: 'Risk assessment recorded' },
  'risk_change_review.recorded': { ja: '変化の確認の記録', en: 'Review of change recorded' },
  'risk_change_review.updated': { ja: '変化の確認の更新', en: 'Review of change updated' },
  'residual_acceptance.accepted': { ja: '残留リスクの受容', en: 'Residual risk accepted' },
  'org_unit.created': { ja: '組織の追加', en: 'Organization unit added' },
  'org_unit.updated': { ja: '組織の変更', en: 'Organization unit changed' },
  'location.created': { ja: '拠点の追加', en: 'Location added' },
  'location.updated': { ja: '拠点の変更', en: 'Location changed' },
  'isms_role_assignment.created': { ja: 'ISMS役割の任命', en: 'ISMS role assigned' },
  'audit_programme.approved': { ja: '監査プログラムの承認', en: 'Audit programme approved' },
  'audit_report.approved': { ja: '監査報告書の承認', en: 'Audit report approved' },
  'management_review.held': { ja: 'マネジメントレビューの実施', en: 'Management review held' },
  'management_review.approved': {
    ja: 'マネジメントレビューの承認',
    en: 'Management review approved',
  },
  'nonconformity.closed': { ja: '不適合の完了', en: 'Nonconformity closed' },
  'incident.closed': { ja: 'インシデントの終結', en: 'Incident closed' },
  'legal_obligation.created': { ja: '法的要求事項の追加', en: 'Legal obligation added' },
  'legal_obligation.updated': { ja: '法的要求事項の変更', en: 'Legal obligation changed' },
  'legal_obligation.reviewed': { ja: '法的要求事項のレビュー', en: 'Legal obligation reviewed' },
  'resource_plan.approved': { ja: '資源計画の承認', en: 'Resource plan approved' },
  'resource_plan.reopened': {
    ja: '資源計画の変更（再承認が必要）',
    en: 'Resource plan changed (needs approval again)',
  },
};

const COLUMNS: Labels = {
  occurredAt: { ja: '発生日時（UTC）', en: 'Occurred (UTC)' },
  category: { ja: '区分', en: 'Category' },
  source: { ja: '記録の方法', en: 'Recorded' },
  title: { ja: '件名', en: 'Title' },
  description: { ja: '内容', en: 'Description' },
  impact: { ja: 'ISMSへの影響', en: 'Effect on the ISMS' },
  recordedBy: { ja: '記録者', en: 'Recorded by' },
};

const label = (labels: Labels, key: string, lang: Lang) => labels[key]?.[lang] ?? key;

/** An entry's title in a language: an automatic one says what happened, then to what. */
export function eventTitle(e: Pick<IsmsEventView, 'source' | 'action' | 'title'>, lang: Lang) {
  if (e.source !== 'auto' || !e.action) return e.title;
  const what = label(ACTION, e.action, lang);
  return e.title ? `${what}: ${e.title}` : what;
}

export const exportHeader = (lang: Lang) => Object.values(COLUMNS).map((c) => c[lang]);

export function exportCells(e: IsmsEventView, lang: Lang): string[] {
  return [
    e.occurredAt.toISOString().slice(0, 16).replace('T', ' '),
    label(CATEGORY, e.category, lang),
    label(SOURCE, e.source, lang),
    eventTitle(e, lang),
    e.description,
    e.impact,
    e.recordedByName ?? '',
  ];
}

export async function exportRows(db: Db, ctx: RequestContext, filter: IsmsEventFilter) {
  authorize(ctx.actor, 'isms:read');
  return repo.exportIsmsEvents(db, ctx.actor.organizationId, filter, EXPORT_MAX_ROWS);
}
