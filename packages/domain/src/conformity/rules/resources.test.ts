import { describe, expect, it } from 'vitest';
import { emptyResourceYear, emptyResources, emptySnapshot } from '../fixtures.ts';
import type { ConformitySnapshot } from '../types.ts';
import { RULES } from './index.ts';
import { gapHrefs, readable } from './people-testing.ts';

type Resources = ConformitySnapshot['resources'];
const run = (id: string, s: ConformitySnapshot) => RULES[id]!(s);

/** FY2026 planned for all four activities and approved by top management; FY2025 recorded. */
function complete(): Resources {
  return {
    ...emptyResources(),
    current: {
      ...emptyResourceYear(2026),
      items: 6,
      planStatus: 'approved',
      approvedAt: '2026-04-10T01:00:00Z',
      approvedByTopManagement: true,
      activities: ['establish', 'improve', 'monitor', 'operate'],
      plannedAmount: 2_400_000,
      usedAmount: 800_000,
    },
    previous: { ...emptyResourceYear(2025), items: 4, usageRecorded: 4 },
    treatmentActions: 3,
    treatmentFunded: 3,
  };
}
const withResources = (over: (r: Resources) => Resources) =>
  emptySnapshot({ resources: over(complete()) });

describe('4.2.2.f resources managed', () => {
  it('is not met with nothing registered for the current year', () => {
    const e = run('4.2.2.f', emptySnapshot());
    expect(e.status).toBe('not_met');
    expect(gapHrefs(e)).toEqual(['/resources?year=2026']);
    readable(e);
  });

  it('is met with owners, last year recorded and treatment funded', () => {
    const e = run(
      '4.2.2.f',
      withResources((r) => r),
    );
    expect(e.status).toBe('met');
    expect(e.explanation.en).toContain('planned ¥2,400,000, used ¥800,000');
    readable(e);
  });

  it('links to each resource at fault and to unfunded treatment actions', () => {
    const e = run(
      '4.2.2.f',
      withResources((r) => ({
        ...r,
        current: { ...r.current, withoutOwner: 1, withoutOwnerIds: ['r-1'] },
        previous: { ...r.previous, usageRecorded: 3, withoutUsageIds: ['r-9'] },
        treatmentFunded: 1,
      })),
    );
    expect(e.status).toBe('partly_met');
    expect(gapHrefs(e)).toEqual(['/resources/r-1', '/resources/r-9', '/treatment-plan']);
    expect(e.explanation.en).toContain('1 resources have no owner.');
    expect(e.explanation.en).toContain(
      'Usage is not recorded for 1 resources of fiscal year 2025.',
    );
    expect(e.explanation.en).toContain('2 treatment actions due this year');
    readable(e);
  });
});

describe('5.1.e resources provided by top management', () => {
  it('is met when top management approved the current plan', () => {
    const e = run(
      '5.1.e',
      withResources((r) => r),
    );
    expect(e.status).toBe('met');
    expect(e.explanation.en).toContain('approved on 2026-04-10');
    readable(e);
  });

  it('is partly met when approved by someone else, waiting, or changed since', () => {
    const byOther = run(
      '5.1.e',
      withResources((r) => ({ ...r, current: { ...r.current, approvedByTopManagement: false } })),
    );
    expect(byOther.status).toBe('partly_met');
    expect(byOther.explanation.en).toContain('not approved by top management');
    const waiting = run(
      '5.1.e',
      withResources((r) => ({
        ...r,
        current: { ...r.current, planStatus: 'submitted', approvedAt: null },
      })),
    );
    expect(waiting.status).toBe('partly_met');
    expect(waiting.explanation.en).toContain('awaiting');
    const changed = run(
      '5.1.e',
      withResources((r) => ({ ...r, current: { ...r.current, planStatus: 'draft' } })),
    );
    expect(changed.status).toBe('partly_met');
    expect(changed.explanation.en).toContain('changed after its approval on 2026-04-10');
    for (const e of [byOther, waiting, changed]) readable(e);
  });

  it('is not met for a draft never approved', () => {
    const e = run(
      '5.1.e',
      withResources((r) => ({
        ...r,
        current: { ...r.current, planStatus: 'draft', approvedAt: null },
      })),
    );
    expect(e.status).toBe('not_met');
    expect(e.explanation.ja).toContain('承認されていません');
    readable(e);
  });
});

describe('5.2.1.a resources for establishing, operating, monitoring and improving', () => {
  it('is met with all four activities planned and last year recorded', () => {
    expect(
      run(
        '5.2.1.a',
        withResources((r) => r),
      ).status,
    ).toBe('met');
  });

  it('names the activities without resources and missing usage', () => {
    const e = run(
      '5.2.1.a',
      withResources((r) => ({
        ...r,
        current: { ...r.current, activities: ['operate', 'establish'] },
        previous: { ...r.previous, usageRecorded: 2, withoutUsageIds: ['r-7', 'r-8'] },
      })),
    );
    expect(e.status).toBe('partly_met');
    expect(e.explanation.en).toContain(
      'Nothing is planned for monitoring and reviewing, maintaining and improving.',
    );
    expect(e.explanation.ja).toContain(
      '監視・レビュー・維持・改善のための資源が計画されていません。',
    );
    expect(gapHrefs(e)).toEqual(['/resources?year=2026', '/resources/r-7', '/resources/r-8']);
    readable(e);
  });

  it('is not met with nothing planned', () => {
    expect(run('5.2.1.a', emptySnapshot()).status).toBe('not_met');
  });
});
