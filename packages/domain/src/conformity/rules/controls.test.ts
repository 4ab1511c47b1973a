import { describe, expect, it } from 'vitest';
import { emptyControls, emptySnapshot } from '../fixtures.ts';
import type { ConformitySnapshot } from '../types.ts';
import { RULES } from './index.ts';

type Controls = ConformitySnapshot['controls'];
const ref = (controlId: string, displayId: string) => ({ controlId, displayId });
const some = (count: number, ...refs: ReturnType<typeof ref>[]) => ({ count, refs });

/** Three applicable controls, all operated, owned, checked, covered and effective. */
const healthy = (): Controls => ({
  ...emptyControls(),
  applicable: 3,
  coveredByEvidence: 2,
  coveredByReason: 1,
  results12m: 9,
});
const run = (id: string, over: Partial<Controls> = {}) =>
  RULES[id]!(emptySnapshot({ controls: { ...healthy(), ...over } }));
const gaps = (id: string, over: Partial<Controls>) =>
  run(id, over)
    .links.filter((l) => l.kind === 'gap')
    .map((l) => l.href);

describe('control operation rules', () => {
  it.each(['4.2.2.c', '4.2.2.e', '5.2.1.b', '5.2.1.d'])(
    '%s is registered and met when all is in order',
    (id) => {
      const e = run(id);
      expect(e.status).toBe('met');
      expect(e.links).toEqual([expect.objectContaining({ href: '/controls', kind: 'evidence' })]);
    },
  );

  it.each(['4.2.2.c', '4.2.2.e', '5.2.1.b', '5.2.1.d'])(
    '%s is not met without a SoA, linking it',
    (id) => {
      const e = RULES[id]!(emptySnapshot({ controls: emptyControls() }));
      expect(e.status).toBe('not_met');
      expect(e.explanation.en).toContain('no Statement of Applicability');
      expect(e.links.map((l) => l.href)).toEqual(['/statement-of-applicability']);
    },
  );

  it('4.2.2.c names controls without operation, owner or a current check result', () => {
    const e = run('4.2.2.c', {
      withoutOwner: some(1, ref('6.1.1', '6(1)①')),
      withoutCurrentResult: some(1, ref('9.2.3', '9(2)③')),
    });
    expect(e.status).toBe('partly_met');
    expect(e.explanation.en).toContain('1 have no owner');
    expect(e.explanation.ja).toContain('責任者');
    expect(e.explanation.en).not.toMatch(/in_operation|not_started/);
    expect(gaps('4.2.2.c', { withoutOwner: some(1, ref('6.1.1', '6(1)①')) })).toEqual([
      '/controls/6.1.1',
    ]);
    expect(e.links.filter((l) => l.kind === 'gap').map((l) => l.href)).toEqual([
      '/controls/6.1.1',
      '/controls?due=overdue',
      '/controls/9.2.3',
    ]);
  });

  it('4.2.2.c is not met when no applicable control has an operation', () => {
    const e = run('4.2.2.c', { withoutOperation: some(3, ref('3.1.1', '3(1)①')) });
    expect(e.status).toBe('not_met');
    expect(e.links.map((l) => l.href)).toContain('/controls?status=unset');
  });

  it.each(['4.2.2.e', '5.2.1.b'])(
    '%s wants a procedure, a record type or a reason per control',
    (id) => {
      const e = run(id, { uncovered: some(2, ref('3.1.1', '3(1)①'), ref('6.1.1', '6(1)①')) });
      expect(e.status).toBe('partly_met');
      expect(e.explanation.en).toContain('2 have neither a procedure, a record type nor a reason');
      expect(
        gaps(id, { uncovered: some(2, ref('3.1.1', '3(1)①'), ref('6.1.1', '6(1)①')) }),
      ).toEqual(['/controls/3.1.1', '/controls/6.1.1']);
      expect(run(id, { uncovered: some(3, ref('3.1.1', '3(1)①')) }).status).toBe('not_met');
    },
  );

  it('5.2.1.d wants controls found effective, and failures followed by a nonconformity', () => {
    expect(run('5.2.1.d', { lastNotEffective: some(1, ref('3.1.1', '3(1)①')) }).status).toBe(
      'partly_met',
    );
    const e = run('5.2.1.d', { failedWithoutNonconformity: some(1, ref('9.2.3', '9(2)③')) });
    expect(e.status).toBe('partly_met');
    expect(e.explanation.en).toContain('no nonconformity raised');
    expect(gaps('5.2.1.d', { failedWithoutNonconformity: some(1, ref('9.2.3', '9(2)③')) })).toEqual(
      ['/controls/9.2.3'],
    );
  });
});
