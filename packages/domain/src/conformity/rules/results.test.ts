import { describe, expect, it } from 'vitest';
import { emptyDeep, emptyReviews, emptySnapshot } from '../fixtures.ts';
import type { ConformitySnapshot } from '../types.ts';
import { RULES } from './index.ts';

const fault = (...labels: string[]) => ({
  count: labels.length,
  refs: labels.map((label, i) => ({ id: `id-${i}`, label })),
});
const treatment = { ...emptySnapshot().treatment, actions: 4, open: 2 };

describe('treatment plan implemented (4.2.2.b)', () => {
  it('needs actions, then names overdue, ownerless and unfunded ones', () => {
    expect(RULES['4.2.2.b']!(emptySnapshot()).status).toBe('not_met');
    const progress = { ...emptyDeep().treatmentProgress, done: 2, averageProgress: 70 };
    const ok = RULES['4.2.2.b']!(
      emptySnapshot({ treatment, deep: { ...emptyDeep(), treatmentProgress: progress } }),
    );
    expect(ok.status).toBe('met');
    expect(ok.explanation.en).toContain('2 of 4 treatment actions are done');
    const bad = RULES['4.2.2.b']!(
      emptySnapshot({
        treatment,
        deep: {
          ...emptyDeep(),
          treatmentProgress: { ...progress, overdue: fault('TA-0003'), unfunded: fault('TA-0004') },
        },
      }),
    );
    expect(bad.status).toBe('partly_met');
    expect(bad.explanation.en).toContain('1 actions are past their due date');
    expect(bad.explanation.en).toContain('neither budget nor resources');
    expect(bad.links.filter((l) => l.kind === 'gap').map((l) => l.href)).toEqual([
      '/treatment-plan?q=TA-0003',
      '/treatment-plan?q=TA-0004',
    ]);
  });
});

describe('review and react (5.2.1.e)', () => {
  const lastApproved = {
    id: 'mr1',
    code: 'MR-0001',
  } as NonNullable<ConformitySnapshot['reviews']['lastApproved']>;
  it('needs an approved review, then links what was not reacted to', () => {
    expect(RULES['5.2.1.e']!(emptySnapshot()).status).toBe('not_met');
    const reviews = { ...emptyReviews(), lastApproved };
    expect(RULES['5.2.1.e']!(emptySnapshot({ reviews })).status).toBe('met');
    const s = emptySnapshot({
      reviews,
      incidents: {
        ...emptySnapshot().incidents,
        withoutRecurrenceAction: { count: 1, refs: [{ id: 'i1', number: 7, type: 'incident' }] },
      },
    });
    const r = RULES['5.2.1.e']!(s);
    expect(r.status).toBe('partly_met');
    expect(r.explanation.en).toContain("1 incidents' lessons led to no action");
    expect(r.links.filter((l) => l.kind === 'gap').map((l) => l.href)).toEqual(['/incidents/i1']);
  });
});

describe('effectiveness improved (5.2.1.f)', () => {
  it('needs improvements completed and verified within the year', () => {
    expect(RULES['5.2.1.f']!(emptySnapshot()).status).toBe('not_met');
    const verified = {
      ...emptyDeep(),
      yearImprovementsImplemented: 2,
      yearImprovementsWithEvidence: 2,
      yearActionsReviewedEffective: 1,
    };
    expect(RULES['5.2.1.f']!(emptySnapshot({ deep: verified })).status).toBe('met');
    const r = RULES['5.2.1.f']!(
      emptySnapshot({ deep: { ...verified, yearImprovementsWithEvidence: 1 } }),
    );
    expect(r.status).toBe('partly_met');
    expect(r.explanation.en).toContain('1 completed improvements show no evidence');
  });
});
