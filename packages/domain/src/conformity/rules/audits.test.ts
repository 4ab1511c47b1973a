import { describe, expect, it } from 'vitest';
import { emptyAudits, emptySnapshot } from '../fixtures.ts';
import type { ConformitySnapshot } from '../types.ts';
import { RULES } from './index.ts';

type Audits = ConformitySnapshot['audits'];

const programme: NonNullable<Audits['programme']> = {
  id: 'p1',
  fiscalYear: 2026,
  number: 2,
  periodStart: '2026-04-01',
  periodEnd: '2027-03-31',
  approvedAt: '2026-04-10T09:00:00Z',
  approvedByTopManagement: true,
  cycleMonths: 12,
};
/** A cycle where everything was audited, reported and followed up. */
const healthy: Audits = {
  ...emptyAudits,
  programme,
  programmeAudits: 2,
  reportedAudits: 1,
  requirementItems: 40,
  applicableControls: 90,
};

const run = (id: string, audits: Partial<Audits> = {}) =>
  RULES[id]!(emptySnapshot({ audits: { ...healthy, ...audits } }));
const gaps = (id: string, audits: Partial<Audits> = {}) =>
  run(id, audits).links.filter((l) => l.kind === 'gap');

describe('internal audit rules (4.2.3.d, 6.4.a–d)', () => {
  it.each(['4.2.3.d', '6.4.a', '6.4.b', '6.4.c', '6.4.d'])(
    '%s: not met without a programme, partly met with a draft, met in a healthy cycle',
    (id) => {
      const none = RULES[id]!(emptySnapshot());
      expect(none.status).toBe('not_met');
      expect(none.links).toEqual([expect.objectContaining({ href: '/internal-audits/programme' })]);
      const draft = run(id, { programme: null, latestProgrammeStatus: 'pending' });
      expect(draft.status).toBe('partly_met');
      expect(draft.explanation.ja).toContain('承認待ち');
      expect(draft.explanation.en).not.toContain('pending');
      expect(run(id).status).toBe('met');
      expect(gaps(id)).toEqual([]);
    },
  );

  it('4.2.3.d names each audit past its end date without an approved report', () => {
    const r = run('4.2.3.d', {
      unreported: 2,
      unreportedAudits: [
        { id: 'a1', code: 'IA-2026-01' },
        { id: 'a2', code: 'IA-2026-02' },
      ],
    });
    expect(r.status).toBe('partly_met');
    expect(r.explanation.en).toContain('2 audits past their end date have no approved report');
    expect(gaps('4.2.3.d', { unreported: 1, unreportedAudits: [{ id: 'a1', code: 'X' }] })).toEqual(
      [
        expect.objectContaining({
          href: '/internal-audits/a1',
          label: { ja: '監査 X', en: 'Audit X' },
        }),
      ],
    );
    expect(
      run('4.2.3.d', { programme: { ...programme, approvedByTopManagement: false } }).status,
    ).toBe('partly_met');
    expect(run('4.2.3.d', { programmeAudits: 0 }).explanation.en).toContain('plans no audit');
  });

  it('6.4.a links exactly the requirement items not audited in the cycle, by display ID', () => {
    const r = run('6.4.a', {
      unauditedRequirements: [
        { id: '4.2.3.d', displayId: '第4 2.(3) d' },
        { id: '6.4.a', displayId: '第6 4. a' },
      ],
    });
    expect(r.status).toBe('partly_met');
    expect(r.explanation.en).toContain('cover 38 of 40 requirement items');
    expect(r.links.filter((l) => l.kind === 'gap')).toEqual([
      expect.objectContaining({
        href: '/internal-audits/programme',
        label: { ja: '未監査: 第4 2.(3) d', en: 'Not audited: 4.2.3 d' },
      }),
      expect.objectContaining({ href: '/internal-audits/programme' }),
    ]);
    expect(r.data.unauditedIds).toEqual(['4.2.3.d', '6.4.a']);
  });

  it('6.4.b is not met when no applicable control was audited, and needs an approved SoA', () => {
    const all = Array.from({ length: 3 }, (_, i) => ({
      id: `9.4.${i + 1}`,
      displayId: `9(4)${'①②③'[i]}`,
    }));
    const r = run('6.4.b', { applicableControls: 3, unauditedControls: all });
    expect(r.status).toBe('not_met');
    expect(
      gaps('6.4.b', { applicableControls: 3, unauditedControls: all }).map((l) => l.label.en),
    ).toEqual(['Not audited: A.9.4.1', 'Not audited: A.9.4.2', 'Not audited: A.9.4.3']);
    const partly = run('6.4.b', { applicableControls: 3, unauditedControls: all.slice(1) });
    expect(partly.status).toBe('partly_met');
    expect(partly.links.filter((l) => l.kind === 'gap')).toHaveLength(2);
    const noSoa = run('6.4.b', { applicableControls: 0 });
    expect(noSoa).toMatchObject({
      status: 'not_met',
      links: [{ href: '/statement-of-applicability', kind: 'gap' }],
    });
  });

  it('6.4.c names each finding past its due date that is not verified, and each unreported audit', () => {
    const r = run('6.4.c', {
      overdueFindings: 1,
      overdueFindingRefs: [
        {
          id: 'f1',
          auditId: 'a1',
          code: 'IA-2026-01',
          number: 3,
          dueDate: '2026-10-31',
          requirementId: '6.4.a',
          controlId: null,
        },
      ],
      unreported: 1,
      unreportedAudits: [{ id: 'a2', code: 'IA-2026-02' }],
    });
    expect(r.status).toBe('partly_met');
    expect(r.explanation.ja).toContain('期限を過ぎて是正の検証が済んでいない指摘が1件');
    expect(r.links.filter((l) => l.kind === 'gap').map((l) => l.href)).toEqual([
      '/internal-audits/a2',
      '/internal-audits/a1?tab=findings&finding=f1',
    ]);
    expect(run('6.4.c', { reportedAudits: 0 }).status).toBe('partly_met');
  });

  it('6.4.d names each team assignment that breaks independence', () => {
    const r = run('6.4.d', {
      conflicts: 1,
      conflictRefs: [{ auditId: 'a1', code: 'IA-2026-01', userId: 'u1', userName: '佐藤' }],
    });
    expect(r.status).toBe('partly_met');
    expect(r.links.filter((l) => l.kind === 'gap')).toEqual([
      expect.objectContaining({
        href: '/internal-audits/a1',
        label: { ja: 'IA-2026-01: 佐藤', en: 'IA-2026-01: 佐藤' },
      }),
    ]);
  });
});
