import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { incidentObligations } from '../tables/incidents.ts';
import { obligationsOf, type ObligationRow } from './incidents-clocks.ts';

/** Notification obligations: one, its insert and optimistic-locked update, presets by key. */

export type NewObligation = Omit<
  typeof incidentObligations.$inferInsert,
  'id' | 'version' | 'createdAt' | 'updatedAt'
>;
export type ObligationChanges = Partial<Omit<NewObligation, 'organizationId' | 'presetKey'>>;

const columns = {
  id: incidentObligations.id,
  presetKey: incidentObligations.presetKey,
  name: incidentObligations.name,
  nameEn: incidentObligations.nameEn,
  recipient: incidentObligations.recipient,
  appliesToTypes: incidentObligations.appliesToTypes,
  requiresPersonalData: incidentObligations.requiresPersonalData,
  deadlineDays: incidentObligations.deadlineDays,
  deadlineDaysWrongfulIntent: incidentObligations.deadlineDaysWrongfulIntent,
  deadlineHours: incidentObligations.deadlineHours,
  sortOrder: incidentObligations.sortOrder,
  active: incidentObligations.active,
  version: incidentObligations.version,
};

export async function getObligation(
  db: Executor,
  org: string,
  id: string,
): Promise<ObligationRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(incidentObligations)
    .where(and(eq(incidentObligations.organizationId, org), eq(incidentObligations.id, id)));
  return row;
}

export async function insertObligation(
  db: Executor,
  values: NewObligation,
): Promise<ObligationRow> {
  const [row] = await db.insert(incidentObligations).values(values).returning(columns);
  return row!;
}

/** Inserts the presets whose key the organization does not have yet; returns those added. */
export async function insertMissingPresets(db: Executor, values: NewObligation[]) {
  if (values.length === 0) return [];
  return db
    .insert(incidentObligations)
    .values(values)
    .onConflictDoNothing({
      target: [incidentObligations.organizationId, incidentObligations.presetKey],
      where: sql`${incidentObligations.presetKey} is not null`,
    })
    .returning(columns);
}

/** Updates when the version still matches; undefined when it does not (or the id is unknown). */
export async function updateObligation(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  changes: ObligationChanges,
): Promise<ObligationRow | undefined> {
  const [row] = await db
    .update(incidentObligations)
    .set({ ...changes, version: sql`${incidentObligations.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(incidentObligations.organizationId, org),
        eq(incidentObligations.id, id),
        eq(incidentObligations.version, expectedVersion),
      ),
    )
    .returning(columns);
  return row;
}

/** Every obligation of the organization, inactive ones too. */
export const allObligationsOf = (db: Executor, org: string) => obligationsOf(db, org, false);
