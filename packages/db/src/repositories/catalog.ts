import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import {
  catalogLibraries,
  catalogNodes,
  catalogOverlays,
  type CatalogText,
} from '../tables/catalog.ts';

export type CatalogLibraryRow = typeof catalogLibraries.$inferSelect;
export type NewCatalogLibrary = Omit<typeof catalogLibraries.$inferInsert, 'id'>;
export type CatalogNodeRow = typeof catalogNodes.$inferSelect;
export type NewCatalogNode = Omit<typeof catalogNodes.$inferInsert, 'id' | 'createdAt'>;
export type CatalogOverlayRow = typeof catalogOverlays.$inferSelect;
export type NewCatalogOverlay = Omit<typeof catalogOverlays.$inferInsert, 'importedAt'>;
export type CatalogNamespace = 'requirement' | 'control';

/** Own controls are numbered from here, after any library's nodes, in the order added. */
export const OWN_POSITION_BASE = 1_000_000;

// Rows per multi-row INSERT: ~17 parameters a node stays far below PostgreSQL's 65,535.
const INSERT_BATCH = 500;

/** A library row without its (large) document. */
const summaryColumns = {
  id: catalogLibraries.id,
  libraryId: catalogLibraries.libraryId,
  organizationId: catalogLibraries.organizationId,
  version: catalogLibraries.version,
  name: catalogLibraries.name,
  publisher: catalogLibraries.publisher,
  description: catalogLibraries.description,
  origin: catalogLibraries.origin,
  contentHash: catalogLibraries.contentHash,
  createdAt: catalogLibraries.createdAt,
  updatedAt: catalogLibraries.updatedAt,
};
export type CatalogLibrarySummaryRow = Omit<CatalogLibraryRow, 'document'>;

/** Shipped libraries (NULL organization) and the organization's own. */
const visibleTo = (organizationId: string) =>
  or(isNull(catalogLibraries.organizationId), eq(catalogLibraries.organizationId, organizationId))!;

/** The library's own nodes and the organization's own controls, never another organization's. */
const nodesVisibleTo = (organizationId: string) =>
  or(isNull(catalogNodes.organizationId), eq(catalogNodes.organizationId, organizationId))!;

// ── Libraries ────────────────────────────────────────────────────────────────

/** The shipped library with this ID (hash only: the sync compares before it writes). */
export async function findShippedLibrary(db: Executor, libraryId: string) {
  const [row] = await db
    .select({ id: catalogLibraries.id, contentHash: catalogLibraries.contentHash })
    .from(catalogLibraries)
    .where(and(isNull(catalogLibraries.organizationId), eq(catalogLibraries.libraryId, libraryId)));
  return row ?? null;
}

export async function insertLibrary(db: Executor, values: NewCatalogLibrary) {
  const [row] = await db.insert(catalogLibraries).values(values).returning(summaryColumns);
  return row!;
}

/** Rewrites a shipped library's row (the nodes are replaced separately). */
export async function updateShippedLibrary(
  db: Executor,
  id: string,
  values: Pick<
    NewCatalogLibrary,
    'version' | 'name' | 'publisher' | 'description' | 'document' | 'contentHash'
  >,
) {
  await db
    .update(catalogLibraries)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(catalogLibraries.id, id), isNull(catalogLibraries.organizationId)));
}

/** True when the ID is shipped or already imported by this organization. */
export async function libraryIdTaken(db: Executor, organizationId: string, libraryId: string) {
  const [row] = await db
    .select({ origin: catalogLibraries.origin })
    .from(catalogLibraries)
    .where(and(visibleTo(organizationId), eq(catalogLibraries.libraryId, libraryId)))
    .limit(1);
  return row ? { shipped: row.origin === 'shipped' } : null;
}

export interface LibraryCounts {
  requirements: number;
  groups: number;
  controls: number;
  ownControls: number;
  overlayTexts: number;
}

/** Every library the organization sees (or one, by uuid), shipped first, with node counts; no documents. */
export async function listVisibleLibraries(
  db: Executor,
  organizationId: string,
  libraryUuid?: string,
) {
  // Drizzle leaves columns unqualified in a one-table select, so the correlated
  // subqueries name their tables themselves.
  const count = (condition: SQL) =>
    sql<number>`(select count(*)::int from catalog_nodes cn
      where cn.library_id = catalog_libraries.id and ${condition})`;
  return db
    .select({
      ...summaryColumns,
      requirements: count(sql`cn.namespace = 'requirement' and cn.organization_id is null`),
      groups: count(sql`cn.namespace = 'control' and cn.kind <> 'control'
        and cn.organization_id is null`),
      controls: count(sql`cn.kind = 'control' and cn.organization_id is null`),
      ownControls: count(sql`cn.organization_id = ${organizationId}`),
      overlayTexts: sql<number>`(select count(*)::int from catalog_overlays co
        where co.library_id = catalog_libraries.id and co.organization_id = ${organizationId})`,
    })
    .from(catalogLibraries)
    .where(
      and(
        visibleTo(organizationId),
        libraryUuid ? eq(catalogLibraries.id, libraryUuid) : undefined,
      ),
    )
    .orderBy(sql`${catalogLibraries.organizationId} is not null`, asc(catalogLibraries.libraryId));
}

/**
 * The library with this ID as the organization sees it, or null. Should a
 * shipped library ever take an ID an organization imported earlier, the
 * organization keeps seeing its own.
 */
export async function getVisibleLibrary(db: Executor, organizationId: string, libraryId: string) {
  const [row] = await db
    .select(summaryColumns)
    .from(catalogLibraries)
    .where(and(visibleTo(organizationId), eq(catalogLibraries.libraryId, libraryId)))
    .orderBy(sql`${catalogLibraries.organizationId} is null`)
    .limit(1);
  return row ?? null;
}

/** The stored Library document of a library row (by its uuid). */
export async function getLibraryDocument(db: Executor, id: string): Promise<unknown> {
  const [row] = await db
    .select({ document: catalogLibraries.document })
    .from(catalogLibraries)
    .where(eq(catalogLibraries.id, id));
  return row?.document ?? null;
}

/**
 * The OSCAL parts and links of one control of a library document (kept there
 * by an OSCAL import, not in catalog_nodes), found by a JSON path in the
 * database so that a large catalog's document is not read whole. `id` is the
 * library row's uuid, already checked visible to the caller.
 */
export async function getControlContent(
  db: Executor,
  id: string,
  controlId: string,
): Promise<{ parts: unknown; links: unknown } | null> {
  // Controls are the objects under controlGroups with a displayId and no kind (groups have one).
  const found = sql`jsonb_path_query_first(${catalogLibraries.document},
    'strict $.controlGroups.** ? (@.id == $id && exists(@.displayId) && !exists(@.kind))',
    jsonb_build_object('id', ${controlId}::text))`;
  // Without its enhancements: they are controls of their own.
  const [row] = await db
    .select({ control: sql<Record<string, unknown> | null>`${found} - 'controls'` })
    .from(catalogLibraries)
    .where(eq(catalogLibraries.id, id));
  const control = row?.control;
  return control ? { parts: control.parts ?? null, links: control.links ?? null } : null;
}

/** The back-matter resources of a library document with these UUIDs (what `#uuid` links cite). */
export async function getResources(
  db: Executor,
  id: string,
  uuids: readonly string[],
): Promise<{ uuid: string; title?: string; rlinks?: { href: string }[] }[]> {
  if (uuids.length === 0) return [];
  const rows = await queryRows<{
    resource: { uuid: string; title?: string; rlinks?: { href: string }[] };
  }>(
    db,
    sql`select r as resource
      from catalog_libraries l,
        jsonb_array_elements(coalesce(l.document -> 'resources', '[]'::jsonb)) r
      where l.id = ${id} and r ->> 'uuid' in (${sql.join(
        uuids.map((u) => sql`${u}`),
        sql`, `,
      )})`,
  );
  return rows.map((r) => r.resource);
}

/** The terms of every library the organization sees (or of one), straight from the documents. */
export async function listVisibleTerms(
  db: Executor,
  organizationId: string,
  libraryId?: string | undefined,
) {
  const conditions: SQL[] = [visibleTo(organizationId)];
  if (libraryId) conditions.push(eq(catalogLibraries.libraryId, libraryId));
  return db
    .select({
      libraryId: catalogLibraries.libraryId,
      shipped: sql<boolean>`${catalogLibraries.organizationId} is null`,
      terms: sql<unknown>`${catalogLibraries.document} -> 'terms'`,
    })
    .from(catalogLibraries)
    .where(and(...conditions))
    .orderBy(sql`${catalogLibraries.organizationId} is not null`, asc(catalogLibraries.libraryId));
}

// ── Nodes ────────────────────────────────────────────────────────────────────

/** Multi-row inserts in batches: one statement per 500 nodes, never one per node. */
export async function insertNodes(db: Executor, rows: readonly NewCatalogNode[]) {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await db.insert(catalogNodes).values(rows.slice(i, i + INSERT_BATCH));
  }
}

/** Replaces the library's own nodes; organizations' own controls stay. */
export async function replaceLibraryNodes(
  db: Executor,
  libraryUuid: string,
  rows: readonly NewCatalogNode[],
) {
  await db
    .delete(catalogNodes)
    .where(and(eq(catalogNodes.libraryId, libraryUuid), isNull(catalogNodes.organizationId)));
  await insertNodes(db, rows);
}

/** The organization's own controls in the library, in the order they were added. */
export async function listOwnControls(db: Executor, organizationId: string, libraryUuid: string) {
  return db
    .select()
    .from(catalogNodes)
    .where(
      and(eq(catalogNodes.libraryId, libraryUuid), eq(catalogNodes.organizationId, organizationId)),
    )
    .orderBy(asc(catalogNodes.position), asc(catalogNodes.id));
}

/** Nodes of the library the organization sees (library nodes and its own controls) by ID. */
export async function getNodes(
  db: Executor,
  organizationId: string,
  libraryUuid: string,
  namespace: CatalogNamespace,
  nodeIds: readonly string[],
) {
  if (nodeIds.length === 0) return [];
  return db
    .select()
    .from(catalogNodes)
    .where(
      and(
        eq(catalogNodes.libraryId, libraryUuid),
        eq(catalogNodes.namespace, namespace),
        nodesVisibleTo(organizationId),
        inArray(catalogNodes.nodeId, [...nodeIds]),
      ),
    )
    .orderBy(asc(catalogNodes.position));
}

export async function getNode(
  db: Executor,
  organizationId: string,
  libraryUuid: string,
  namespace: CatalogNamespace,
  nodeId: string,
) {
  const [row] = await getNodes(db, organizationId, libraryUuid, namespace, [nodeId]);
  return row ?? null;
}

/** The position for the organization's next own control in the library. */
export async function nextOwnPosition(db: Executor, organizationId: string, libraryUuid: string) {
  const [row] = await db
    .select({
      next: sql<number>`(coalesce(max(${catalogNodes.position}), ${OWN_POSITION_BASE - 1}) + 1)::int`,
    })
    .from(catalogNodes)
    .where(
      and(eq(catalogNodes.libraryId, libraryUuid), eq(catalogNodes.organizationId, organizationId)),
    );
  return row?.next ?? OWN_POSITION_BASE;
}

export async function insertOwnControl(
  db: Executor,
  values: NewCatalogNode & { organizationId: string },
) {
  const [row] = await db.insert(catalogNodes).values(values).returning();
  return row!;
}

export interface ControlSearchRow {
  node: CatalogNodeRow;
  official: CatalogText | null;
}

const escapeLike = (term: string) => `%${term.replace(/[%_\\]/g, '\\$&')}%`;

/**
 * Controls of the library (its own and the organization's), in document order,
 * keyset-paginated on (position, id). Every term must occur, as a substring,
 * in the node's search text or in the organization's official wording of it;
 * terms arrive normalized like the search text (NFKC, lower case).
 */
export async function searchControls(
  db: Executor,
  organizationId: string,
  libraryUuid: string,
  terms: readonly string[],
  page: { limit: number; cursor?: string | undefined },
  namespace: 'control' | 'requirement' = 'control',
) {
  const n = catalogNodes;
  const o = catalogOverlays;
  const conditions: SQL[] = [
    eq(n.libraryId, libraryUuid),
    eq(n.namespace, namespace),
    // Controls, or requirement clauses (not their groups).
    eq(n.kind, namespace === 'control' ? 'control' : 'requirement'),
    nodesVisibleTo(organizationId),
  ];
  for (const term of terms) {
    const pattern = escapeLike(term);
    conditions.push(sql`(${n.searchText} ilike ${pattern} or ${o.searchText} ilike ${pattern})`);
  }
  const after = decodeCursor(page.cursor, 2);
  if (after) {
    conditions.push(
      sql`(${n.position}, ${n.id}) > (${Number(after[0])}, ${String(after[1])}::uuid)`,
    );
  }
  const rows: ControlSearchRow[] = await db
    .select({ node: n, official: o.text })
    .from(n)
    .leftJoin(
      o,
      and(
        eq(o.organizationId, organizationId),
        eq(o.libraryId, n.libraryId),
        eq(o.namespace, n.namespace),
        eq(o.nodeId, n.nodeId),
      ),
    )
    .where(and(...conditions))
    .orderBy(asc(n.position), asc(n.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.node.position, r.node.id]);
}

// ── Overlay (the organization's licensed official wording) ───────────────────

export async function listOverlay(db: Executor, organizationId: string, libraryUuid: string) {
  return db
    .select()
    .from(catalogOverlays)
    .where(
      and(
        eq(catalogOverlays.organizationId, organizationId),
        eq(catalogOverlays.libraryId, libraryUuid),
      ),
    );
}

export async function getOverlayText(
  db: Executor,
  organizationId: string,
  libraryUuid: string,
  namespace: CatalogNamespace,
  nodeId: string,
) {
  const [row] = await db
    .select({ text: catalogOverlays.text })
    .from(catalogOverlays)
    .where(
      and(
        eq(catalogOverlays.organizationId, organizationId),
        eq(catalogOverlays.libraryId, libraryUuid),
        eq(catalogOverlays.namespace, namespace),
        eq(catalogOverlays.nodeId, nodeId),
      ),
    );
  return row?.text ?? null;
}

/** Replaces the organization's whole overlay of the library; returns how many it replaced. */
export async function replaceOverlay(
  db: Executor,
  organizationId: string,
  libraryUuid: string,
  rows: readonly Omit<NewCatalogOverlay, 'organizationId' | 'libraryId'>[],
) {
  const removed = await db
    .delete(catalogOverlays)
    .where(
      and(
        eq(catalogOverlays.organizationId, organizationId),
        eq(catalogOverlays.libraryId, libraryUuid),
      ),
    )
    .returning({ nodeId: catalogOverlays.nodeId });
  const values = rows.map((r) => ({ ...r, organizationId, libraryId: libraryUuid }));
  for (let i = 0; i < values.length; i += INSERT_BATCH) {
    await db.insert(catalogOverlays).values(values.slice(i, i + INSERT_BATCH));
  }
  return removed.length;
}

/** Node IDs of the library (its own nodes, not organizations' controls) among `nodeIds`. */
export async function existingLibraryNodeIds(
  db: Executor,
  libraryUuid: string,
  namespace: CatalogNamespace,
  nodeIds: readonly string[],
) {
  if (nodeIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ nodeId: catalogNodes.nodeId })
    .from(catalogNodes)
    .where(
      and(
        eq(catalogNodes.libraryId, libraryUuid),
        eq(catalogNodes.namespace, namespace),
        isNull(catalogNodes.organizationId),
        inArray(catalogNodes.nodeId, [...nodeIds]),
      ),
    );
  return new Set(rows.map((r) => r.nodeId));
}
