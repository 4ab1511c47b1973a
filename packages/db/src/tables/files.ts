import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './identity.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Evidence file contents, stored once per organization and SHA-256 (content
 * addressed): two uploads of the same bytes share one blob. The bytes live in
 * `file_chunks` so every server instance sees them and a database backup
 * includes them. `sha256` is null only while an upload is being written.
 */
export const fileBlobs = pgTable(
  'file_blobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    sha256: text('sha256'),
    size: bigint('size', { mode: 'number' }).notNull().default(0),
    chunkCount: integer('chunk_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('file_blobs_sha256_key').on(t.organizationId, t.sha256)],
);

/** The bytes of a blob in order, at most 256 KiB a row. */
export const fileChunks = pgTable(
  'file_chunks',
  {
    blobId: uuid('blob_id')
      .notNull()
      .references(() => fileBlobs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.blobId, t.seq] })],
);

/**
 * An uploaded file as people see it: a name, a type detected from its content,
 * and the object it is attached to (`owner_type` + `owner_id`: a record, a
 * document version, …), whose read permission guards the download.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    blobId: uuid('blob_id')
      .notNull()
      .references(() => fileBlobs.id),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mediaType: text('media_type').notNull(),
    originalName: text('original_name').notNull(),
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    /** When a download found the stored bytes no longer matching `sha256`; later downloads are refused. */
    integrityFailedAt: timestamp('integrity_failed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('files_owner_idx').on(t.organizationId, t.ownerType, t.ownerId, t.createdAt),
    index('files_blob_idx').on(t.blobId),
    check('files_size_check', sql`${t.size} >= 0`),
  ],
);
