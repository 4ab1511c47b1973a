// The catalog area: the standards an organization works against. Shipped
// libraries are read-only and shared; an organization imports its own
// libraries, adds its own controls under objectives, and keeps the official
// wording it holds a licence for in an overlay only it can see.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import {
  fromOscalCatalog,
  libraryLanguages,
  LibraryValidationError,
  parseLibrary,
  toOscalCatalog,
  type Control,
  type ControlGroup,
  type ControlParam,
  type Library,
  type LocalizedText,
  type RequirementNode,
} from '@mamoru/catalog';
import type {
  CatalogControl,
  CatalogControlDetail,
  CatalogExportFormat,
  CatalogLibrary,
  CatalogNodeRef,
  CatalogParam,
  CatalogText,
  CatalogTree,
  CatalogTreeNode,
  GlossaryTerm,
  Locale,
  OverlayImport,
  OwnControlCreate,
  Page,
} from '@mamoru/contracts';
import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/catalog';
import type {
  CatalogLibrarySummaryRow,
  CatalogNamespace,
  CatalogNodeRow,
  LibraryCounts,
} from '@mamoru/db/repositories/catalog';
import { DomainError, conflict, invalid, notFound, type FieldError } from '../errors.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { libraryFromDocument, orderText, termsFromDocument } from './document.ts';
import {
  libraryContentHash,
  libraryHeader,
  libraryNodes,
  normalizeForSearch,
  searchTextOf,
} from './nodes.ts';
import { controlUsage, type ControlUsageOptions } from './usage.ts';

/** Field errors listed per refused file; the problem's title gives the count. */
const MAX_LISTED_ISSUES = 100;
/** Search words that count; more are ignored. */
const MAX_SEARCH_TERMS = 8;

type LibraryRow = CatalogLibrarySummaryRow & LibraryCounts;

// ── Presentation ─────────────────────────────────────────────────────────────

function presentLibrary(row: LibraryRow): CatalogLibrary {
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

const text = (t: LocalizedText | null | undefined): CatalogText | null =>
  t ? (orderText(t) as CatalogText) : null;

function presentParam(p: ControlParam): CatalogParam {
  return {
    id: p.id,
    ...(p.label ? { label: text(p.label)! } : {}),
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

const nodeRef = (row: CatalogNodeRow): CatalogNodeRef => ({
  id: row.nodeId,
  displayId: row.displayId,
  kind: row.kind as CatalogNodeRef['kind'],
  title: text(row.title)!,
});

/** A control row with its enclosing nodes (looked up in `byId`) and official text. */
function presentControl(
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
async function visibleLibrary(db: Executor, ctx: RequestContext, libraryId: string) {
  const row = await repo.getVisibleLibrary(db, ctx.actor.organizationId, libraryId);
  if (!row) throw notFound('catalog');
  return row;
}

async function withCounts(db: Executor, ctx: RequestContext, row: CatalogLibrarySummaryRow) {
  const [counted] = await repo.listVisibleLibraries(db, ctx.actor.organizationId, row.id);
  return (
    counted ?? { ...row, requirements: 0, groups: 0, controls: 0, ownControls: 0, overlayTexts: 0 }
  );
}

async function documentOf(db: Executor, row: CatalogLibrarySummaryRow): Promise<Library> {
  return libraryFromDocument(await repo.getLibraryDocument(db, row.id));
}

// ── Reads ────────────────────────────────────────────────────────────────────

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

async function controlDetail(
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
  return {
    ...presentControl(control, official, byId),
    params: ((control.params ?? []) as ControlParam[]).map(presentParam),
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

export interface CatalogExport {
  filename: string;
  contentType: string;
  body: string;
}

/**
 * The library as a file: Mamoru's own JSON (every language) or an OSCAL 1.1
 * catalog in one language (`locale`, else the caller's when the library has
 * it, else the library's first language). Exports the published document: the organization's own
 * controls and official wording stay inside Mamoru.
 */
export async function exportLibrary(
  db: Db,
  ctx: RequestContext,
  libraryId: string,
  options: {
    format: CatalogExportFormat;
    locale?: Locale | undefined;
    /** The caller's language, used when `locale` is not given and the library has it. */
    callerLocale?: Locale | undefined;
  },
): Promise<CatalogExport> {
  authorize(ctx.actor, 'catalog:read');
  const row = await visibleLibrary(db, ctx, libraryId);
  const lib = await documentOf(db, row);
  if (options.format === 'native') {
    return {
      filename: `${lib.id}.json`,
      contentType: 'application/json; charset=utf-8',
      body: `${JSON.stringify(lib, null, 2)}\n`,
    };
  }
  const languages = libraryLanguages(lib);
  const locale =
    options.locale ??
    (options.callerLocale && languages.includes(options.callerLocale)
      ? options.callerLocale
      : languages[0]!);
  if (!languages.includes(locale)) {
    throw new DomainError('validation', 'catalog_locale_unavailable', {
      locale,
      languages: languages.join(', '),
    });
  }
  const imported = row.organizationId !== null;
  const oscal = toOscalCatalog(lib, {
    locale,
    // Shipped libraries export identically everywhere; an organization's own are its publications.
    ...(imported ? { uuidSeed: row.organizationId!, lastModified: row.updatedAt } : {}),
  });
  return {
    filename: `${lib.id}.oscal.${locale}.json`,
    contentType: 'application/json; charset=utf-8',
    body: `${JSON.stringify(oscal, null, 2)}\n`,
  };
}

// ── Writes ───────────────────────────────────────────────────────────────────

/** A Postgres unique violation, however the driver wrapped it. */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

function invalidCatalog(error: LibraryValidationError): DomainError {
  const first = error.issues[0];
  return new DomainError(
    'validation',
    'catalog_invalid',
    { count: error.issues.length, path: first?.path || '/', message: first?.message ?? '' },
    error.issues.slice(0, MAX_LISTED_ISSUES).map((issue): FieldError => ({
      field: issue.path || '/',
      code: 'catalog_issue',
      params: { message: issue.message },
    })),
  );
}

export interface ImportOptions {
  /** Import under this ID instead of the file's own. */
  libraryId?: string | undefined;
  /** The language of an OSCAL catalog's texts (a Mamoru export records its own). */
  locale?: string | undefined;
  /** Named in messages, e.g. the file name. */
  sourceName?: string | undefined;
}

/** Reads a Mamoru library or an OSCAL catalog (told apart by shape) into a validated Library. */
export function readLibraryFile(
  json: unknown,
  options: ImportOptions = {},
): { lib: Library; origin: 'native' | 'oscal' } {
  const sourceName = options.sourceName ?? 'upload';
  const shape = json !== null && typeof json === 'object' && !Array.isArray(json) ? json : {};
  try {
    if ('catalog' in shape) {
      const lib = fromOscalCatalog(json, {
        locale: options.locale ?? 'en',
        sourceName,
        ...(options.libraryId ? { id: options.libraryId } : {}),
      });
      return { lib, origin: 'oscal' };
    }
    if ('formatVersion' in shape) {
      const input = options.libraryId ? { ...shape, id: options.libraryId } : shape;
      return { lib: parseLibrary(input, sourceName), origin: 'native' };
    }
  } catch (error) {
    if (error instanceof LibraryValidationError) throw invalidCatalog(error);
    throw error;
  }
  throw new DomainError('validation', 'catalog_format_unknown');
}

/**
 * Imports a library for the organization, all or nothing: the row, every node
 * and the audit event in one transaction. Refuses an ID that is shipped with
 * Mamoru or already imported by the organization (409).
 */
export async function importLibrary(
  db: Db,
  ctx: RequestContext,
  json: unknown,
  options: ImportOptions = {},
): Promise<CatalogLibrary> {
  authorize(ctx.actor, 'catalog:manage');
  const { lib, origin } = readLibraryFile(json, options);
  const organizationId = ctx.actor.organizationId;
  const refuse = (shipped: boolean) =>
    conflict(shipped ? 'catalog_id_shipped' : 'catalog_id_taken', { libraryId: lib.id });
  const taken = await repo.libraryIdTaken(db, organizationId, lib.id);
  if (taken) throw refuse(taken.shipped);
  const nodes = libraryNodes(lib);
  if (nodes.length >= repo.OWN_POSITION_BASE) {
    throw new DomainError('validation', 'catalog_too_large', { max: repo.OWN_POSITION_BASE - 1 });
  }
  try {
    const row = await db.transaction(async (tx) => {
      const contentHash = libraryContentHash(lib);
      const inserted = await repo.insertLibrary(tx, {
        libraryId: lib.id,
        organizationId,
        origin,
        ...libraryHeader(lib),
        document: lib,
        contentHash,
      });
      await repo.insertNodes(
        tx,
        nodes.map((n) => ({ ...n, libraryId: inserted.id })),
      );
      await recordAudit(tx, ctx, [
        {
          action: 'catalog.imported',
          entityType: 'catalog_library',
          entityId: inserted.id,
          after: {
            libraryId: lib.id,
            version: lib.version,
            origin,
            contentHash,
            nodes: nodes.length,
          },
        },
      ]);
      return withCounts(tx, ctx, inserted);
    });
    return presentLibrary(row);
  } catch (error) {
    // Another import of the same ID won the race.
    if (isUniqueViolation(error)) throw refuse(false);
    throw error;
  }
}

const ownText = (t: { ja?: string | undefined; en?: string | undefined } | undefined) =>
  t
    ? (Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) as CatalogText)
    : null;

/**
 * Adds one of the organization's own controls under an objective (or plain
 * group) of a library; its ID must not clash with any group or control the
 * organization sees in that library.
 */
export async function addOwnControl(
  db: Db,
  ctx: RequestContext,
  libraryId: string,
  input: OwnControlCreate,
): Promise<CatalogControlDetail> {
  authorize(ctx.actor, 'catalog:manage');
  const organizationId = ctx.actor.organizationId;
  const idTaken = () =>
    invalid([{ field: 'id', code: 'catalog_node_id_taken', params: { id: input.id } }]);
  try {
    return await db.transaction(async (tx) => {
      const library = await visibleLibrary(tx, ctx, libraryId);
      const parent = await repo.getNode(
        tx,
        organizationId,
        library.id,
        'control',
        input.objectiveId,
      );
      if (!parent || parent.organizationId !== null) {
        throw invalid([
          {
            field: 'objectiveId',
            code: 'catalog_objective_unknown',
            params: { id: input.objectiveId },
          },
        ]);
      }
      if (parent.kind !== 'objective' && parent.kind !== 'group') {
        throw invalid([
          {
            field: 'objectiveId',
            code: 'catalog_not_objective',
            params: { id: input.objectiveId },
          },
        ]);
      }
      if (await repo.getNode(tx, organizationId, library.id, 'control', input.id)) throw idTaken();
      const title = ownText(input.title)!;
      const summary = ownText(input.summary);
      const displayId = input.displayId ?? input.id;
      const control = await repo.insertOwnControl(tx, {
        libraryId: library.id,
        organizationId,
        namespace: 'control',
        nodeId: input.id,
        parentId: parent.nodeId,
        ancestorIds: [...parent.ancestorIds, parent.nodeId],
        kind: 'control',
        displayId,
        position: await repo.nextOwnPosition(tx, organizationId, library.id),
        depth: parent.depth + 1,
        title,
        summary,
        guidance: ownText(input.guidance),
        searchText: searchTextOf({ id: input.id, displayId, title, summary }, parent.title),
      });
      await recordAudit(tx, ctx, [
        {
          action: 'catalog.control_added',
          entityType: 'catalog_control',
          entityId: control.id,
          after: {
            libraryId: library.libraryId,
            objectiveId: parent.nodeId,
            id: control.nodeId,
            displayId,
            title,
            summary,
          },
        },
      ]);
      return controlDetail(tx, ctx, library, control);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw idTaken();
    throw error;
  }
}

/** SHA-256 of the overlay's canonical JSON: the audit trail records it instead of the licensed text. */
function overlayHash(texts: OverlayImport['texts']): string {
  return createHash('sha256')
    .update(canonicalize(texts) ?? '')
    .digest('hex');
}

/**
 * Replaces the organization's official wording of a library (its licensed-text
 * overlay) with `texts`. Every ID must be a node of the library (unknown IDs
 * are refused, listed). The audit event records the IDs and a hash, never the
 * text itself: the licence may end, the audit trail cannot be edited.
 */
export async function importOverlay(
  db: Db,
  ctx: RequestContext,
  libraryId: string,
  input: OverlayImport,
): Promise<{ libraryId: string; texts: number; replaced: number }> {
  authorize(ctx.actor, 'catalog:manage');
  const organizationId = ctx.actor.organizationId;
  const library = await visibleLibrary(db, ctx, libraryId);
  if (input.libraryId !== undefined && input.libraryId !== libraryId) {
    throw invalid([
      {
        field: 'libraryId',
        code: 'catalog_overlay_library_mismatch',
        params: { libraryId: input.libraryId, expected: libraryId },
      },
    ]);
  }
  const seen = new Set<string>();
  const duplicates: FieldError[] = [];
  input.texts.forEach((t, i) => {
    const key = `${t.namespace}:${t.id}`;
    if (seen.has(key))
      duplicates.push({
        field: `texts.${i}.id`,
        code: 'catalog_overlay_duplicate',
        params: { id: t.id },
      });
    seen.add(key);
  });
  if (duplicates.length) throw invalid(duplicates.slice(0, MAX_LISTED_ISSUES));

  const unknown: FieldError[] = [];
  for (const namespace of ['requirement', 'control'] as const) {
    const wanted = input.texts.filter((t) => t.namespace === namespace).map((t) => t.id);
    const known = await repo.existingLibraryNodeIds(db, library.id, namespace, wanted);
    input.texts.forEach((t, i) => {
      if (t.namespace === namespace && !known.has(t.id))
        unknown.push({
          field: `texts.${i}.id`,
          code: 'catalog_overlay_unknown_id',
          params: { id: t.id, namespace },
        });
    });
  }
  if (unknown.length) {
    unknown.sort((a, b) => Number(a.field.split('.')[1]) - Number(b.field.split('.')[1]));
    const ids = unknown.map((u) => `${u.params!.namespace} ${u.params!.id}`);
    throw new DomainError(
      'validation',
      'catalog_overlay_unknown_ids',
      { count: ids.length, ids: ids.slice(0, 20).join(', ') + (ids.length > 20 ? ', …' : '') },
      unknown.slice(0, MAX_LISTED_ISSUES),
    );
  }

  const rows = input.texts.map((t) => {
    const official = ownText(t.text)!;
    return {
      namespace: t.namespace,
      nodeId: t.id,
      text: official,
      searchText: normalizeForSearch(Object.values(official).join('\n')),
    };
  });
  const replaced = await db.transaction(async (tx) => {
    const count = await repo.replaceOverlay(tx, organizationId, library.id, rows);
    await recordAudit(tx, ctx, [
      {
        action: 'catalog.overlay_imported',
        entityType: 'catalog_library',
        entityId: library.id,
        after: {
          libraryId: library.libraryId,
          texts: rows.length,
          replaced: count,
          ids: rows.map((r) => `${r.namespace}:${r.nodeId}`),
          sha256: overlayHash(input.texts),
        },
      },
    ]);
    return count;
  });
  return { libraryId: library.libraryId, texts: rows.length, replaced };
}
