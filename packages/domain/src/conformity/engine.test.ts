import { describe, expect, it } from 'vitest';
import { shippedLibrary } from '@mamoru/catalog';
import { evaluateConformity, requirementItems, topGaps } from './engine.ts';
import { approvedScope, emptySnapshot } from './fixtures.ts';
import { RULES } from './rules/index.ts';
import { met } from './text.ts';

describe('the conformity engine', async () => {
  const lib = (await shippedLibrary('jipdec-isms-2.0'))!;

  it('lists every leaf requirement once, after the exclusions rule, in document order', () => {
    const r = evaluateConformity(lib, emptySnapshot());
    const ids = r.items.map((i) => i.id);
    expect(ids[0]).toBe('1.2');
    expect(ids.slice(1)).toEqual(requirementItems(lib).items.map((f) => f.node.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(r.groups.map((g) => g.id)).toContain('4.2.1.b');
    expect(ids).not.toContain('4.2.1.b');
  });

  it('meets nothing on an empty snapshot and says what unevaluated items need', () => {
    const r = evaluateConformity(lib, emptySnapshot());
    expect(r.summary.counts.met).toBe(0);
    expect(r.summary.readiness).toBe(0);
    const monitoring = r.items.find((i) => i.id === '4.2.3.a.3')!;
    expect(monitoring).toMatchObject({ status: 'not_met', phase: 'check' });
    // Every item of the criteria has a rule: none is left "not yet evidenced".
    expect(r.items.filter((i) => i.status === 'not_evidenced').map((i) => i.id)).toEqual([]);
    expect(monitoring.guidance).toMatchObject({ path: '/objectives' });
    expect(monitoring.guidance.text.ja).toContain('経営陣');
    expect(r.items.find((i) => i.id === '7.2.a')!.phase).toBe('act');
    expect(r.items.find((i) => i.id === '4.3.3')!.phase).toBe('do');
  });

  it('counts per phase and computes readiness as the share met, rounded down', () => {
    const allMet = Object.fromEntries(
      requirementItems(lib).items.map((f) => [f.node.id, () => met({ ja: '', en: '' }, [], {})]),
    );
    const r = evaluateConformity(lib, emptySnapshot({ scope: approvedScope }), allMet);
    // Everything but the exclusions rule (no rule given here) is met.
    expect(r.summary.counts).toEqual({
      met: r.items.length - 1,
      partly_met: 0,
      not_met: 0,
      not_evidenced: 1,
    });
    expect(r.summary.gaps).toBe(1);
    expect(r.summary.readiness).toBe(Math.floor(((r.items.length - 1) * 100) / r.items.length));
    expect(r.summary.phases.reduce((n, p) => n + p.total, 0)).toBe(r.items.length);
  });

  it('puts partly met gaps (one fix away) before not met ones, then those not yet evidenced', () => {
    // An item without a rule (a newer library's) is not yet evidenced: drop one rule to see it.
    const { ['4.2.3.a.3']: _dropped, ...fewer } = RULES;
    const r = evaluateConformity(
      lib,
      emptySnapshot({
        scope: { ...approvedScope, approvedNumber: null, filled: null },
        assets: {
          inUse: 0,
          unclassified: 0,
          withoutValue: 0,
          ownerInactive: 0,
          inactiveOwnerIds: [],
        },
      }),
      fewer,
    );
    const gaps = topGaps(r.items, 200);
    const firstNotMet = gaps.findIndex((g) => g.status === 'not_met');
    const firstUnevidenced = gaps.findIndex((g) => g.status === 'not_evidenced');
    expect(firstNotMet).toBeGreaterThan(0);
    expect(firstUnevidenced).toBeGreaterThan(firstNotMet);
    expect(gaps.slice(0, firstNotMet).every((g) => g.status === 'partly_met')).toBe(true);
    expect(gaps.slice(firstNotMet, firstUnevidenced).every((g) => g.status === 'not_met')).toBe(
      true,
    );
    expect(gaps.slice(firstUnevidenced).every((g) => g.status === 'not_evidenced')).toBe(true);
    // Every item not met in any way is a gap, and the summary counts the same.
    expect(gaps.length).toBe(r.items.filter((i) => i.status !== 'met').length);
    expect(r.summary.gaps).toBe(gaps.length);
  });
});
