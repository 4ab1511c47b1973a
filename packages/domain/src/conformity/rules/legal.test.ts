import { describe, expect, it } from 'vitest';
import { emptyLegal, emptySnapshot } from '../fixtures.ts';
import type { ConformitySnapshot } from '../types.ts';
import { RULES } from './index.ts';

const rule = RULES['5.2.1.c']!;
const soa = (applicable: boolean): NonNullable<ConformitySnapshot['soa']> => ({
  number: 1,
  status: 'approved',
  approvedAt: '2026-04-01T00:00:00Z',
  approvedByTopManagement: true,
  entries: 2,
  controlIds: ['5.1.1', '12.1.1'],
  notApplicableIds: applicable ? [] : ['12.1.1'],
  undecided: 0,
  applicableWithoutReason: 0,
  excludedWithoutReason: 0,
  excludedWithoutAcceptance: 0,
  proposed: 0,
});
const ref = (code: string) => ({ id: `id-${code}`, code, title: `Act ${code}` });
const healthy = (): ConformitySnapshot['legal'] => ({
  ...emptyLegal(),
  total: 3,
  active: 3,
  reviews12m: 4,
});
const evaluate = (legal: ConformitySnapshot['legal'], applicable = true) =>
  rule(emptySnapshot({ legal, soa: soa(applicable) }));

describe('legal obligations (5.2.1.c)', () => {
  it('is not met without a register, and says when annex 12.1.1 is applied', () => {
    const applied = evaluate(emptyLegal(), true);
    expect(applied.status).toBe('not_met');
    expect(applied.explanation.en).toContain('12.1.1');
    expect(applied.links).toEqual([expect.objectContaining({ href: '/legal', kind: 'gap' })]);
    const notApplied = evaluate(emptyLegal(), false);
    expect(notApplied.status).toBe('not_met');
    expect(notApplied.explanation.en).not.toContain('12.1.1');
    expect(notApplied.data.legislationControlApplicable).toBe(false);
  });

  it('is not met when every obligation is retired', () => {
    expect(evaluate({ ...emptyLegal(), total: 2, active: 0 }).status).toBe('not_met');
  });

  it('is met when every obligation in force has an owner, an answer and a timely review', () => {
    const e = evaluate(healthy());
    expect(e.status).toBe('met');
    expect(e.links.filter((l) => l.kind === 'gap')).toEqual([]);
    expect(e.explanation.ja).toContain('3件');
  });

  it.each([
    ['withoutOwner', 'no owner', 'have no owner'],
    ['unanswered', 'no control or document', 'no control and no document'],
    ['reviewOverdue', 'review overdue', 'past their review date'],
  ] as const)(
    'is partly met for %s, linking exactly the obligations at fault',
    (key, tag, said) => {
      const e = evaluate({ ...healthy(), [key]: { count: 1, refs: [ref('LEG-002')] } });
      expect(e.status).toBe('partly_met');
      expect(e.explanation.en).toContain(said);
      const gaps = e.links.filter((l) => l.kind === 'gap');
      expect(gaps).toEqual([
        expect.objectContaining({
          href: '/legal/id-LEG-002',
          label: { ja: expect.stringContaining('LEG-002'), en: `LEG-002 Act LEG-002 (${tag})` },
        }),
      ]);
    },
  );

  it('links the filtered list when more reviews are overdue than it names', () => {
    const refs = ['LEG-001', 'LEG-002', 'LEG-003', 'LEG-004', 'LEG-005'].map(ref);
    const e = evaluate({ ...healthy(), reviewOverdue: { count: 7, refs } });
    const hrefs = e.links.filter((l) => l.kind === 'gap').map((l) => l.href);
    expect(hrefs).toHaveLength(6);
    expect(hrefs.at(-1)).toBe('/legal?due=overdue');
  });

  it('never shows a raw status code in its explanation', () => {
    const e = evaluate({ ...healthy(), unanswered: { count: 2, refs: [] } });
    expect(e.explanation.en).not.toMatch(/active|retired|overdue_/);
  });
});
