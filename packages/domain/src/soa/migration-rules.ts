import type {
  ImplementationStatus,
  SoaBlocker,
  SoaLink,
  SoaMigrationConfidence,
  SoaMigrationProgress,
  SoaMigrationRelation,
  SoaMigrationReview,
  SoaMigrationReviewReason,
  SoaMigrationSource,
  SoaReason,
} from '@mamoru/contracts';

/**
 * The pure rules of the migration assistant: how one target control is
 * pre-filled from the decisions on the source controls mapped to it, when it
 * needs a reviewer, and the progress of the review.
 */

/** One row of the mapping, read as "source control → target control". */
export interface MappingRow {
  source: string;
  target: string;
  relation: SoaMigrationRelation;
  confidence: SoaMigrationConfidence;
}

/** The decision on a source control in the statement in force. */
export interface SourceDecision {
  controlId: string;
  displayId: string;
  applicable: boolean | null;
  reasons: SoaReason[];
  exclusionReason: string;
  riskAcceptedBy: string | null;
  riskAcceptedOn: string | null;
  implementationStatus: ImplementationStatus;
  links: SoaLink[];
  ownerUserId: string | null;
}

export interface PrefilledEntry {
  controlId: string;
  applicable: boolean | null;
  /** Awaiting a person (the statement's own "proposed" flag, so its pages show it too). */
  proposed: boolean;
  reasons: SoaReason[];
  exclusionReason: string;
  riskAcceptedBy: string | null;
  riskAcceptedOn: string | null;
  implementationStatus: ImplementationStatus;
  links: SoaLink[];
  ownerUserId: string | null;
  sources: SoaMigrationSource[];
  reviewReasons: SoaMigrationReviewReason[];
  review: SoaMigrationReview;
}

const STATUS_ORDER: ImplementationStatus[] = ['not_started', 'planned', 'partial', 'implemented'];

const uniqueBy = <T>(items: T[], key: (t: T) => string) => {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

/** The weakest status: a target control is only as implemented as its least implemented part. */
function weakest(statuses: ImplementationStatus[]): ImplementationStatus {
  if (statuses.length === 0) return 'not_started';
  return STATUS_ORDER[Math.min(...statuses.map((s) => STATUS_ORDER.indexOf(s)))]!;
}

/**
 * Pre-fills one target control from its mapped source decisions.
 *
 * - No source, or flagged new in the target edition: needs review (undecided
 *   when there is no source at all).
 * - Applicable when any source is applicable (a predecessor was selected, so
 *   its risks still need treatment); excluded only when every source is.
 * - Reasons of the applicable sources, or the exclusion justifications and
 *   the latest risk acceptance of the excluded ones, are carried over.
 * - Implementation status is the weakest of the applicable sources.
 *
 * Review policy: an entry whose every mapping row is `equal` with high
 * confidence and whose sources agree is pre-confirmed ("carried over"). Equal
 * means the same requirement under a new number, so asking a person to click
 * through some fifty unchanged decisions adds no judgement; the draft still
 * goes through the statement's approval, where every decision is seen, and a
 * reviewer can edit a carried-over entry like any other. Everything else
 * (partial mappings, disagreeing or undecided sources, unsure mappings, new
 * controls) waits for a person.
 */
export function prefillEntry(
  controlId: string,
  rows: readonly MappingRow[],
  decisions: ReadonlyMap<string, SourceDecision>,
  newControls: ReadonlySet<string> = new Set(),
): PrefilledEntry {
  const mapped = rows.filter((r) => r.target === controlId && decisions.has(r.source));
  const sources: SoaMigrationSource[] = uniqueBy(mapped, (r) => r.source).map((r) => {
    const d = decisions.get(r.source)!;
    return {
      controlId: d.controlId,
      displayId: d.displayId,
      relation: r.relation,
      confidence: r.confidence,
      applicable: d.applicable,
      implementationStatus: d.implementationStatus,
    };
  });
  const found = sources.map((s) => decisions.get(s.controlId)!);
  const reviewReasons = reviewReasonsOf(sources, newControls.has(controlId));
  const selected = found.filter((d) => d.applicable === true);
  const excluded = found.filter((d) => d.applicable === false);
  const applicable = selected.length > 0 ? true : excluded.length > 0 ? false : null;
  const owners = uniqueBy(
    found.filter((d) => d.ownerUserId),
    (d) => d.ownerUserId!,
  );
  const base = {
    controlId,
    applicable,
    proposed: reviewReasons.length > 0,
    sources,
    reviewReasons,
    review: (reviewReasons.length > 0 ? 'pending' : 'confirmed') as SoaMigrationReview,
    links: uniqueBy(
      found.flatMap((d) => d.links),
      (l) => `${l.type}\u0000${l.id}`,
    ),
    ownerUserId: owners.length === 1 ? owners[0]!.ownerUserId : null,
  };
  if (applicable === false) {
    const accepted = [...excluded]
      .filter((d) => d.riskAcceptedBy)
      .sort((a, b) => (b.riskAcceptedOn ?? '').localeCompare(a.riskAcceptedOn ?? ''))[0];
    return {
      ...base,
      reasons: [],
      exclusionReason: uniqueBy(
        excluded.map((d) => d.exclusionReason.trim()).filter(Boolean),
        (t) => t,
      ).join('\n'),
      riskAcceptedBy: accepted?.riskAcceptedBy ?? null,
      riskAcceptedOn: accepted?.riskAcceptedOn ?? null,
      implementationStatus: 'not_started',
    };
  }
  return {
    ...base,
    reasons: uniqueBy(
      selected.flatMap((d) => d.reasons),
      (r) => JSON.stringify([r.type, r.note, r.link?.type ?? '', r.link?.id ?? '']),
    ),
    exclusionReason: '',
    riskAcceptedBy: null,
    riskAcceptedOn: null,
    implementationStatus: weakest(selected.map((d) => d.implementationStatus)),
  };
}

/** Why an entry with these sources needs a person; empty when it can be carried over. */
export function reviewReasonsOf(
  sources: readonly SoaMigrationSource[],
  flaggedNew = false,
): SoaMigrationReviewReason[] {
  if (sources.length === 0) return ['new_control'];
  // A control the catalog flags as new is new even when a loose predecessor maps to it.
  const reasons: SoaMigrationReviewReason[] = flaggedNew ? ['new_control'] : [];
  if (sources.some((s) => s.relation !== 'equal')) reasons.push('partial_mapping');
  if (new Set(sources.map((s) => s.applicable)).size > 1) reasons.push('sources_disagree');
  if (sources.some((s) => s.confidence !== 'high')) reasons.push('low_confidence');
  if (sources.some((s) => s.applicable === null)) reasons.push('source_undecided');
  return reasons;
}

/** Source controls that no row maps to any of the target controls. */
export function unmappedSources<T extends { controlId: string }>(
  sources: readonly T[],
  rows: readonly MappingRow[],
  targetIds: ReadonlySet<string>,
): T[] {
  const mapped = new Set(rows.filter((r) => targetIds.has(r.target)).map((r) => r.source));
  return sources.filter((s) => !mapped.has(s.controlId));
}

/** The review columns of an entry (as stored: plain strings). */
export interface ReviewState {
  review: SoaMigrationReview | (string & {});
  confirmedBy: string | null;
  reviewReasons: readonly string[];
}

export function progressOf(entries: readonly ReviewState[]): SoaMigrationProgress {
  const confirmed = entries.filter((e) => e.review === 'confirmed');
  return {
    total: entries.length,
    confirmed: confirmed.length,
    pending: entries.length - confirmed.length,
    carriedOver: confirmed.filter((e) => e.confirmedBy === null).length,
    newControls: entries.filter((e) => e.reviewReasons.includes('new_control')).length,
  };
}

/** A blocker per entry still awaiting review, in entry order (submission waits for them). */
export function reviewBlockers(
  entries: readonly { controlId: string; displayId: string }[],
  pending: ReadonlySet<string>,
): SoaBlocker[] {
  return entries
    .filter((e) => pending.has(e.controlId))
    .map((e) => ({ controlId: e.controlId, displayId: e.displayId, code: 'review_pending' }));
}
