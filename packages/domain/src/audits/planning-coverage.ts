import type { CoverageItem, CoverageStatus, CoverageSummary } from '@mamoru/contracts';

/**
 * Coverage of an audit cycle (6.4): whether each requirement item and
 * applicable control was audited within the cycle, is covered by an audit
 * planned in the programme's period, or would go unaudited (a warning).
 * Pure: the caller reads the facts; the audit, report and conformity areas
 * reuse it so that every view counts coverage the same way.
 */

export type CoverageKind = 'requirement' | 'control';

export interface CoverageInput {
  /** The criteria: requirement items and controls to cover, in display order. */
  items: readonly { kind: CoverageKind; id: string }[];
  /** Latest audited date (YYYY-MM-DD) per checklist reference of reported audits. */
  audited: readonly { kind: CoverageKind; refId: string; lastOn: string }[];
  /** Audits still to run in the programme's period, with their scope. */
  planned: readonly { plannedStart: string; requirementIds: string[]; controlIds: string[] }[];
  /** The day coverage is judged on (YYYY-MM-DD). */
  asOf: string;
  /** Every item is to be audited within this many months. */
  cycleMonths: number;
}

export type CoverageLine = Pick<CoverageItem, 'kind' | 'id' | 'lastAuditedOn' | 'plannedOn'> & {
  status: CoverageStatus;
};

/** A scope reference covers itself and everything below it (4.2.3 covers 4.2.3.d). */
export const covers = (ref: string, id: string) => id === ref || id.startsWith(`${ref}.`);

/** The same day `months` earlier, clamped to the month's end (31 March − 1 month = 28/29 February). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(year, month, Math.min(d, last)));
  return date.toISOString().slice(0, 10);
}

const later = (a: string | null, b: string) => (a === null || b > a ? b : a);
const earlier = (a: string | null, b: string) => (a === null || b < a ? b : a);

export function auditCoverage(input: CoverageInput): {
  items: CoverageLine[];
  summary: CoverageSummary;
} {
  const cycleStart = monthsBefore(input.asOf, input.cycleMonths);
  const items = input.items.map(({ kind, id }) => {
    let lastAuditedOn: string | null = null;
    for (const a of input.audited) {
      if (a.kind === kind && covers(a.refId, id) && a.lastOn <= input.asOf) {
        lastAuditedOn = later(lastAuditedOn, a.lastOn);
      }
    }
    let plannedOn: string | null = null;
    for (const p of input.planned) {
      const refs = kind === 'requirement' ? p.requirementIds : p.controlIds;
      if (refs.some((ref) => covers(ref, id))) plannedOn = earlier(plannedOn, p.plannedStart);
    }
    const status: CoverageStatus =
      lastAuditedOn !== null && lastAuditedOn >= cycleStart
        ? 'audited'
        : plannedOn !== null
          ? 'planned'
          : 'unaudited';
    return { kind, id, lastAuditedOn, plannedOn, status };
  });
  return { items, summary: summarizeCoverage(items) };
}

export function summarizeCoverage(
  items: readonly { kind: CoverageKind; status: CoverageStatus }[],
): CoverageSummary {
  const count = (kind: CoverageKind) => {
    const of = items.filter((i) => i.kind === kind);
    return {
      total: of.length,
      audited: of.filter((i) => i.status === 'audited').length,
      planned: of.filter((i) => i.status === 'planned').length,
      unaudited: of.filter((i) => i.status === 'unaudited').length,
    };
  };
  return { requirements: count('requirement'), controls: count('control') };
}
