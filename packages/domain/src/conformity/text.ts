import type { ConformityLink, Evaluation, FactValue, LocalizedText } from './types.ts';

/** A text in both languages. */
export const tx = (ja: string, en: string): LocalizedText => ({ ja, en });

export const evidence = (href: string, ja: string, en: string): ConformityLink => ({
  href,
  label: tx(ja, en),
  kind: 'evidence',
});
export const gap = (href: string, ja: string, en: string): ConformityLink => ({
  href,
  label: tx(ja, en),
  kind: 'gap',
});

type Data = Record<string, FactValue>;

/** A version's status (scope, SoA) as the reader says it, never the stored code. */
const VERSION_STATUS: Record<string, LocalizedText> = {
  draft: tx('下書き', 'draft'),
  pending: tx('承認待ち', 'awaiting approval'),
  approved: tx('承認済み', 'approved'),
  superseded: tx('旧版', 'superseded'),
};
export const versionStatus = (status: string | null): LocalizedText =>
  (status && VERSION_STATUS[status]) || tx('不明', 'unknown');

export const met = (
  explanation: LocalizedText,
  links: ConformityLink[],
  data: Data,
): Evaluation => ({
  status: 'met',
  explanation,
  links,
  data,
});
export const partlyMet = (
  explanation: LocalizedText,
  links: ConformityLink[],
  data: Data,
): Evaluation => ({ status: 'partly_met', explanation, links, data });
export const notMet = (
  explanation: LocalizedText,
  links: ConformityLink[],
  data: Data,
): Evaluation => ({ status: 'not_met', explanation, links, data });

/** Joins the parts of an explanation per language (ja without spaces, en with). */
export function joinTexts(parts: LocalizedText[]): LocalizedText {
  return { ja: parts.map((p) => p.ja).join(''), en: parts.map((p) => p.en).join(' ') };
}

/** "1 asset" / "12 assets". */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** YYYY-MM-DD of an ISO timestamp. */
export const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

/** The day before `today` (YYYY-MM-DD): lists filtered "on or before" it hold what is overdue. */
export function dayBefore(today: string) {
  const d = new Date(`${today.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A gap link shown only while its fault counts. */
export const gapIf = (count: number, href: string, ja: string, en: string): ConformityLink[] =>
  count > 0 ? [gap(href, ja, en)] : [];

/** Whole days from `from` (YYYY-MM-DD or ISO) to `to` (YYYY-MM-DD). */
export function daysBetween(from: string, to: string) {
  return Math.floor((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86_400_000);
}

/** A counted fault: shown when the count is above zero. */
export type Fault = [count: number, text: LocalizedText];

/** Met unless a fault counts; then partly met with the faults named. */
export function judge(base: LocalizedText, faults: Fault[], links: ConformityLink[], data: Data) {
  const found = faults.filter(([n]) => n > 0).map(([, t]) => t);
  return found.length
    ? partlyMet(joinTexts([base, ...found]), links, data)
    : met(base, links, data);
}
