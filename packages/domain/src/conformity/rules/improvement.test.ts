import { describe, expect, it } from 'vitest';
import type { Fault, ImprovementFacts } from '@mamoru/db/repositories/conformity-improvement';
import { emptyImprovement, emptyRisks, emptySnapshot } from '../fixtures.ts';
import { RULES } from './index.ts';

const ITEMS = [
  '7.1',
  '7.2.a',
  '7.2.b',
  '7.2.c',
  '7.2.d',
  '7.2.e',
  '7.2.f',
  '7.3.a',
  '7.3.b',
  '7.3.c',
  '7.3.d',
  '7.3.e',
  '4.2.4.a',
  '4.2.4.b',
  '4.2.4.c',
  '4.2.4.d',
];

const ref = (id: string, label: string, parentId: string | null = null) => ({
  id,
  label,
  parentId,
});
const faultOf = (...refs: ReturnType<typeof ref>[]): Fault => ({ count: refs.length, refs });
const none = (): Fault => ({ count: 0, refs: [] });

/** An organization running the process cleanly: procedures issued, everything recorded. */
function healthy(over: Partial<ImprovementFacts> = {}): ImprovementFacts {
  return {
    ...emptyImprovement(),
    correctiveProcedures: ['PRC-7'],
    preventiveProcedures: ['PRC-8'],
    recorded: { nonconformity: 4, potential: 2 },
    closed: { nonconformity: 2, potential: 1 },
    actions: { nonconformity: 5, potential: 2 },
    reviews: 4,
    proposals: { total: 3, decided: 3 },
    improvements: { total: 5, implemented: 2, lessons: 1 },
    communications: 3,
    ...over,
  };
}
const evaluate = (id: string, improvement: ImprovementFacts, assessments = 2) =>
  RULES[id]!(emptySnapshot({ improvement, risks: { ...emptyRisks, assessments } }));
const gaps = (id: string, improvement: ImprovementFacts) =>
  evaluate(id, improvement)
    .links.filter((l) => l.kind === 'gap')
    .map((l) => l.href);

describe('improvement rules (7.1, 7.2, 7.3, 4.2.4)', () => {
  it('has a rule for every item, none met while nothing is recorded', () => {
    for (const id of ITEMS) {
      expect(RULES[id], id).toBeDefined();
      expect(evaluate(id, emptyImprovement(), 0).status, id).toBe('not_met');
    }
  });

  it('meets every item when the procedures are issued and nothing is at fault', () => {
    for (const id of ITEMS) {
      const e = evaluate(id, healthy());
      expect(e.status, `${id}: ${e.explanation.en}`).toBe('met');
      expect(
        e.links.filter((l) => l.kind === 'gap'),
        id,
      ).toEqual([]);
    }
  });

  it('names the missing procedure of 7.2 on its items, not on 7.3', () => {
    const facts = healthy({ correctiveProcedures: [] });
    for (const id of ['7.2.a', '7.2.b', '7.2.f']) {
      const e = evaluate(id, facts);
      expect(e.status).toBe('partly_met');
      expect(e.explanation.en).toContain(
        'No issued corrective action procedure is tagged with 7.2',
      );
      expect(e.links).toContainEqual(
        expect.objectContaining({ kind: 'gap', href: '/documents?type=procedure' }),
      );
    }
    expect(evaluate('7.3.b', facts).status).toBe('met');
    expect(evaluate('7.2.a', healthy()).links).toContainEqual(
      expect.objectContaining({
        kind: 'evidence',
        label: { ja: '手順書 PRC-7', en: 'Procedure PRC-7' },
      }),
    );
  });

  it('links each nonconformity without a cause (7.2.b) and leaves potential ones to 7.3.a', () => {
    const facts = healthy({
      withoutCause: {
        nonconformity: faultOf(ref('n1', 'NC-0001', 'n1'), ref('n2', 'NC-0002', 'n2')),
        potential: faultOf(ref('p1', 'NC-0003', 'p1')),
      },
    });
    const e = evaluate('7.2.b', facts);
    expect(e.status).toBe('partly_met');
    expect(e.explanation.ja).toContain('不適合2件に原因が記録されていません。');
    expect(e.data.withoutCause).toBe(2);
    expect(gaps('7.2.b', facts)).toEqual(['/corrective-actions/n1', '/corrective-actions/n2']);
    expect(gaps('7.3.a', facts)).toEqual(['/corrective-actions/p1']);
  });

  it.each([
    ['7.2.c', 'withoutEvaluation', 'nonconformity', '/corrective-actions/n1'],
    ['7.2.d', 'withoutAction', 'nonconformity', '/corrective-actions/n1'],
    ['7.2.d', 'actionsOverdue', 'nonconformity', '/corrective-actions/n1?action=a1'],
    ['7.2.e', 'withoutResult', 'nonconformity', '/corrective-actions/n1?action=a1'],
    ['7.2.f', 'reviewOverdue', 'nonconformity', '/corrective-actions/n1?action=a1'],
    ['7.2.f', 'closedNotEffective', 'nonconformity', '/corrective-actions/n1'],
    ['7.3.b', 'actionsOverdue', 'potential', '/corrective-actions/n1?action=a1'],
    ['7.3.c', 'withoutResult', 'potential', '/corrective-actions/n1?action=a1'],
    ['7.3.d', 'reviewOverdue', 'potential', '/corrective-actions/n1?action=a1'],
    ['4.2.4.b', 'actionsOverdue', 'potential', '/corrective-actions/n1?action=a1'],
    ['4.2.4.d', 'closedNotEffective', 'nonconformity', '/corrective-actions/n1'],
  ] as const)('%s: %s of %s links exactly the object at fault', (id, key, kind, href) => {
    const object = href.includes('action=')
      ? ref('a1', 'NC-0001 Fix', 'n1')
      : ref('n1', 'NC-0001', 'n1');
    const faults = { nonconformity: none(), potential: none(), [kind]: faultOf(object) };
    const facts = healthy({ [key]: faults });
    const e = evaluate(id, facts);
    expect(e.status).toBe('partly_met');
    expect(gaps(id, facts)).toEqual([href]);
    expect(e.links.find((l) => l.href === href)!.label.en).toMatch(/^NC-0001/);
    // The other kind's item is not concerned.
    const other = id.startsWith('7.2') ? id.replace('7.2', '7.3') : null;
    if (other && RULES[other] && other !== '7.3.e' && kind === 'nonconformity') {
      expect(evaluate(other, facts).status).toBe('met');
    }
  });

  it('links audit findings not taken over to their audit (7.2.a)', () => {
    const facts = healthy({
      findingsNotTakenOver: faultOf(ref('f1', 'IA-2026-01 #2', 'audit-1')),
    });
    const e = evaluate('7.2.a', facts);
    expect(e.status).toBe('partly_met');
    expect(gaps('7.2.a', facts)).toEqual(['/internal-audits/audit-1']);
    expect(e.explanation.en).toContain('1 nonconformity findings of internal audits');
  });

  it('says how many objects it links when a fault names more than it lists', () => {
    const facts = healthy({
      withoutCause: {
        nonconformity: { count: 25, refs: [ref('n1', 'NC-0001', 'n1')] },
        potential: none(),
      },
    });
    const e = evaluate('7.2.b', facts);
    expect(e.explanation.en).toContain(
      '25 nonconformities record no root cause. (the first 1 linked)',
    );
    expect(e.explanation.ja).toContain('（先頭1件をリンク）');
  });

  it('7.3.e: undecided proposals on changed risks, and no reassessment at all', () => {
    const open = healthy({ proposalsOpen: faultOf(ref('p1', 'R-0001', 'risk-1')) });
    expect(evaluate('7.3.e', open).status).toBe('partly_met');
    expect(gaps('7.3.e', open)).toEqual(['/improvement/proposals?status=proposed']);
    const noRun = evaluate('7.3.e', healthy(), 0);
    expect(noRun.status).toBe('not_met');
    expect(noRun.explanation.en).toContain('No risk reassessment is recorded yet.');
  });

  it('7.1 and 4.2.4.a: improvements undecided for long and accepted ones overdue', () => {
    const facts = healthy({
      improvementsUndecided: faultOf(ref('i1', 'IMP-0001')),
      improvementsOverdue: faultOf(ref('i2', 'IMP-0002')),
    });
    for (const id of ['7.1', '4.2.4.a']) {
      expect(evaluate(id, facts).status).toBe('partly_met');
      expect(gaps(id, facts)).toEqual([
        '/improvement/i1',
        '/improvement?status=accepted&overdue=true',
      ]);
    }
  });

  it('4.2.4.b: asks for lessons learned from incidents', () => {
    const facts = healthy({ improvements: { total: 5, implemented: 2, lessons: 0 } });
    const e = evaluate('4.2.4.b', facts);
    expect(e.status).toBe('partly_met');
    expect(gaps('4.2.4.b', facts)).toEqual(['/improvement?source=incident_lesson']);
  });

  it('4.2.4.c: what was never communicated, and what was not agreed', () => {
    const facts = healthy({
      notCommunicated: faultOf(ref('n1', 'NC-0001', 'n1'), ref('i1', 'IMP-0001')),
      communicationsPending: faultOf(ref('c1', 'All staff')),
      communicationsObjected: faultOf(ref('c2', 'Customer')),
    });
    const e = evaluate('4.2.4.c', facts);
    expect(e.status).toBe('partly_met');
    expect(gaps('4.2.4.c', facts)).toEqual([
      '/corrective-actions/n1',
      '/improvement/i1',
      '/improvement/communications?agreement=pending',
      '/improvement/communications?agreement=objected',
    ]);
    expect(e.data).toMatchObject({ notCommunicated: 2, pending: 1, objected: 1 });
  });

  it('4.2.4.d: implemented improvements without evidence of their effect', () => {
    const facts = healthy({ improvementsWithoutEvidence: faultOf(ref('i1', 'IMP-0001')) });
    expect(evaluate('4.2.4.d', facts).status).toBe('partly_met');
    expect(gaps('4.2.4.d', facts)).toEqual(['/improvement/i1']);
  });

  it('writes Japanese explanations without stored codes', () => {
    const facts = healthy({
      withoutCause: { nonconformity: faultOf(ref('n1', 'NC-0001', 'n1')), potential: none() },
      proposalsOpen: faultOf(ref('p1', 'R-1', 'r')),
    });
    for (const id of ITEMS) {
      for (const f of [emptyImprovement(), facts]) {
        const ja = evaluate(id, f).explanation.ja;
        expect(ja.replace(/NC-\d{4}|PRC-\d|7\.[23]/g, ''), id).not.toMatch(/[A-Za-z]{3,}/);
      }
    }
  });
});
