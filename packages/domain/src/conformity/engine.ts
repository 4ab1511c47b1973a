import { flattenRequirements, type Library } from '@mamoru/catalog';
import type { ConformityCounts, ConformityItem, ConformitySummary } from '@mamoru/contracts';
import { guidanceOf } from './guidance/index.ts';
import { phaseOf } from './phase.ts';
import { withBasis } from './attestation-rules.ts';
import { RULES } from './rules/index.ts';
import { tx } from './text.ts';
import type { ConformitySnapshot, PdcaPhase, Rule } from './types.ts';

/** The exclusions rule of 第1 2., listed before the requirements of 第4–第7. */
export const EXCLUSIONS_ITEM = {
  id: '1.2',
  displayId: '第1 2.',
  title: tx('適用除外', 'Exclusions'),
} as const;

/** The requirement items of a library: its leaf requirements (parents group them). */
export function requirementItems(lib: Library) {
  const flat = flattenRequirements(lib);
  return {
    items: flat.filter((f) => !f.node.children?.length),
    groups: flat.filter((f) => f.node.children?.length),
  };
}

function countsOf(items: readonly ConformityItem[]): ConformityCounts {
  const counts = { met: 0, partly_met: 0, not_met: 0, not_evidenced: 0 };
  for (const item of items) counts[item.status] += 1;
  return counts;
}

/** Share of items met, in whole percent rounded down (99.5 % is not 100 %). */
export const readinessOf = (counts: ConformityCounts, total: number) =>
  total ? Math.floor((counts.met * 100) / total) : 0;

export function summarize(items: readonly ConformityItem[]): ConformitySummary {
  const counts = countsOf(items);
  const metByAttestation = items.filter((i) => i.basis === 'attestation').length;
  const phases = (['plan', 'do', 'check', 'act'] as PdcaPhase[]).map((phase) => {
    const ofPhase = items.filter((i) => i.phase === phase);
    const c = countsOf(ofPhase);
    return { phase, total: ofPhase.length, counts: c, readiness: readinessOf(c, ofPhase.length) };
  });
  return {
    total: items.length,
    counts,
    readiness: readinessOf(counts, items.length),
    gaps: counts.partly_met + counts.not_met + counts.not_evidenced,
    metByAttestation,
    phases,
  };
}

/** Runs one rule; an item without a rule is not yet evidenced. Every item carries its guidance. */
/**
 * Runs one rule (an item without a rule is not yet evidenced), then lets an
 * approved attestation in force meet an item the rule did not. Every item
 * carries its guidance.
 */
function evaluateItem(id: string, rule: Rule | undefined, s: ConformitySnapshot) {
  const attestation = s.attestations.inForce.find((a) => a.itemId === id);
  return withBasis(verdictOf(id, rule, s), attestation);
}

function verdictOf(id: string, rule: Rule | undefined, s: ConformitySnapshot) {
  const guidance = guidanceOf(id);
  if (!rule) {
    return {
      status: 'not_evidenced' as const,
      explanation: tx(
        'Mamoruにはまだこの項目を示すデータがありません。',
        'Mamoru holds no data for this item yet.',
      ),
      guidance,
      links: [],
      data: {},
    };
  }
  return { ...rule(s), guidance };
}

/**
 * Evaluates every requirement item of the library against the snapshot, in
 * document order, with the exclusions rule first. Pure: same snapshot, same result.
 */
export function evaluateConformity(
  lib: Library,
  s: ConformitySnapshot,
  rules: Readonly<Record<string, Rule>> = RULES,
) {
  const { items, groups } = requirementItems(lib);
  const evaluated: ConformityItem[] = [
    {
      ...EXCLUSIONS_ITEM,
      title: { ...EXCLUSIONS_ITEM.title },
      kind: 'exclusions',
      parentIds: [],
      phase: 'plan',
      ...evaluateItem(EXCLUSIONS_ITEM.id, rules[EXCLUSIONS_ITEM.id], s),
    },
    ...items.map(({ node, parentIds }) => ({
      id: node.id,
      displayId: node.displayId,
      kind: 'requirement' as const,
      parentIds: [...parentIds],
      title: { ja: node.title.ja ?? '', en: node.title.en ?? '' },
      phase: phaseOf(node.id),
      ...evaluateItem(node.id, rules[node.id], s),
    })),
  ];
  return {
    summary: summarize(evaluated),
    groups: groups.map(({ node, parentIds }) => ({
      id: node.id,
      displayId: node.displayId,
      parentIds: [...parentIds],
      title: { ja: node.title.ja ?? '', en: node.title.en ?? '' },
    })),
    items: evaluated,
  };
}

/**
 * Gaps to close first: partly met items (one fix away, and each names what is
 * at fault), then items not met, then items not yet evidenced (their guidance
 * says what to record), each group in document order.
 */
export function topGaps(items: readonly ConformityItem[], limit = 5) {
  return [
    ...items.filter((i) => i.status === 'partly_met'),
    ...items.filter((i) => i.status === 'not_met'),
    ...items.filter((i) => i.status === 'not_evidenced'),
  ].slice(0, limit);
}
