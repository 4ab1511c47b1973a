import type {
  ConformityLink,
  ConformitySnapshot,
  Evaluation,
  FactValue,
  LocalizedText,
  Rule,
} from '../types.ts';
import { requiredProcedures, requiredRecords, treatmentPlanDocumented } from './documentation.ts';
import { obligationsKept } from './legal.ts';
import { day, evidence, gap, judge, met, notMet, partlyMet, tx, type Fault } from '../text.ts';

/** Rules of the ISMS policy (4.2.1.b, 5.1.a) and the required documentation (4.3.1). */

const DOCS = '/documents';

/** No issued ISMS policy: not met, or partly met while one is being drafted. */
function noPolicy(s: ConformitySnapshot, data: Evaluation['data']) {
  const drafting = s.documents.policyDocuments > 0;
  return (drafting ? partlyMet : notMet)(
    drafting
      ? tx(
          'ISMS基本方針は作成中で、まだ発行されていません。',
          'The ISMS policy is being drafted but is not issued.',
        )
      : tx('発行済みのISMS基本方針がありません。', 'No ISMS policy is issued.'),
    [gap(DOCS, 'ISMS基本方針', 'ISMS policy')],
    data,
  );
}

function policyText(s: ConformitySnapshot) {
  const p = s.documents.policy!;
  return tx(
    `ISMS基本方針 ${p.code} 第${p.revision ?? ''}版が${day(p.issuedAt)}に発行されています。`,
    `ISMS policy ${p.code} revision ${p.revision ?? ''} was issued on ${day(p.issuedAt)}.`,
  );
}

/** What another area adds to a policy element: faults, with links and facts when it has them. */
export interface PolicyFacts {
  faults: Fault[];
  links?: ConformityLink[];
  data?: Record<string, FactValue>;
}

const gapsOnly = (links: ConformityLink[] = []) => links.filter((l) => l.kind === 'gap');

/** 4.2.1.b.1–4: an element the issued policy must carry, plus facts of other areas. */
function policyElement(
  field: 'objectivesFramework' | 'obligationsConsidered' | 'riskCriteriaReference' | null,
  name: LocalizedText,
  extra: (s: ConformitySnapshot) => Fault[] | PolicyFacts = () => [],
): Rule {
  return (s) => {
    const p = s.documents.policy;
    const more = extra(s);
    const other: PolicyFacts = Array.isArray(more) ? { faults: more } : more;
    const data = {
      policyIssued: !!p,
      ...(field ? { [field]: p?.[field] ?? false } : {}),
      ...other.data,
    };
    if (!p) {
      // Without a policy the other area's gaps still show, so each fault is named once.
      const none = noPolicy(s, data);
      return { ...none, links: [...none.links, ...gapsOnly(other.links)] };
    }
    const faults: Fault[] =
      field && !p[field]
        ? [[1, tx(`${name.ja}が記載されていません。`, `It does not state the ${name.en}.`)]]
        : [];
    return judge(
      policyText(s),
      [...faults, ...other.faults],
      [evidence(DOCS, 'ISMS基本方針', 'ISMS policy'), ...(other.links ?? [])],
      data,
    );
  };
}

const policyApproved: Rule = (s) => {
  const p = s.documents.policy;
  const data = { policyIssued: !!p, approvedByTopManagement: p?.approvedByTopManagement ?? false };
  if (!p) return noPolicy(s, data);
  return judge(
    policyText(s),
    [
      [
        p.approvedByTopManagement ? 0 : 1,
        tx('承認者が経営陣ではありません。', 'It was not approved by top management.'),
      ],
    ],
    [evidence(DOCS, 'ISMS基本方針', 'ISMS policy')],
    data,
  );
};

/** 4.3.1.x: a kind of documentation exists; `count` is how many, `partial` a weaker sign. */
function exists(
  count: (s: ConformitySnapshot) => number,
  what: LocalizedText,
  href: string,
  partial: (s: ConformitySnapshot) => boolean = () => false,
): Rule {
  return (s) => {
    const n = count(s);
    const data = { count: n };
    if (n > 0)
      return met(
        tx(`${what.ja}: ${n}件`, `${what.en}: ${n}.`),
        [evidence(href, what.ja, what.en)],
        data,
      );
    return (partial(s) ? partlyMet : notMet)(
      tx(`${what.ja}がありません。`, `No ${what.en.toLowerCase()} yet.`),
      [gap(href, what.ja, what.en)],
      data,
    );
  };
}

/** 4.3.1.b: the approved scope, and the procedures and controls that support the ISMS. */
const scopeAndProcedures: Rule = (s) => {
  const scope = s.scope.approvedNumber !== null;
  const procedures = s.documents.issuedProcedures;
  const data = { scopeApproved: scope, issuedProcedures: procedures };
  const links = [
    evidence('/scope', '適用範囲', 'ISMS scope'),
    evidence(DOCS, '手順書', 'Procedures'),
  ];
  if (!scope && procedures === 0) {
    return notMet(
      tx(
        '承認済みの適用範囲も発行済みの手順書もありません。',
        'There is neither an approved scope nor an issued procedure.',
      ),
      [gap('/scope', '適用範囲', 'ISMS scope'), gap(DOCS, '手順書', 'Procedures')],
      data,
    );
  }
  return judge(
    tx(
      `承認済みの適用範囲: ${scope ? 'あり' : 'なし'}、発行済みの手順書: ${procedures}件。`,
      `Approved scope: ${scope ? 'yes' : 'no'}; issued procedures: ${procedures}.`,
    ),
    [
      [scope ? 0 : 1, tx('適用範囲が承認されていません。', 'The scope is not approved.')],
      [procedures ? 0 : 1, tx('発行済みの手順書がありません。', 'No procedure is issued.')],
    ],
    links,
    data,
  );
};

const methodApproved = (s: ConformitySnapshot) => s.risks.method.approvedNumber !== null;

export const DOCUMENT_RULES: Record<string, Rule> = {
  '4.2.1.b.1': policyElement(
    'objectivesFramework',
    tx('目的の枠組みと方向性', 'framework for objectives and direction'),
  ),
  // The obligations the policy takes into account are identified and kept under review.
  '4.2.1.b.2': policyElement(
    'obligationsConsidered',
    tx('事業上・法令上・契約上の要求事項', 'business, legal and contractual obligations'),
    obligationsKept,
  ),
  '4.2.1.b.3': policyElement(null, tx('', ''), (s) => [
    [
      s.scope.approvedNumber === null ? 1 : 0,
      tx(
        '組織の状況を示す承認済みの適用範囲がありません。',
        'No approved scope describes the organizational context.',
      ),
    ],
    [
      methodApproved(s) ? 0 : 1,
      tx(
        'リスクマネジメントの状況を示す承認済みの方法がありません。',
        'No approved risk method sets the risk management context.',
      ),
    ],
  ]),
  '4.2.1.b.4': policyElement(
    'riskCriteriaReference',
    tx('リスク評価の基準', 'risk evaluation criteria'),
    (s) => [
      [
        methodApproved(s) ? 0 : 1,
        tx(
          '基準を定めた承認済みのリスクアセスメントの方法がありません。',
          'No approved risk method holds the criteria.',
        ),
      ],
    ],
  ),
  '4.2.1.b.5': policyApproved,
  '5.1.a': policyApproved,
  '4.3.1.a': policyElement(null, tx('', ''), (s) => [
    [
      s.soa?.status === 'approved' ? 0 : 1,
      tx(
        '管理目的を示す承認済みの適用宣言書がありません。',
        'No approved Statement of Applicability states the control objectives.',
      ),
    ],
  ]),
  '4.3.1.b': scopeAndProcedures,
  '4.3.1.c': exists(
    (s) => s.risks.assessments,
    tx(
      'リスクアセスメントの実施記録（報告書の元）',
      'Risk assessment runs (the source of the report)',
    ),
    '/risks/assessments',
    (s) => s.risks.risks > 0,
  ),
  '4.3.1.d': treatmentPlanDocumented,
  '4.3.1.e': requiredProcedures,
  '4.3.1.f': requiredRecords,
};
