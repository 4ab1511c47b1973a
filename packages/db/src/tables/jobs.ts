import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './identity.ts';

/**
 * Long-running work (an import of 100,000 assets), as rows so that any server
 * instance can report progress. The instance that runs a job bumps
 * heartbeat_at; a running job whose heartbeat stopped is reported as
 * interrupted.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** e.g. 'asset_import', 'asset_import_validation'. */
    kind: text('kind').notNull(),
    /** 'queued' | 'running' | 'succeeded' | 'failed'. */
    status: text('status').notNull().default('queued'),
    /** What the running job is doing now, e.g. 'validating' or 'writing'. */
    phase: text('phase'),
    processed: integer('processed').notNull().default(0),
    /** Null while unknown (a streamed file is counted while it is read). */
    total: integer('total'),
    result: jsonb('result'),
    /** A stable error code when the job failed. */
    error: text('error'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_org_idx').on(t.organizationId, t.createdAt),
    check('jobs_status_check', sql`${t.status} in ('queued', 'running', 'succeeded', 'failed')`),
  ],
);
