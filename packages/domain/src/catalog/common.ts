// What the catalog's reads and writes share: the rows an organization may see,
// and how they are presented.
import {
  type ControlParam,
  type Library,
  type Link,
  type LocalizedText,
  type Part,
} from '@mamoru/catalog';
import type {
  CatalogControl,
  CatalogLibrary,
  CatalogLink,
  CatalogNodeRef,
  CatalogParam,
  CatalogPart,
  CatalogText,
} from '@mamoru/contracts';
import type { Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/catalog';
import type {
  CatalogLibrarySummaryRow,
  CatalogNodeRow,
  LibraryCounts,
} from '@mamoru/db/repositories/catalog';
import { notFound } from '../errors.ts';
import { type RequestContext } from '../audit/trail.ts';
import { libraryFromDocument, orderText } from './document.ts';

export type LibraryRow = CatalogLibrarySummaryRow & LibraryCounts;

// ── Presentation ─────────────────────────────────────────────────────────────

export function presentLibrary(row: LibraryRow): CatalogLibrary {
  return {
    id: row.libraryId,
    version: row.version,
    name: orderText(row.name) as CatalogText,
    publisher: (orderText(row.publisher ?? undefined) as CatalogText | undefined) ?? null,
    description: (orderText(row.description ?? undefined) as CatalogText | undefined) ?? null,
    origin: row.origin as CatalogLibrary['origin'],
    languages: Object.keys(orderText(row.name)),
    counts: {
      requirements: row.requirements,
      groups: row.groups,
      controls: row.controls,
      ownControls: row.ownControls,
      overlayTexts: row.overlayTexts,
    },
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const text = (t: LocalizedText | null | undefined): CatalogText | null =>
  t ? (orderText(t) as CatalogText) : null;

export function presentParam(p: ControlParam): CatalogParam {
  return {
    id: p.id,
    ...(p.label ? { label: text(p.label)! } : {}),
    ...(p.guidelines?.length ? { guidelines: [...p.guidelines] } : {}),
    ...(p.values ? { values: [...p.values] } : {}),
    ...(p.select
      ? {
          select: {
            ...(p.select.howMany ? { howMany: p.select.howMany } : {}),
            choice: [...p.select.choice],
          },
        }
      : {}),
  };
}

export function presentLinks(links: readonly Link[] | null | undefined): CatalogLink[] | undefined {
  return links?.length
    ? links.map((l) => ({
        href: l.href,
        ...(l.rel ? { rel: l.rel } : {}),
        ...(l.text ? { text: l.text } : {}),
      }))
    : undefined;
}

/** OSCAL parts for the control page: the naming `label` prop lifted out, other props left behind. */
export function presentParts(parts: readonly Part[] | null | undefined): CatalogPart[] | undefined {
  if (!parts?.length) return undefined;
  return parts.map((p) => {
    const labels = (p.props ?? []).filter((x) => x.name === 'label' && x.ns === undefined);
    const label = (labels.find((x) => x.class === undefined) ?? labels[0])?.value;
    const children = presentParts(p.parts);
    const links = presentLinks(p.links);
    return {
      ...(p.id ? { id: p.id } : {}),
      name: p.name,
      ...(p.ns ? { ns: p.ns } : {}),
      ...(p.title ? { title: p.title } : {}),
      ...(label ? { label } : {}),
      ...(p.prose ? { prose: p.prose } : {}),
      ...(children ? { parts: children } : {}),
      ...(links ? { links } : {}),
    };
  });
}

export const nodeRef = (row: CatalogNodeRow): CatalogNodeRef => ({
  id: row.nodeId,
  displayId: row.displayId,
  kind: row.kind as CatalogNodeRef['kind'],
  title: text(row.title)!,
});

/** A control row with its enclosing nodes (looked up in `byId`) and official text. */
export function presentControl(
  row: CatalogNodeRow,
  official: CatalogText | null,
  byId: ReadonlyMap<string, CatalogNodeRow>,
): CatalogControl {
  const ancestors = row.ancestorIds
    .map((id) => byId.get(id))
    .filter((a): a is CatalogNodeRow => a !== undefined)
    .map(nodeRef);
  const nearest = (kind: string) => ancestors.findLast((a) => a.kind === kind) ?? null;
  return {
    id: row.nodeId,
    displayId: row.displayId,
    title: text(row.title)!,
    summary: text(row.summary),
    guidance: text(row.guidance),
    official: text(official),
    own: row.organizationId !== null,
    ancestors,
    objective: nearest('objective'),
    domain: nearest('domain'),
  };
}

// ── Lookups ──────────────────────────────────────────────────────────────────

/** The library with this ID as the organization sees it, with counts; 404 otherwise. */
export async function visibleLibrary(db: Executor, ctx: RequestContext, libraryId: string) {
  const row = await repo.getVisibleLibrary(db, ctx.actor.organizationId, libraryId);
  if (!row) throw notFound('catalog');
  return row;
}

export async function withCounts(db: Executor, ctx: RequestContext, row: CatalogLibrarySummaryRow) {
  const [counted] = await repo.listVisibleLibraries(db, ctx.actor.organizationId, row.id);
  return (
    counted ?? { ...row, requirements: 0, groups: 0, controls: 0, ownControls: 0, overlayTexts: 0 }
  );
}

export async function documentOf(db: Executor, row: CatalogLibrarySummaryRow): Promise<Library> {
  return libraryFromDocument(await repo.getLibraryDocument(db, row.id));
}

/** A Postgres unique violation, however the driver wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
