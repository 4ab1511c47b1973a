import { describe, expect, it } from 'vitest';
import { emptyDeep, emptySnapshot } from '../fixtures.ts';
import { RULES } from './index.ts';

type Latest = NonNullable<ReturnType<typeof emptyDeep>['changes'][string]>['latest'];
const withChange = (kind: string, latest: Latest, missing = 0) => {
  const deep = emptyDeep();
  deep.changes[kind] = {
    latest,
    changedWithoutAssessment: {
      count: missing,
      refs: Array.from({ length: missing }, (_, i) => ({ id: `c-${i}`, label: '2026-05-01' })),
    },
  };
  return emptySnapshot({ deep });
};

describe('reviews of change (4.2.3.c.1–5)', () => {
  it('is not met for every kind without a review within the interval', () => {
    for (const id of ['4.2.3.c.1', '4.2.3.c.2', '4.2.3.c.3', '4.2.3.c.4', '4.2.3.c.5']) {
      const r = RULES[id]!(emptySnapshot());
      expect(r.status, id).toBe('not_met');
      expect(r.explanation.en).toContain('last 12 months');
    }
    expect(RULES['4.2.3.c.5']!(emptySnapshot()).explanation.ja).toContain('外部の事象');
  });

  it('accepts a recorded decision that nothing changed', () => {
    const s = withChange('organization', {
      id: 'r1',
      reviewedOn: '2026-04-01',
      outcome: 'no_change',
      assessmentId: null,
    });
    const r = RULES['4.2.3.c.1']!(s);
    expect(r.status).toBe('met');
    expect(r.explanation.en).toContain('found unchanged');
    expect(r.links[0]!.href).toBe('/risks/assessments?changeReview=r1');
    // Another kind is still not reviewed.
    expect(RULES['4.2.3.c.2']!(s).status).toBe('not_met');
  });

  it('needs the reassessment made for each change', () => {
    const linked = withChange('threats', {
      id: 'r2',
      reviewedOn: '2026-06-01',
      outcome: 'changed',
      assessmentId: 'a1',
    });
    const ok = RULES['4.2.3.c.4']!(linked);
    expect(ok.status).toBe('met');
    expect(ok.links.map((l) => l.href)).toContain('/risks/assessments?run=a1');
    const missing = withChange(
      'threats',
      { id: 'r3', reviewedOn: '2026-06-01', outcome: 'changed', assessmentId: null },
      1,
    );
    const r = RULES['4.2.3.c.4']!(missing);
    expect(r.status).toBe('partly_met');
    expect(r.explanation.en).toContain('1 changes name no reassessment');
    expect(r.links.filter((l) => l.kind === 'gap').map((l) => l.href)).toEqual([
      '/risks/assessments?changeReview=c-0',
    ]);
  });
});
