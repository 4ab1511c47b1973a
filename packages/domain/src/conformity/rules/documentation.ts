import type { Ref } from '@mamoru/db/repositories/conformity-rules';
import type { ConformityLink, LocalizedText, Rule } from '../types.ts';
import { evidence, gap, gapIf, judge, notMet, tx, type Fault } from '../text.ts';
import { PLAN } from './risks.ts';

/**
 * The substance of the required documentation (4.3.1.d–f) and of document
 * control (4.3.2.a/e/h): what the standard names must exist, per kind.
 */

const DOCS = '/documents';
const docLinks = (refs: Ref[], ja: string, en: string): ConformityLink[] =>
  refs.map((r) => gap(`${DOCS}/${r.id}`, `${r.label}: ${ja}`, `${r.label}: ${en}`));

/** 4.3.1.d: the treatment plan documented (actions with owners and dates) and approved. */
export const treatmentPlanDocumented: Rule = (s) => {
  const t = s.treatment;
  const approved = s.risks.lastAcceptedAt !== null;
  const data = {
    actions: t.actions,
    withoutOwner: t.withoutOwner,
    withoutDueDate: t.withoutDueDate,
    planApproved: approved,
  };
  if (t.actions === 0) {
    return notMet(
      tx('リスク対応計画に処置がありません。', 'The risk treatment plan holds no actions.'),
      [gap(PLAN, 'リスク対応計画', 'Risk treatment plan')],
      data,
    );
  }
  return judge(
    tx(
      `リスク対応計画に${t.actions}件の処置が文書化されています。`,
      `The risk treatment plan documents ${t.actions} actions.`,
    ),
    [
      [
        t.withoutOwner,
        tx(
          `${t.withoutOwner}件の処置に責任者がいません。`,
          `${t.withoutOwner} actions have no owner.`,
        ),
      ],
      [
        t.withoutDueDate,
        tx(
          `${t.withoutDueDate}件の処置に期限がありません。`,
          `${t.withoutDueDate} actions have no due date.`,
        ),
      ],
      [
        approved ? 0 : 1,
        tx(
          '計画と残留リスクが承認されていません。',
          'The plan and its residual risk have not been approved.',
        ),
      ],
    ],
    [
      evidence(PLAN, 'リスク対応計画', 'Risk treatment plan'),
      ...gapIf(
        t.withoutOwner,
        `${PLAN}?missing=owner&open=true`,
        '責任者のいない処置',
        'Actions without an owner',
      ),
      ...gapIf(
        t.withoutDueDate,
        `${PLAN}?missing=dueDate&open=true`,
        '期限のない処置',
        'Actions without a due date',
      ),
      ...(approved ? [] : [gap(PLAN, '残留リスクの承認', 'Residual risk approval')]),
    ],
    data,
  );
};

const REQUIRED_NAMES = {
  '4.2.2.g': tx('インシデント対応（4.2.2.g）', 'incident response (4.2.2.g)'),
  '7.2': tx('是正処置（7.2）', 'corrective action (7.2)'),
  '7.3': tx('予防処置（7.3）', 'preventive action (7.3)'),
  '4.3.2': tx('文書管理（4.3.2）', 'document control (4.3.2)'),
  '4.3.3': tx('記録の管理（4.3.3）', 'control of records (4.3.3)'),
};
const PROCEDURES = Object.entries(REQUIRED_NAMES) as [keyof typeof REQUIRED_NAMES, LocalizedText][];

/** 4.3.1.e: an issued procedure tagged with each requirement the standard asks one for. */
export const requiredProcedures: Rule = (s) => {
  const found = s.deep.requiredProcedures;
  const missing = PROCEDURES.filter(([k]) => found[k].length === 0);
  const data = Object.fromEntries(PROCEDURES.map(([k]) => [`procedures ${k}`, found[k]]));
  const links = [
    evidence(DOCS, '手順書', 'Procedures'),
    ...missing.map(([k, n]) =>
      gap(`${DOCS}?create=procedure&requirement=${k}`, `${n.ja}の手順書`, `Procedure for ${n.en}`),
    ),
  ];
  if (missing.length === PROCEDURES.length) {
    return notMet(
      tx(
        '要求事項が求める手順書（インシデント対応、是正処置、予防処置、文書管理、記録の管理）が発行されていません。',
        'None of the procedures the standard requires (incident response, corrective and preventive action, document control, control of records) is issued.',
      ),
      links,
      data,
    );
  }
  const base = tx(
    `要求される手順書${PROCEDURES.length}種のうち${PROCEDURES.length - missing.length}種が発行されています。`,
    `${PROCEDURES.length - missing.length} of the ${PROCEDURES.length} required procedures are issued.`,
  );
  const faults: Fault[] = missing.map(([, n]) => [
    1,
    tx(`${n.ja}の手順書がありません。`, `No issued procedure covers ${n.en}.`),
  ]);
  return judge(base, faults, links, data);
};

const RECORD_KINDS: [
  key: 'audit' | 'review' | 'training' | 'incident',
  name: LocalizedText,
  href: string,
][] = [
  ['audit', tx('内部監査の報告書', 'internal audit reports'), '/internal-audits'],
  ['review', tx('マネジメントレビューの記録', 'management review records'), '/management-review'],
  ['training', tx('教育・訓練の受講記録', 'training attendance records'), '/training/completions'],
  ['incident', tx('完了したインシデントの記録', 'records of closed incidents'), '/incidents'],
];

/** 4.3.1.f: the records the standard requires exist, per kind. */
export const requiredRecords: Rule = (s) => {
  const r = s.deep.requiredRecords;
  const missing = RECORD_KINDS.filter(([k]) => r[k] === 0);
  const data = { ...r, recordTypes: s.records.types, records: s.records.records };
  const links = [
    evidence('/records', '記録', 'Records'),
    ...missing.map(([, n, href]) => gap(href, n.ja, n.en)),
  ];
  if (missing.length === RECORD_KINDS.length && s.records.records === 0) {
    return notMet(
      tx(
        '要求される記録がまだありません。',
        'None of the records the standard requires is kept yet.',
      ),
      links,
      data,
    );
  }
  return judge(
    tx(
      `記録: 内部監査${r.audit}件、マネジメントレビュー${r.review}件、教育・訓練${r.training}件、インシデント${r.incident}件、その他の記録${s.records.records}件。`,
      `Records: ${r.audit} internal audit reports, ${r.review} management reviews, ${r.training} training attendances, ${r.incident} closed incidents, ${s.records.records} other records.`,
    ),
    [
      ...missing.map(([, n]): Fault => [1, tx(`${n.ja}がありません。`, `No ${n.en} exist.`)]),
      [
        s.records.types === 0 ? 1 : 0,
        tx('記録の種類が定められていません。', 'No record types are defined.'),
      ],
    ],
    links,
    data,
  );
};

/** 4.3.2.a: every issued document's version in force was approved. */
export const issuedApprovedFaults = (s: Parameters<Rule>[0]): Fault[] => [
  [
    s.deep.issuedUnapproved.count,
    tx(
      `現行版が承認されていない発行済み文書が${s.deep.issuedUnapproved.count}件あります。`,
      `${s.deep.issuedUnapproved.count} issued documents have a version in force nobody approved.`,
    ),
  ],
];
export const issuedApprovedLinks = (s: Parameters<Rule>[0]) =>
  docLinks(s.deep.issuedUnapproved.refs, '現行版が未承認', 'version in force not approved');

/** 4.3.2.e: code, title, revision and a readable body or file. */
export const identifiableFaults = (s: Parameters<Rule>[0]): Fault[] => [
  [
    s.deep.unidentifiable.count,
    tx(
      `番号・題名・版、または読める本文やファイルを欠く文書が${s.deep.unidentifiable.count}件あります。`,
      `${s.deep.unidentifiable.count} documents lack a code, title, revision, or a readable body or file.`,
    ),
  ],
];
export const identifiableLinks = (s: Parameters<Rule>[0]) =>
  docLinks(s.deep.unidentifiable.refs, '識別できない', 'not identifiable');

/** 4.3.2.h: obsolete documents withdrawn from distribution. */
export const withdrawnFaults = (s: Parameters<Rule>[0]): Fault[] => [
  [
    s.deep.obsoleteStillDistributed.count,
    tx(
      `廃止した文書${s.deep.obsoleteStillDistributed.count}件が配付から外されていません。`,
      `${s.deep.obsoleteStillDistributed.count} obsolete documents are still in distribution.`,
    ),
  ],
];
export const withdrawnLinks = (s: Parameters<Rule>[0]) =>
  docLinks(s.deep.obsoleteStillDistributed.refs, '配付中の廃止文書', 'obsolete but distributed');
