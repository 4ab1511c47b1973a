import { sql } from 'drizzle-orm';
import { jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { EvidenceLink } from './records.ts';

/** Column shapes the newer areas' tables share (the SQL they generate is unchanged). */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A uuid[] column, empty by default. */
export const uuids = (name: string) =>
  uuid(name)
    .array()
    .notNull()
    .default(sql`'{}'::uuid[]`);

/** A text[] column, empty by default. */
export const texts = (name: string) =>
  text(name)
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);

/** Links to evidence (records, documents, files…), empty by default. */
export const links = (name: string) =>
  jsonb(name)
    .$type<EvidenceLink[]>()
    .notNull()
    .default(sql`'[]'::jsonb`);
