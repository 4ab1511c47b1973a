import { ismsEvents } from '../tables/events.ts';
import type { Executor } from '../client.ts';

export type IsmsEventRow = typeof ismsEvents.$inferSelect;
export type IsmsEventInsert = typeof ismsEvents.$inferInsert;

/** Appends event-log entries in one insert (the audit trail's hook and manual entries). */
export async function insertIsmsEvents(db: Executor, rows: IsmsEventInsert[]) {
  if (rows.length === 0) return [];
  return db.insert(ismsEvents).values(rows).returning();
}
