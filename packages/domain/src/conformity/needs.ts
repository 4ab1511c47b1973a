import type { LocalizedText, PdcaPhase } from './types.ts';
import { tx } from './text.ts';

/**
 * For items no rule evaluates yet: what Mamoru needs to evidence them, by the
 * longest matching ID prefix. Written in our own words.
 */
const NEEDS: [prefix: string, needs: LocalizedText][] = [
  [
    '4.1',
    tx(
      'PDCAの各段階の記録（計画・運用・監視・改善）がそろうと判定できます。',
      'Judged once every PDCA phase (plan, operate, monitor, improve) keeps its records in Mamoru.',
    ),
  ],
  [
    '4.2.1.b',
    tx(
      'ISMS基本方針の文書（目的の枠組み、法令・契約上の要求、リスク評価の基準）が文書管理に必要です。',
      'Needs the ISMS policy document in the document register, with its objectives framework, obligations and risk criteria.',
    ),
  ],
  [
    '4.2.1',
    tx(
      'リスクアセスメント（リスク台帳、脅威、脆弱性、評価）の記録が必要です。',
      'Needs the risk assessment in Mamoru: risk register, threats, vulnerabilities and evaluations.',
    ),
  ],
  [
    '4.2.2.a',
    tx(
      'リスク対応計画（処置、責任者、優先度）が必要です。',
      'Needs the risk treatment plan: actions with owners and priorities.',
    ),
  ],
  [
    '4.2.2.b',
    tx(
      '対応計画の実施状況（資源、役割、進捗）が必要です。',
      'Needs progress of the treatment plan: resources, roles and status.',
    ),
  ],
  [
    '4.2.2.c',
    tx(
      '適用宣言書の管理策ごとの実施状況が必要です。',
      'Needs the implementation status of each control in the Statement of Applicability.',
    ),
  ],
  [
    '4.2.2.e',
    tx('運用手順書と運用記録が必要です。', 'Needs operating procedures and operational records.'),
  ],
  [
    '4.2.2.f',
    tx(
      'ISMSの役割の担当者は記録されています。予算や工数など、その他の資源の記録が必要です。',
      'People holding ISMS roles are recorded; needs a record of the other resources given to the ISMS, such as budget and time.',
    ),
  ],
  [
    '4.2.3.a',
    tx(
      'セキュリティの活動が期待どおりに機能しているかを経営陣が確かめた記録（マネジメントレビューでのインシデントの分析など）が必要です。',
      'Needs a record of management checking that security activities work as intended, such as an analysis of incidents in a management review.',
    ),
  ],
  [
    '4.2.3.c',
    tx(
      '残留リスクと受容水準の定期的な見直しの記録が必要です。',
      'Needs records of periodic reviews of residual risk and the acceptable level.',
    ),
  ],
  ['4.2.3.d', tx('内部監査の計画と報告が必要です。', 'Needs internal audit plans and reports.')],
  [
    '4.2.4',
    tx(
      '改善、是正処置・予防処置とその伝達の記録が必要です。',
      'Needs records of improvements, corrective and preventive actions and how they were communicated.',
    ),
  ],
  [
    '4.3.1',
    tx(
      '文書管理に、必要な文書が発行済みで登録されていることが必要です。',
      'Needs the required documents issued in the document register.',
    ),
  ],
  [
    '4.3.2',
    tx(
      '文書管理（承認、版、配付、廃止）の記録が必要です。',
      'Needs document control facts: approvals, revisions, distribution and withdrawal.',
    ),
  ],
  [
    '4.3.3',
    tx(
      '記録の種類ごとの保管期間と管理の記録が必要です。',
      'Needs record types with retention and their control.',
    ),
  ],
  ['5.1.b', tx('ISMSの目的と計画の記録が必要です。', 'Needs the ISMS objectives and plans.')],
  [
    '5.1.e',
    tx(
      'ISMSの役割の担当者は記録されています。予算や工数など、その他の資源の記録が必要です。',
      'People holding ISMS roles are recorded; needs records of the other resources provided for the ISMS, such as budget and time.',
    ),
  ],
  [
    '5.2.1',
    tx(
      '資源の提供、法令・契約上の要求事項の一覧、見直しの記録が必要です。',
      'Needs records of resources, a register of legal and contractual obligations, and reviews.',
    ),
  ],
  [
    '6.4',
    tx(
      '内部監査のプログラム、監査員、指摘事項とフォローアップの記録が必要です。',
      'Needs the internal audit programme, auditors, findings and follow-up.',
    ),
  ],
  [
    '7.1',
    tx(
      '継続的改善の記録（方針、目的、監査結果、是正処置・予防処置）が必要です。',
      'Needs records of continual improvement: objectives, audit results, corrective and preventive actions.',
    ),
  ],
  [
    '7.2',
    tx('不適合と是正処置の記録が必要です。', 'Needs nonconformities and corrective actions.'),
  ],
  [
    '7.3',
    tx(
      '潜在的な不適合と予防処置の記録が必要です。',
      'Needs potential nonconformities and preventive actions.',
    ),
  ],
];

const matches = (id: string, prefix: string) => id === prefix || id.startsWith(`${prefix}.`);

export function needsOf(id: string): LocalizedText {
  let best: [string, LocalizedText] | undefined;
  for (const entry of NEEDS) {
    if (matches(id, entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best?.[1] ?? tx('対応する記録が必要です。', 'Needs the corresponding records.');
}

/** The PDCA phase an item belongs to, by its clause. */
export function phaseOf(id: string): PdcaPhase {
  if (matches(id, '4.2.2') || matches(id, '4.3') || matches(id, '5.2')) return 'do';
  if (matches(id, '4.2.3') || matches(id, '6')) return 'check';
  if (matches(id, '4.2.4') || matches(id, '7')) return 'act';
  return 'plan';
}
