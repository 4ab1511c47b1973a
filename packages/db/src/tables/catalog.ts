import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './identity.ts';

/** A text in several languages, keyed by BCP 47 tag (`{ ja, en, … }`). */
export type CatalogText = Record<string, string>;

/** The nil UUID stands for "shipped with Mamoru" where NULL cannot be compared. */
export const SHIPPED_ORGANIZATION_KEY = '00000000-0000-0000-0000-000000000000';

/**
 * A library of requirements and controls (a standard as data, see
 * @mamoru/catalog). organization_id NULL: shipped with Mamoru, visible to every
 * organization and rewritten by the shipped-library sync on migrate; set: imported by
 * that organization and visible only to it. `document` holds the whole Library
 * (for the tree and exports); catalog_nodes holds its nodes for search and lookup.
 */
export const catalogLibraries = pgTable(
  'catalog_libraries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The library's own ID (a slug such as `jipdec-isms-2.0`). */
    libraryId: text('library_id').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    version: text('version').notNull(),
    name: jsonb('name').$type<CatalogText>().notNull(),
    publisher: jsonb('publisher').$type<CatalogText>(),
    description: jsonb('description').$type<CatalogText>(),
    /** 'shipped' | 'native' (imported Mamoru JSON) | 'oscal' (imported OSCAL catalog). */
    origin: text('origin').notNull(),
    document: jsonb('document').notNull(),
    /** SHA-256 of the canonical document (and the node layout version). */
    contentHash: text('content_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('catalog_libraries_key').on(
      sql`coalesce(${t.organizationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.libraryId,
    ),
    check('catalog_libraries_origin_check', sql`${t.origin} in ('shipped', 'native', 'oscal')`),
    check(
      'catalog_libraries_shipped_check',
      sql`(${t.origin} = 'shipped') = (${t.organizationId} is null)`,
    ),
  ],
);

/**
 * One node of a library: a requirement, or a group (domain, objective, group)
 * or control of the control namespace, in document order. Rows with
 * organization_id NULL mirror the library document and are replaced with it;
 * rows with organization_id set are an organization's own controls added
 * under an objective of the library (the standard allows additional controls).
 */
export const catalogNodes = pgTable(
  'catalog_nodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    libraryId: uuid('library_id')
      .notNull()
      .references(() => catalogLibraries.id, { onDelete: 'cascade' }),
    /** 'requirement' | 'control' (groups and controls share one namespace). */
    namespace: text('namespace').notNull(),
    nodeId: text('node_id').notNull(),
    parentId: text('parent_id'),
    /** IDs of the enclosing nodes of the same namespace, outermost first. */
    ancestorIds: text('ancestor_ids').array().notNull(),
    /** 'requirement' | 'domain' | 'objective' | 'group' | 'control'. */
    kind: text('kind').notNull(),
    displayId: text('display_id').notNull(),
    /** Document order within the library; own controls come after the library's nodes. */
    position: integer('position').notNull(),
    depth: integer('depth').notNull(),
    title: jsonb('title').$type<CatalogText>().notNull(),
    summary: jsonb('summary').$type<CatalogText>(),
    guidance: jsonb('guidance').$type<CatalogText>(),
    /** A control's parameters as in the library format (id, label, values, select). */
    params: jsonb('params').$type<unknown[]>(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    /**
     * What search matches: the display ID, ID, title and summary in every
     * language, and the enclosing group's title, NFKC-normalized and lower-cased.
     */
    searchText: text('search_text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('catalog_nodes_key').on(
      t.libraryId,
      t.namespace,
      sql`coalesce(${t.organizationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.nodeId,
    ),
    index('catalog_nodes_order_idx').on(t.libraryId, t.namespace, t.position),
    index('catalog_nodes_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('catalog_nodes_namespace_check', sql`${t.namespace} in ('requirement', 'control')`),
    check(
      'catalog_nodes_kind_check',
      sql`${t.kind} in ('requirement', 'domain', 'objective', 'group', 'control')`,
    ),
  ],
);

/**
 * The licensed-text overlay: an organization's own copy of the official
 * wording per node ID. Never shipped, visible only to that organization.
 */
export const catalogOverlays = pgTable(
  'catalog_overlays',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    libraryId: uuid('library_id')
      .notNull()
      .references(() => catalogLibraries.id, { onDelete: 'cascade' }),
    namespace: text('namespace').notNull(),
    nodeId: text('node_id').notNull(),
    text: jsonb('text').$type<CatalogText>().notNull(),
    /** The text in every language, NFKC-normalized and lower-cased, for search. */
    searchText: text('search_text').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.libraryId, t.namespace, t.nodeId] }),
    index('catalog_overlays_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);
