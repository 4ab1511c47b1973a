import type {
  ConformityLink,
  ConformitySnapshot,
  Evaluation,
  LocalizedText,
  Rule,
} from '../types.ts';
import {
  dayBefore,
  evidence,
  gap,
  gapIf,
  joinTexts,
  judge,
  notMet,
  tx,
  type Fault,
} from '../text.ts';
import { incidentRecords } from './incidents.ts';
import {
  identifiableFaults,
  identifiableLinks,
  issuedApprovedFaults,
  issuedApprovedLinks,
  withdrawnFaults,
  withdrawnLinks,
} from './documentation.ts';

/** Rules of document control (4.3.2.a–i) and of records (4.3.3). */

const DOCS = '/documents';
const register = evidence(DOCS, '文書管理', 'Document register');

/** 4.3.2.x: needs issued documents, then the named faults; `links` adds links of the rule. */
function control(
  base: (s: ConformitySnapshot) => LocalizedText,
  faults: (s: ConformitySnapshot) => Fault[],
  data: (s: ConformitySnapshot) => Evaluation['data'],
  links: (s: ConformitySnapshot) => ConformityLink[] = () => [],
): Rule {
  return (s) => {
    if (s.documents.issued === 0) {
      return notMet(
        tx('発行済みの文書がありません。', 'No document is issued yet.'),
        [gap(DOCS, '文書管理', 'Document register')],
        data(s),
      );
    }
    return judge(base(s), faults(s), [register, ...links(s)], data(s));
  };
}

const issuedText = (s: ConformitySnapshot) =>
  tx(
    `${s.documents.issued}件の文書が発行されています。`,
    `${s.documents.issued} documents are issued.`,
  );

const recordsRule: Rule = (s) => {
  const r = s.records;
  const incidents = incidentRecords(s);
  const data = {
    recordTypes: r.types,
    typesWithoutStorage: r.typesWithoutStorage,
    records: r.records,
    overdueDisposal: r.overdueDisposal,
    ...incidents.data,
  };
  if (r.types === 0)
    return notMet(
      tx(
        '記録の種類と保管期間が定められていません。',
        'No record types with retention are defined.',
      ),
      [gap('/records', '記録', 'Records'), ...incidents.links],
      data,
    );
  return judge(
    tx(
      `記録の種類${r.types}件、記録${r.records}件があります。`,
      `${r.types} record types and ${r.records} records are kept.`,
    ),
    [
      [r.records === 0 ? 1 : 0, tx('記録がまだありません。', 'No record is kept yet.')],
      [
        r.typesWithoutStorage,
        tx(
          `${r.typesWithoutStorage}件の種類に保管場所がありません。`,
          `${r.typesWithoutStorage} record types state no storage location.`,
        ),
      ],
      [
        r.overdueDisposal,
        tx(
          `保管期間を過ぎた記録が${r.overdueDisposal}件あります。`,
          `${r.overdueDisposal} records are past their retention and not disposed of.`,
        ),
      ],
      incidents.fault,
    ],
    [
      evidence('/records', '記録', 'Records'),
      ...gapIf(r.typesWithoutStorage, '/records/types', '記録の種類', 'Record types'),
      // Kept records not on legal hold whose retention ends on or before a date: those counted.
      ...gapIf(
        r.overdueDisposal,
        `/records?status=active&legalHold=false&retentionDueBy=${dayBefore(s.today)}`,
        '保管期間を過ぎた記録',
        'Records past their retention',
      ),
      ...incidents.links,
    ],
    data,
  );
};

export const CONTROL_RULES: Record<string, Rule> = {
  '4.3.2.a': control(
    issuedText,
    (s) => [
      [
        s.documents.issuedWithoutApproval,
        tx(
          `承認なしに発行された版が${s.documents.issuedWithoutApproval}件あります。`,
          `${s.documents.issuedWithoutApproval} versions were issued without approval.`,
        ),
      ],
      ...issuedApprovedFaults(s),
    ],
    (s) => ({
      issued: s.documents.issued,
      issuedWithoutApproval: s.documents.issuedWithoutApproval,
      inForceUnapproved: s.deep.issuedUnapproved.count,
    }),
    issuedApprovedLinks,
  ),
  '4.3.2.b': control(
    issuedText,
    (s) => [
      [
        s.documents.reviewOverdue,
        tx(
          `レビュー期限を過ぎた文書が${s.documents.reviewOverdue}件あります。`,
          `${s.documents.reviewOverdue} documents are past their review date.`,
        ),
      ],
    ],
    (s) => ({
      reviewOverdue: s.documents.reviewOverdue,
      reviewDueSoon: s.documents.reviewDueSoon,
      reviewed: s.documents.reviewed,
    }),
    (s) => [
      evidence('/documents/reviews', 'レビュー予定の文書', 'Reviews due'),
      // The register lists issued documents due on or before a date: yesterday's are overdue.
      ...gapIf(
        s.documents.reviewOverdue,
        `${DOCS}?reviewDueBy=${dayBefore(s.today)}`,
        'レビュー期限を過ぎた文書',
        'Documents past their review date',
      ),
    ],
  ),
  '4.3.2.c': control(
    issuedText,
    (s) => [
      [
        s.documents.revisedWithoutSummary,
        tx(
          `変更内容の記載がない改訂が${s.documents.revisedWithoutSummary}件あります。`,
          `${s.documents.revisedWithoutSummary} revisions do not say what changed.`,
        ),
      ],
    ],
    (s) => ({ revisedWithoutSummary: s.documents.revisedWithoutSummary }),
  ),
  '4.3.2.d': control(
    issuedText,
    (s) => [
      [
        s.documents.withoutDistribution,
        tx(
          `配付先のない発行済み文書が${s.documents.withoutDistribution}件あります。`,
          `${s.documents.withoutDistribution} issued documents have no distribution.`,
        ),
      ],
    ],
    (s) => ({ withoutDistribution: s.documents.withoutDistribution }),
  ),
  '4.3.2.e': control(
    (s) =>
      joinTexts([
        issuedText(s),
        tx(
          '各文書は一意の番号、題名、版番号で識別されます。',
          'Each carries a unique code, a title and a revision number.',
        ),
      ]),
    identifiableFaults,
    (s) => ({ issued: s.documents.issued, unidentifiable: s.deep.unidentifiable.count }),
    identifiableLinks,
  ),
  '4.3.2.f': control(
    issuedText,
    (s) => [
      [
        s.documents.external === 0 ? 1 : 0,
        tx(
          '外部で作成された文書（法令、規格、取扱説明書など）が登録されていません。',
          'No documents of external origin (laws, standards, vendor manuals) are registered.',
        ),
      ],
      [
        s.documents.externalWithoutSource,
        tx(
          `出所のない外部文書が${s.documents.externalWithoutSource}件あります。`,
          `${s.documents.externalWithoutSource} external documents name no source.`,
        ),
      ],
    ],
    (s) => ({
      external: s.documents.external,
      externalWithoutSource: s.documents.externalWithoutSource,
    }),
  ),
  '4.3.2.g': control(
    issuedText,
    (s) => [
      [
        s.documents.withoutDistribution,
        tx(
          `配付先のない発行済み文書が${s.documents.withoutDistribution}件あります。`,
          `${s.documents.withoutDistribution} issued documents have no distribution.`,
        ),
      ],
      [
        s.documents.acknowledgementsOutstanding,
        tx(
          `未確認の配付が${s.documents.acknowledgementsOutstanding}件あります。`,
          `${s.documents.acknowledgementsOutstanding} recipients have not acknowledged the current version.`,
        ),
      ],
    ],
    (s) => ({
      withoutDistribution: s.documents.withoutDistribution,
      acknowledgementsOutstanding: s.documents.acknowledgementsOutstanding,
    }),
  ),
  '4.3.2.h': control(
    (s) =>
      joinTexts([
        issuedText(s),
        tx(
          `置き換えられた版${s.documents.superseded}件は最新版と区別して示されます。`,
          `${s.documents.superseded} superseded versions are marked as such, apart from the version in force.`,
        ),
      ]),
    withdrawnFaults,
    (s) => ({
      superseded: s.documents.superseded,
      obsoleteStillDistributed: s.deep.obsoleteStillDistributed.count,
    }),
    withdrawnLinks,
  ),
  '4.3.2.i': control(
    (s) =>
      joinTexts([
        issuedText(s),
        tx(
          `廃止文書${s.documents.obsolete}件は廃止と表示して保持されます。`,
          `${s.documents.obsolete} withdrawn documents are kept marked obsolete.`,
        ),
      ]),
    (s) => [
      [
        s.documents.obsoleteWithoutReason,
        tx(
          `理由のない廃止が${s.documents.obsoleteWithoutReason}件あります。`,
          `${s.documents.obsoleteWithoutReason} withdrawals give no reason.`,
        ),
      ],
    ],
    (s) => ({
      obsolete: s.documents.obsolete,
      obsoleteWithoutReason: s.documents.obsoleteWithoutReason,
    }),
  ),
  '4.3.3': recordsRule,
};
