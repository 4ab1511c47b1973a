import type { LegalRef } from '@mamoru/db/repositories/conformity-legal';
import type { ConformityLink, ConformitySnapshot, Rule } from '../types.ts';
import { evidence, gap, judge, notMet, plural, tx, type Fault } from '../text.ts';

/**
 * 5.2.1.c: legal, regulatory and contractual obligations are identified and
 * met. The register must exist; each obligation in force has an owner, a
 * control or a document in force answering it, and is reviewed in time.
 * Where the SoA applies annex 12.1.1 (identifying applicable legislation),
 * an empty register can never be met.
 */

const LEGAL = '/legal';
/** The annex control on identifying applicable legislation and contracts. */
export const LEGISLATION_CONTROL = '12.1.1';

const refLinks = (refs: LegalRef[], ja: string, en: string): ConformityLink[] =>
  refs.map((r) =>
    gap(`${LEGAL}/${r.id}`, `${r.code} ${r.title}（${ja}）`, `${r.code} ${r.title} (${en})`),
  );

export const legalRule: Rule = (s) => {
  const l = s.legal;
  const annexApplicable =
    s.soa !== null &&
    s.soa.controlIds.includes(LEGISLATION_CONTROL) &&
    !s.soa.notApplicableIds.includes(LEGISLATION_CONTROL);
  const data = {
    obligations: l.total,
    active: l.active,
    reviewOverdue: l.reviewOverdue.count,
    withoutOwner: l.withoutOwner.count,
    unanswered: l.unanswered.count,
    reviews12m: l.reviews12m,
    legislationControlApplicable: annexApplicable,
  };
  const register = gap(LEGAL, '法的要求事項の一覧', 'Legal register');
  if (l.total === 0) {
    return notMet(
      annexApplicable
        ? tx(
            '法令・規制・契約上の要求事項が一つも登録されていません。適用宣言書は附属書 12.1.1 を適用としているため、一覧は空にできません。',
            'No legal, regulatory or contractual obligation is registered, although the Statement of Applicability applies annex control 12.1.1.',
          )
        : tx(
            '法令・規制・契約上の要求事項が一つも登録されていません。',
            'No legal, regulatory or contractual obligation is registered.',
          ),
      [register],
      data,
    );
  }
  if (l.active === 0) {
    return notMet(
      tx(
        '登録された法的要求事項はすべて廃止済みで、有効なものがありません。',
        'Every registered obligation is retired; none is in force.',
      ),
      [register],
      data,
    );
  }
  const faults: Fault[] = [
    [
      l.withoutOwner.count,
      tx(
        `${l.withoutOwner.count}件に責任者がいません（未設定又は無効な利用者）。`,
        `${l.withoutOwner.count} have no owner (none, or a deactivated user).`,
      ),
    ],
    [
      l.unanswered.count,
      tx(
        `${l.unanswered.count}件に対応する管理策も有効な文書もありません。`,
        `${l.unanswered.count} are answered by no control and no document in force.`,
      ),
    ],
    [
      l.reviewOverdue.count,
      tx(
        `${l.reviewOverdue.count}件のレビューが期限を過ぎています。`,
        `${l.reviewOverdue.count} are past their review date.`,
      ),
    ],
  ];
  const links: ConformityLink[] = [
    evidence(LEGAL, '法的要求事項の一覧', 'Legal register'),
    ...refLinks(l.withoutOwner.refs, '責任者なし', 'no owner'),
    ...refLinks(l.unanswered.refs, '対応する管理策・文書なし', 'no control or document'),
    ...refLinks(l.reviewOverdue.refs, 'レビュー期限超過', 'review overdue'),
    ...(l.reviewOverdue.count > l.reviewOverdue.refs.length
      ? [gap(`${LEGAL}?due=overdue`, 'レビュー期限超過の一覧', 'All overdue reviews')]
      : []),
  ];
  return judge(
    tx(
      `有効な法的要求事項が${l.active}件登録されています（過去12か月のレビュー${l.reviews12m}件）。`,
      `${l.active} obligations in force are registered (${l.reviews12m} reviews in the last 12 months).`,
    ),
    faults,
    links,
    data,
  );
};

/**
 * 4.2.1.b.2, the register's share: the obligations the ISMS policy takes into
 * account are identified (some in force) and kept under review (none past its
 * review date). Links name the overdue obligations, or the empty register.
 */
export function obligationsKept(s: ConformitySnapshot) {
  const l = s.legal;
  const overdue = l.reviewOverdue;
  const faults: Fault[] = [
    [
      l.active === 0 ? 1 : 0,
      l.total === 0
        ? tx(
            '法的要求事項の一覧に何も登録されておらず、考慮した要求事項が特定されていません。',
            'The legal register is empty: the obligations taken into account are not identified.',
          )
        : tx(
            '法的要求事項の一覧に有効なものがありません（すべて廃止済み）。',
            'No obligation in the legal register is in force (all are retired).',
          ),
    ],
    [
      overdue.count,
      tx(
        `${overdue.count}件の法的要求事項のレビューが期限を過ぎています。`,
        `${plural(overdue.count, 'obligation is past its', 'obligations are past their')} review date.`,
      ),
    ],
  ];
  const links: ConformityLink[] =
    l.active === 0
      ? [gap(LEGAL, '法的要求事項の一覧', 'Legal register')]
      : [
          evidence(LEGAL, '法的要求事項の一覧', 'Legal register'),
          ...refLinks(overdue.refs, 'レビュー期限超過', 'review overdue'),
          ...(overdue.count > overdue.refs.length
            ? [gap(`${LEGAL}?due=overdue`, 'レビュー期限超過の一覧', 'All overdue reviews')]
            : []),
        ];
  return {
    faults,
    links,
    data: { obligationsInForce: l.active, reviewOverdue: overdue.count },
  };
}

export const LEGAL_RULES: Readonly<Record<string, Rule>> = { '5.2.1.c': legalRule };
