import { and, eq } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { trainingSessions } from '../tables/training.ts';

/**
 * Training sessions (a course held on a date by a trainer). Every query is
 * scoped by the organization id it is given; lists are keyset-paginated.
 */

export type SessionRow = typeof trainingSessions.$inferSelect;
export type NewSession = Omit<typeof trainingSessions.$inferInsert, 'id'>;
const s = trainingSessions;

/** The bare row, locked when asked (a write checks its version against it). */
export async function getSessionRow(db: Executor, org: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(s)
    .where(and(eq(s.organizationId, org), eq(s.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}
