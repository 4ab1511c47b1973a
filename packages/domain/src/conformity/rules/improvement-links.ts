import type { Fault, FaultRef } from '@mamoru/db/repositories/conformity-improvement';
import { gap, joinTexts, met, notMet, partlyMet, tx } from '../text.ts';
import type { ConformityLink, FactValue, LocalizedText } from '../types.ts';

/**
 * Where the improvement rules point: each object at fault by its own page (a
 * nonconformity, an action on its nonconformity's page, an improvement, an
 * audit's finding), or a list filtered to exactly the objects at fault. The
 * nonconformity register is the navigation's corrective-actions area (7.2, 7.3);
 * the improvement register, communication log and proposals are the
 * improvement area (4.2.4, 7.1).
 */
export const REGISTER = '/corrective-actions';
export const NC_PAGE = (id: string) => `${REGISTER}/${id}`;
export const ACTION_PAGE = (r: FaultRef) => `${NC_PAGE(r.parentId ?? '')}?action=${r.id}`;
export const IMPROVEMENTS = '/improvement';
export const IMPROVEMENT_PAGE = (id: string) => `${IMPROVEMENTS}/${id}`;
export const AUDIT_PAGE = (id: string) => `/internal-audits/${id}`;
export const COMMUNICATIONS = '/improvement/communications';
export const PROPOSALS = '/improvement/proposals';
export const DOCUMENTS = '/documents';

/** One gap link per object at fault: "NC-0003: no root cause". */
export function refGaps(
  f: Fault,
  href: (r: FaultRef) => string,
  fault: LocalizedText,
): ConformityLink[] {
  return f.refs.map((r) => gap(href(r), `${r.label}: ${fault.ja}`, `${r.label}: ${fault.en}`));
}

/** "3 nonconformities have no root cause." with "(the first 20 linked)" when capped. */
export function counted(f: Fault, ja: string, en: string): LocalizedText {
  const capped = f.refs.length < f.count;
  return tx(
    `${ja.replace('{n}', String(f.count))}${capped ? `（先頭${f.refs.length}件をリンク）` : ''}`,
    `${en.replace('{n}', String(f.count))}${capped ? ` (the first ${f.refs.length} linked)` : ''}`,
  );
}

/** A counted fault with its text and the links to exactly the objects at fault. */
export interface Finding {
  /** The name of its count in the rule's data. */
  key: string;
  count: number;
  text: LocalizedText;
  links: ConformityLink[];
}

export const finding = (
  key: string,
  f: Fault,
  text: LocalizedText,
  links: ConformityLink[],
): Finding => ({
  key,
  count: f.count,
  text,
  links,
});

/** Met unless a finding counts; not met when there is nothing to judge and a fault counts. */
export function verdict(
  base: LocalizedText,
  findings: Finding[],
  data: Record<string, FactValue>,
  evidenceLinks: ConformityLink[] = [],
  nothingYet = false,
) {
  const found = findings.filter((f) => f.count > 0);
  const links = [...evidenceLinks, ...found.flatMap((f) => f.links)];
  if (found.length === 0) return met(base, links, data);
  const text = joinTexts([base, ...found.map((f) => f.text)]);
  return nothingYet ? notMet(text, links, data) : partlyMet(text, links, data);
}

/** Nothing to judge yet: a fault of its own, so the item reads not met. */
export const nothing = (
  when: boolean,
  text: LocalizedText,
  href: string,
  label: LocalizedText,
): Finding => ({
  key: 'nothingRecorded',
  count: when ? 1 : 0,
  text,
  links: [gap(href, label.ja, label.en)],
});

export const both = (f: Record<'nonconformity' | 'potential', Fault>): Fault => ({
  count: f.nonconformity.count + f.potential.count,
  refs: [...f.nonconformity.refs, ...f.potential.refs],
});
