import { describe, expect, it } from 'vitest';
import {
  emptyDocuments,
  emptyRisks,
  emptySnapshot,
  approvedScope,
  emptyLegal,
  issuedPolicy,
} from '../fixtures.ts';
import type { ConformitySnapshot } from '../types.ts';
import { RULES } from './index.ts';

const run = (id: string, s = emptySnapshot()) => RULES[id]!(s);
const withDocs = (
  d: Partial<ConformitySnapshot['documents']>,
  over: Partial<ConformitySnapshot> = {},
) => emptySnapshot({ documents: { ...emptyDocuments, ...d }, ...over });
const soa = (over: Partial<NonNullable<ConformitySnapshot['soa']>> = {}) => ({
  number: 2,
  status: 'approved',
  approvedAt: '2026-10-10T00:00:00Z',
  approvedByTopManagement: true,
  entries: 3,
  controlIds: ['3.1.1', '10.5.5', '12.1.1'],
  notApplicableIds: ['10.5.5'],
  undecided: 0,
  applicableWithoutReason: 0,
  excludedWithoutReason: 0,
  excludedWithoutAcceptance: 0,
  proposed: 0,
  ...over,
});
const method = { ...emptyRisks.method, approvedNumber: 1 };

describe('ISMS policy (4.2.1.b, 5.1.a)', () => {
  // The legal register of an organization that keeps it: obligations in force, none overdue.
  const kept = { ...emptyLegal(), total: 2, active: 2 };

  it('is not met without a policy, partly met while drafting, met when issued with its elements', () => {
    for (const id of ['4.2.1.b.1', '4.2.1.b.2', '4.2.1.b.5', '5.1.a']) {
      expect(run(id).status, id).toBe('not_met');
      expect(run(id, withDocs({ policyDocuments: 1 })).status, id).toBe('partly_met');
      expect(run(id, withDocs({ policy: issuedPolicy }, { legal: kept })).status, id).toBe('met');
    }
  });

  it('4.2.1.b.2 also needs the obligations identified in the legal register and reviewed on time', () => {
    const empty = run('4.2.1.b.2', withDocs({ policy: issuedPolicy }));
    expect(empty.status).toBe('partly_met');
    expect(empty.explanation.en).toContain('The legal register is empty');
    expect(empty.links).toContainEqual(expect.objectContaining({ href: '/legal', kind: 'gap' }));
    const retired = run(
      '4.2.1.b.2',
      withDocs({ policy: issuedPolicy }, { legal: { ...kept, active: 0 } }),
    );
    expect(retired.explanation.en).toContain('all are retired');

    const ref = (code: string) => ({ id: `id-${code}`, code, title: `Act ${code}` });
    const refs = ['LEG-001', 'LEG-002', 'LEG-003', 'LEG-004', 'LEG-005'].map(ref);
    const late = (count: number) =>
      run(
        '4.2.1.b.2',
        withDocs(
          { policy: issuedPolicy },
          { legal: { ...kept, reviewOverdue: { count, refs: refs.slice(0, count) } } },
        ),
      );
    const one = late(1);
    expect(one.status).toBe('partly_met');
    expect(one.explanation.en).toContain('1 obligation is past its review date');
    // The gaps are exactly the obligations at fault; the register itself is evidence.
    expect(one.links.filter((l) => l.kind === 'gap').map((l) => l.href)).toEqual([
      '/legal/id-LEG-001',
    ]);
    expect(one.links).toContainEqual(expect.objectContaining({ href: '/legal', kind: 'evidence' }));
    // More than can be named: the filtered list too.
    const many = run(
      '4.2.1.b.2',
      withDocs({ policy: issuedPolicy }, { legal: { ...kept, reviewOverdue: { count: 7, refs } } }),
    );
    expect(many.links.filter((l) => l.kind === 'gap').map((l) => l.href)).toEqual([
      ...refs.map((r) => `/legal/${r.id}`),
      '/legal?due=overdue',
    ]);
    expect(many.data).toMatchObject({ obligationsInForce: 2, reviewOverdue: 7 });
    // Without a policy: not met, and the overdue obligations are still named beside it.
    const noPolicy = run(
      '4.2.1.b.2',
      emptySnapshot({ legal: { ...kept, reviewOverdue: { count: 1, refs: refs.slice(0, 1) } } }),
    );
    expect(noPolicy.status).toBe('not_met');
    expect(noPolicy.links.map((l) => [l.kind, l.href])).toEqual([
      ['gap', '/documents'],
      ['gap', '/legal/id-LEG-001'],
    ]);
    // A missing policy element and an overdue review are both named.
    const both = run(
      '4.2.1.b.2',
      withDocs(
        { policy: { ...issuedPolicy, obligationsConsidered: false } },
        { legal: { ...kept, reviewOverdue: { count: 1, refs: refs.slice(0, 1) } } },
      ),
    );
    expect(both.explanation.en).toContain('does not state the business, legal');
    expect(both.explanation.en).toContain('past its review date');
  });

  it('names a missing element and an approver without top management', () => {
    const b1 = run(
      '4.2.1.b.1',
      withDocs({ policy: { ...issuedPolicy, objectivesFramework: false } }),
    );
    expect(b1.status).toBe('partly_met');
    expect(b1.explanation.en).toContain('does not state the framework for objectives');
    const b5 = run(
      '4.2.1.b.5',
      withDocs({ policy: { ...issuedPolicy, approvedByTopManagement: false } }),
    );
    expect(b5.status).toBe('partly_met');
  });

  it('needs the approved scope and risk method for the context and criteria', () => {
    const issued = { policy: issuedPolicy };
    expect(run('4.2.1.b.3', withDocs(issued)).status).toBe('partly_met');
    const context = withDocs(issued, { scope: approvedScope, risks: { ...emptyRisks, method } });
    expect(run('4.2.1.b.3', context).status).toBe('met');
    expect(run('4.2.1.b.4', context).status).toBe('met');
  });
});

describe('Statement of Applicability (4.2.1.h, 4.3.1.g)', () => {
  it.each(['4.2.1.h', '4.3.1.g'])(
    '%s: none, incomplete or unapproved, complete and approved',
    (id) => {
      expect(run(id).status).toBe('not_met');
      expect(run(id, emptySnapshot({ soa: soa() })).status).toBe('met');
      const partial = run(id, emptySnapshot({ soa: soa({ controlIds: ['3.1.1'], undecided: 2 }) }));
      expect(partial.status).toBe('partly_met');
      expect(partial.explanation.en).toContain('2 annex controls are missing');
      expect(partial.explanation.en).toContain('2 controls have no applicability decision');
      const draft = run(id, emptySnapshot({ soa: soa({ status: 'draft' }) }));
      expect(draft.status).toBe('partly_met');
      // The status is worded, never the stored code.
      expect(draft.explanation.ja).toContain('（状態：下書き）');
      expect(draft.explanation.ja).not.toMatch(/draft/);
    },
  );
});

describe('documentation (4.3.1) and document control (4.3.2)', () => {
  it('requires the documents of each kind', () => {
    expect(run('4.3.1.e').status).toBe('not_met');
    // 4.3.1.e counts the procedures the standard names (documentation.test.ts), not any procedure.
    expect(run('4.3.1.e', withDocs({ issued: 2, issuedProcedures: 1 })).status).toBe('not_met');
    expect(run('4.3.1.a', withDocs({ policy: issuedPolicy }, { soa: soa() })).status).toBe('met');
    expect(run('4.3.1.c', emptySnapshot({ risks: { ...emptyRisks, risks: 3 } })).status).toBe(
      'partly_met',
    );
  });

  it('needs issued documents, then names the faults of control', () => {
    for (const id of [
      '4.3.2.a',
      '4.3.2.b',
      '4.3.2.c',
      '4.3.2.d',
      '4.3.2.e',
      '4.3.2.g',
      '4.3.2.h',
      '4.3.2.i',
    ]) {
      expect(run(id).status, id).toBe('not_met');
      expect(run(id, withDocs({ issued: 4, external: 1 })).status, id).toBe('met');
    }
    const a = run('4.3.2.a', withDocs({ issued: 4, issuedWithoutApproval: 1 }));
    expect(a.explanation.en).toContain('1 versions were issued without approval');
    const b = run('4.3.2.b', withDocs({ issued: 4, reviewOverdue: 2 }));
    expect(b.status).toBe('partly_met');
    expect(b.links.map((l) => l.href)).toContain('/documents/reviews');
    expect(run('4.3.2.f', withDocs({ issued: 4 })).status).toBe('partly_met');
    expect(
      run('4.3.2.g', withDocs({ issued: 4, acknowledgementsOutstanding: 5 })).explanation.en,
    ).toContain('5 recipients have not acknowledged');
  });
});

describe('links to the documents and records at fault', () => {
  it('links the documents past their review (due by the day before today) only while any are', () => {
    const late = run('4.3.2.b', withDocs({ issued: 4, reviewOverdue: 2, reviewDueSoon: 1 }));
    expect(late.links).toEqual([
      expect.objectContaining({ href: '/documents', kind: 'evidence' }),
      expect.objectContaining({ href: '/documents/reviews', kind: 'evidence' }),
      {
        href: '/documents?reviewDueBy=2026-11-24',
        kind: 'gap',
        label: { ja: 'レビュー期限を過ぎた文書', en: 'Documents past their review date' },
      },
    ]);
    const onTime = run('4.3.2.b', withDocs({ issued: 4, reviewDueSoon: 3 }));
    expect(onTime.status).toBe('met');
    expect(onTime.links.map((l) => l.href)).toEqual(['/documents', '/documents/reviews']);
    // Across a month boundary.
    const march = run(
      '4.3.2.b',
      withDocs({ issued: 1, reviewOverdue: 1 }, { today: '2028-03-01' }),
    );
    expect(march.links.map((l) => l.href)).toContain('/documents?reviewDueBy=2028-02-29');
  });

  it('links the records past retention and the record types without storage only while any are', () => {
    const records = { types: 3, typesWithoutStorage: 0, records: 20, overdueDisposal: 0 };
    const hrefs = (r: Partial<typeof records>) =>
      run('4.3.3', emptySnapshot({ records: { ...records, ...r } })).links.map((l) => l.href);
    expect(hrefs({})).toEqual(['/records']);
    expect(hrefs({ overdueDisposal: 4 })).toEqual([
      '/records',
      '/records?status=active&legalHold=false&retentionDueBy=2026-11-24',
    ]);
    expect(hrefs({ typesWithoutStorage: 1 })).toEqual(['/records', '/records/types']);
    const both = run(
      '4.3.3',
      emptySnapshot({ records: { ...records, typesWithoutStorage: 1, overdueDisposal: 4 } }),
    );
    expect(both.links.filter((l) => l.kind === 'gap').map((l) => l.label)).toEqual([
      { ja: '記録の種類', en: 'Record types' },
      { ja: '保管期間を過ぎた記録', en: 'Records past their retention' },
    ]);
  });
});

describe('records (4.3.3)', () => {
  it('needs record types with retention, records, and disposal on time', () => {
    expect(run('4.3.3').status).toBe('not_met');
    const records = { types: 3, typesWithoutStorage: 0, records: 20, overdueDisposal: 0 };
    expect(run('4.3.3', emptySnapshot({ records })).status).toBe('met');
    const late = run('4.3.3', emptySnapshot({ records: { ...records, overdueDisposal: 4 } }));
    expect(late.status).toBe('partly_met');
    expect(late.explanation.en).toContain('4 records are past their retention');
  });
});
