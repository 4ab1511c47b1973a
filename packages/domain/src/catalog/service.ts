// The catalog area's reads: the standards an organization works against.
// Shipped libraries are read-only and shared; an organization imports its own
// (import-library.ts), adds its own controls and keeps the official wording it
// holds a licence for in an overlay only it can see (own-controls.ts).
import {
  type Control,
  type ControlGroup,
  type ControlParam,
  type Link,
  type LocalizedText,
  type Part,
  type RequirementNode,
} from '@mamoru/catalog';
import type {
  CatalogControl,
  CatalogControlDetail,
  CatalogLibrary,
  CatalogText,
  CatalogTree,
  CatalogTreeNode,
  GlossaryTerm,
  Page,
} from '@mamoru/contracts';
import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/catalog';
import type {
  CatalogLibrarySummaryRow,
  CatalogNamespace,
  CatalogNodeRow,
} from '@mamoru/db/repositories/catalog';
import { notFound } from '../errors.ts';
import { type RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { termsFromDocument } from './document.ts';
import { normalizeForSearch } from './nodes.ts';
import { controlUsage, type ControlUsageOptions } from './usage.ts';
import {
  presentLibrary,
  text,
  presentParam,
  presentLinks,
  presentParts,
  presentControl,
  visibleLibrary,
  withCounts,
  documentOf,
} from './common.ts';

/** Search words that count; more are ignored. */
const MAX_SEARCH_TERMS = 8;

/** Every library the organization sees: shipped ones first, then its own imports. */
export async function listLibraries(db: Db, ctx: RequestContext): Promise<CatalogLibrary[]> {
  authorize(ctx.actor, 'catalog:read');
  const rows = await repo.listVisibleLibraries(db, ctx.actor.organizationId);
  return rows.map(presentLibrary);
}

/**
 * The library as a tree: its document, with the organization's own controls
 * appended under their objectives and its official wording on each node.
 */
export async function getTree(
  db: Db,
  ctx: RequestContext,
  libraryId: string,
): Promise<CatalogTree> {
  authorize(ctx.actor, 'catalog:read');
  const row = await visibleLibrary(db, ctx, libraryId);
  const organizationId = ctx.actor.organizationId;
  const [lib, counted, own, overlay] = await Promise.all([
    documentOf(db, row),
    withCounts(db, ctx, row),
    repo.listOwnControls(db, organizationId, row.id),
    repo.listOverlay(db, organizationId, row.id),
  ]);
  const official = new Map(overlay.map((o) => [`${o.namespace}:${o.nodeId}`, o.text]));
  const ownByParent = new Map<string, CatalogNodeRow[]>();
  for (const control of own) {
    const list = ownByParent.get(control.parentId ?? '') ?? [];
    list.push(control);
    ownByParent.set(control.parentId ?? '', list);
  }
  const node = (
    namespace: CatalogNamespace,
    n: {
      id: string;
      displayId: string;
      title: LocalizedText;
      summary?: LocalizedText | undefined;
      guidance?: LocalizedText | undefined;
    },
    kind: CatalogTreeNode['kind'],
    children: CatalogTreeNode[],
    params?: Control['params'],
  ): CatalogTreeNode => ({
    id: n.id,
    displayId: n.displayId,
    kind,
    title: text(n.title)!,
    summary: text(n.summary),
    guidance: text(n.guidance),
    ...(params?.length ? { params: params.map(presentParam) } : {}),
    official: text(official.get(`${namespace}:${n.id}`)),
    own: false,
    children,
  });
  const ownNode = (c: CatalogNodeRow): CatalogTreeNode => ({
    id: c.nodeId,
    displayId: c.displayId,
    kind: 'control',
    title: text(c.title)!,
    summary: text(c.summary),
    guidance: text(c.guidance),
    official: null,
    own: true,
    children: [],
  });
  const requirement = (r: RequirementNode): CatalogTreeNode =>
    node('requirement', r, 'requirement', (r.children ?? []).map(requirement));
  const control = (c: Control): CatalogTreeNode =>
    node('control', c, 'control', (c.controls ?? []).map(control), c.params);
  const group = (g: ControlGroup): CatalogTreeNode =>
    node('control', g, g.kind, [
      ...(g.controls ?? []).map(control),
      ...(ownByParent.get(g.id) ?? []).map(ownNode),
      ...(g.groups ?? []).map(group),
    ]);
  return {
    library: presentLibrary(counted),
    source: {
      title: lib.source.title,
      ...(lib.source.published ? { published: lib.source.published } : {}),
      ...(lib.source.url ? { url: lib.source.url } : {}),
      ...(lib.source.note ? { note: text(lib.source.note)! } : {}),
    },
    requirements: lib.requirements.map(requirement),
    controlGroups: lib.controlGroups.map(group),
  };
}

/** Maps each ancestor ID of the rows to its node, in one query. */
async function ancestorsOf(
  db: Executor,
  organizationId: string,
  libraryUuid: string,
  rows: readonly CatalogNodeRow[],
  namespace: 'control' | 'requirement' = 'control',
) {
  const ids = [...new Set(rows.flatMap((r) => r.ancestorIds))];
  const found = await repo.getNodes(db, organizationId, libraryUuid, namespace, ids);
  return new Map(found.map((n) => [n.nodeId, n]));
}

/** Words of a search, normalized like the stored search text. */
export function searchTerms(q: string | undefined): string[] {
  const words = normalizeForSearch(q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return [...new Set(words)].slice(0, MAX_SEARCH_TERMS);
}

/**
 * The library's controls (and the organization's own) in document order,
 * keyset-paginated. With `q`, only controls whose ID, display ID, title,
 * summary (ja and en), objective title or official wording contain every word
 * of it: 「暗号」 and "cryptograph" both find objective 10.3. With namespace
 * 'requirement', the requirement clauses instead (the pickers of forms use both).
 */
export async function searchControls(
  db: Db,
  ctx: RequestContext,
  libraryId: string,
  query: {
    q?: string | undefined;
    namespace?: 'control' | 'requirement' | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<Page<CatalogControl>> {
  authorize(ctx.actor, 'catalog:read');
  const row = await visibleLibrary(db, ctx, libraryId);
  const organizationId = ctx.actor.organizationId;
  const namespace = query.namespace ?? 'control';
  const terms = searchTerms(query.q);
  const page = await repo.searchControls(db, organizationId, row.id, terms, query, namespace);
  const byId = await ancestorsOf(
    db,
    organizationId,
    row.id,
    page.items.map((i) => i.node),
    namespace,
  );
  return {
    items: page.items.map((i) => presentControl(i.node, i.official, byId)),
    nextCursor: page.nextCursor,
  };
}

export async function controlDetail(
  db: Executor,
  ctx: RequestContext,
  library: CatalogLibrarySummaryRow,
  control: CatalogNodeRow,
  options: ControlUsageOptions = {},
): Promise<CatalogControlDetail> {
  const organizationId = ctx.actor.organizationId;
  // One after another: `db` may be a transaction, whose one connection takes one query at a time.
  const byId = await ancestorsOf(db, organizationId, library.id, [control]);
  const official = await repo.getOverlayText(
    db,
    organizationId,
    library.id,
    'control',
    control.nodeId,
  );
  const usage = await controlUsage(
    db,
    ctx.actor,
    { organizationId, libraryUuid: library.id, controlId: control.nodeId },
    options,
  );
  // Shipped and own controls have no OSCAL parts; only an imported library's may.
  const content =
    control.organizationId === null
      ? await repo.getControlContent(db, library.id, control.nodeId)
      : null;
  const parts = presentParts(content?.parts as Part[] | null | undefined);
  const controlLinks = (content?.links ?? []) as Link[];
  const cited = controlLinks.flatMap((l) => (l.href.startsWith('#') ? [l.href.slice(1)] : []));
  const resources = await repo.getResources(db, library.id, [...new Set(cited)]);
  const byUuid = new Map(resources.map((r) => [r.uuid, r]));
  const links = presentLinks(controlLinks)?.map((l) => {
    const r = l.href.startsWith('#') ? byUuid.get(l.href.slice(1)) : undefined;
    const href = r?.rlinks?.[0]?.href;
    return r
      ? { ...l, resource: { ...(r.title ? { title: r.title } : {}), ...(href ? { href } : {}) } }
      : l;
  });
  return {
    ...presentControl(control, official, byId),
    params: ((control.params ?? []) as ControlParam[]).map(presentParam),
    ...(parts ? { parts } : {}),
    ...(links ? { links } : {}),
    usage,
  };
}

/**
 * One control with its objective and domain, the organization's official
 * wording and its usage (withdrawn documents only when asked for).
 */
export async function getControl(
  db: Db,
  ctx: RequestContext,
  libraryId: string,
  controlId: string,
  options: ControlUsageOptions = {},
): Promise<CatalogControlDetail> {
  authorize(ctx.actor, 'catalog:read');
  const library = await visibleLibrary(db, ctx, libraryId);
  const control = await repo.getNode(
    db,
    ctx.actor.organizationId,
    library.id,
    'control',
    controlId,
  );
  if (!control || control.kind !== 'control') throw notFound('control');
  return controlDetail(db, ctx, library, control, options);
}

/** The terms of every library the organization sees, or of one. */
export async function listGlossary(
  db: Db,
  ctx: RequestContext,
  query: { library?: string | undefined },
): Promise<GlossaryTerm[]> {
  authorize(ctx.actor, 'catalog:read');
  if (query.library) await visibleLibrary(db, ctx, query.library);
  const rows = await repo.listVisibleTerms(db, ctx.actor.organizationId, query.library);
  return rows.flatMap((r) =>
    termsFromDocument(r.terms).map((t) => ({
      libraryId: r.libraryId,
      id: t.id,
      term: t.term as CatalogText,
      definition: t.definition as CatalogText,
    })),
  );
}
