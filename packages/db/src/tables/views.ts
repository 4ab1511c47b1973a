import { sql } from 'drizzle-orm';
import {
  check,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './identity.ts';

/**
 * A user's saved views of a list (filters, sort, visible columns), kept on the
 * server so they follow the user across browsers and server instances. Each
 * belongs to one user: nobody else reads or changes it.
 */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The list the view belongs to; 'assets' (the register) for now. */
    area: text('area').notNull(),
    name: text('name').notNull(),
    /** `{ filters, sort, direction, columns }` as the contracts define it. */
    definition: jsonb('definition').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('saved_views_name_key').on(t.organizationId, t.userId, t.area, t.name),
    check('saved_views_area_check', sql`${t.area} in ('assets')`),
  ],
);
