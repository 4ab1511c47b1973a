import type { SoaBlocker, SoaEntryChange, SoaReason } from '@mamoru/contracts';

/**
 * The pure rules of the Statement of Applicability: what blocks submission,
 * what the risk work proposes, and what changed between two versions.
 */

/** The decision part of an entry (what the rules look at). */
export interface Decision {
  controlId: string;
  displayId: string;
  applicable: boolean | null;
  proposed: boolean;
  reasons: SoaReason[];
  exclusionReason: string;
  riskAcceptedBy: string | null;
  riskAcceptedOn: string | null;
}

/**
 * Everything that blocks submission, in entry order: every control decided,
 * every selection reasoned, every exclusion justified and its risk accepted
 * by an accountable person (第1 2.).
 */
export function blockersOf(entries: readonly Decision[]): SoaBlocker[] {
  const blockers: SoaBlocker[] = [];
  for (const e of entries) {
    const at = { controlId: e.controlId, displayId: e.displayId };
    if (e.applicable === null) blockers.push({ ...at, code: 'undecided' });
    else if (e.applicable && e.reasons.length === 0)
      blockers.push({ ...at, code: 'reason_missing' });
    else if (!e.applicable) {
      if (!e.exclusionReason.trim()) blockers.push({ ...at, code: 'exclusion_reason_missing' });
      if (!e.riskAcceptedBy) blockers.push({ ...at, code: 'acceptance_missing' });
    }
  }
  return blockers;
}

/** A risk whose treatment selected the control. */
export interface SelectingRisk {
  riskId: string;
  code: string;
}

/** An exclusion the approved scope already made, with its justification and acceptance. */
export interface ScopeExclusion {
  reason: string;
  riskAcceptedBy: string;
  riskAcceptedOn: string;
}

const riskReason = (r: SelectingRisk): SoaReason => ({
  type: 'risk',
  note: '',
  link: { type: 'risk', id: r.riskId, label: r.code },
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the risk work (and the scope's exclusions) propose for one entry, or
 * null when nothing changes. A decision a person made is never touched; a
 * proposal follows the risks (its risk reasons are replaced by the current
 * ones), and a proposal whose risks are gone becomes "decision needed" again.
 */
export function draftDecision(
  entry: Decision,
  risks: readonly SelectingRisk[],
  exclusion: ScopeExclusion | undefined,
): Decision | null {
  if (entry.applicable !== null && !entry.proposed) return null;
  const ownReasons = entry.reasons.filter((r) => r.type !== 'risk');
  let next: Decision;
  if (risks.length > 0) {
    next = {
      ...entry,
      applicable: true,
      proposed: true,
      reasons: [...risks.map(riskReason), ...ownReasons],
      exclusionReason: '',
      riskAcceptedBy: null,
      riskAcceptedOn: null,
    };
  } else if (exclusion) {
    next = {
      ...entry,
      applicable: false,
      proposed: true,
      reasons: ownReasons,
      exclusionReason: exclusion.reason,
      riskAcceptedBy: exclusion.riskAcceptedBy,
      riskAcceptedOn: exclusion.riskAcceptedOn,
    };
  } else if (entry.proposed) {
    next = {
      ...entry,
      applicable: null,
      proposed: false,
      reasons: ownReasons,
      exclusionReason: '',
      riskAcceptedBy: null,
      riskAcceptedOn: null,
    };
  } else {
    return null;
  }
  return same(next, entry) ? null : next;
}

/** The fields a person changes in an entry, and what a diff compares. */
export const DIFF_FIELDS = [
  'applicable',
  'reasons',
  'exclusionReason',
  'riskAcceptedBy',
  'riskAcceptedOn',
  'implementationStatus',
  'links',
  'ownerUserId',
  'notes',
] as const;

export type Comparable = { controlId: string; displayId: string } & Record<
  (typeof DIFF_FIELDS)[number],
  unknown
>;

/** Which controls changed between two versions, and how (field by field), in `to` order. */
export function diffEntries(
  from: readonly Comparable[],
  to: readonly Comparable[],
): SoaEntryChange[] {
  const before = new Map(from.map((e) => [e.controlId, e]));
  const seen = new Set<string>();
  const changes: SoaEntryChange[] = [];
  for (const e of to) {
    seen.add(e.controlId);
    const old = before.get(e.controlId);
    if (!old) {
      changes.push({ controlId: e.controlId, displayId: e.displayId, kind: 'added', fields: [] });
      continue;
    }
    const fields = DIFF_FIELDS.filter((f) => !same(old[f], e[f])).map((f) => ({
      field: f,
      before: old[f],
      after: e[f],
    }));
    if (fields.length) {
      changes.push({ controlId: e.controlId, displayId: e.displayId, kind: 'changed', fields });
    }
  }
  for (const e of from) {
    if (!seen.has(e.controlId)) {
      changes.push({ controlId: e.controlId, displayId: e.displayId, kind: 'removed', fields: [] });
    }
  }
  return changes;
}
