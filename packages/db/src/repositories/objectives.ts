import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  ilike,
  inArray,
  isNull,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { users } from '../tables/identity.ts';
import { objectiveMeasurements, objectives } from '../tables/objectives.ts';
import { orgUnits } from '../tables/scope.ts';
import { likePattern } from './scope.ts';

export type ObjectiveRow = typeof objectives.$inferSelect;
export type NewObjective = Omit<typeof objectives.$inferInsert, 'id' | 'number'>;
export type MeasurementRow = typeof objectiveMeasurements.$inferSelect;
export type NewMeasurement = Omit<typeof objectiveMeasurements.$inferInsert, 'id'>;

type Page = { limit: number; cursor?: string | undefined };

const owner = alias(users, 'objective_owner');
const recorder = alias(users, 'measurement_recorder');

// The latest measurement not removed, read per row by one index lookup.
const latestValue = sql<number | null>`(select m.value from objective_measurements m
  where m.objective_id = ${objectives.id} and m.deleted_at is null
  order by m.measured_on desc, m.recorded_at desc limit 1)`;
const latestOn = sql<string | null>`(select max(m.measured_on)::text from objective_measurements m
  where m.objective_id = ${objectives.id} and m.deleted_at is null)`;

const view = {
  ...getTableColumns(objectives),
  ownerName: owner.displayName,
  orgUnitName: orgUnits.name,
  latestValue,
  latestOn,
};
export type ObjectiveView = ObjectiveRow & {
  ownerName: string | null;
  orgUnitName: string | null;
  latestValue: number | null;
  latestOn: string | null;
};

const selectObjectives = (db: Executor) =>
  db
    .select(view)
    .from(objectives)
    .leftJoin(owner, eq(owner.id, objectives.ownerId))
    .leftJoin(orgUnits, eq(orgUnits.id, objectives.orgUnitId));

/** Inserts with the next number of the organization (the unique index settles a race). */
export async function insertObjective(db: Executor, values: NewObjective) {
  const [row] = await db
    .insert(objectives)
    .values({
      ...values,
      number: sql`(select coalesce(max(number), 0) + 1 from objectives
        where organization_id = ${values.organizationId})`,
    })
    .returning();
  return row!;
}

export async function getObjectiveView(db: Executor, organizationId: string, id: string) {
  const [row] = await selectObjectives(db).where(
    and(eq(objectives.organizationId, organizationId), eq(objectives.id, id)),
  );
  return (row as ObjectiveView | undefined) ?? null;
}

export async function getObjective(db: Executor, organizationId: string, id: string, lock = false) {
  const query = db
    .select()
    .from(objectives)
    .where(and(eq(objectives.organizationId, organizationId), eq(objectives.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function getObjectiveByNumber(db: Executor, organizationId: string, number: number) {
  const [row] = await db
    .select()
    .from(objectives)
    .where(and(eq(objectives.organizationId, organizationId), eq(objectives.number, number)));
  return row ?? null;
}

export async function updateObjective(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewObjective, 'organizationId'>>,
) {
  const [row] = await db
    .update(objectives)
    .set({ ...values, version: sql`${objectives.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(objectives.organizationId, organizationId),
        eq(objectives.id, id),
        eq(objectives.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

export interface ObjectiveFilter {
  q?: string | undefined;
  status?: string | undefined;
  ownerId?: string | undefined;
  dueBy?: string | undefined;
}

/** Objectives by number, filtered and keyset-paginated in SQL. */
export async function listObjectives(
  db: Executor,
  organizationId: string,
  f: ObjectiveFilter,
  page: Page,
) {
  const conditions: (SQL | undefined)[] = [eq(objectives.organizationId, organizationId)];
  if (f.status) conditions.push(eq(objectives.status, f.status));
  if (f.ownerId) conditions.push(eq(objectives.ownerId, f.ownerId));
  if (f.dueBy) conditions.push(lte(objectives.dueDate, f.dueBy));
  if (f.q) {
    const p = likePattern(f.q);
    conditions.push(
      or(ilike(objectives.title, p), ilike(objectives.metric, p), ilike(objectives.plan, p)),
    );
  }
  const after = decodeCursor(page.cursor, 1, ['int']);
  if (after) conditions.push(sql`${objectives.number} > ${Number(after[0])}`);
  const rows = (await selectObjectives(db)
    .where(and(...conditions))
    .orderBy(asc(objectives.number))
    .limit(page.limit + 1)) as ObjectiveView[];
  return toPage(rows, page.limit, (r) => [r.number]);
}

// ---- measurements ----------------------------------------------------------------

const measurementView = {
  ...getTableColumns(objectiveMeasurements),
  recordedByName: recorder.displayName,
};
export type MeasurementView = MeasurementRow & { recordedByName: string | null };

export async function insertMeasurements(db: Executor, values: NewMeasurement[]) {
  if (!values.length) return [];
  return db.insert(objectiveMeasurements).values(values).returning();
}

export async function getMeasurement(
  db: Executor,
  organizationId: string,
  objectiveId: string,
  id: string,
) {
  const [row] = await db
    .select(measurementView)
    .from(objectiveMeasurements)
    .leftJoin(recorder, eq(recorder.id, objectiveMeasurements.recordedBy))
    .where(
      and(
        eq(objectiveMeasurements.organizationId, organizationId),
        eq(objectiveMeasurements.objectiveId, objectiveId),
        eq(objectiveMeasurements.id, id),
        isNull(objectiveMeasurements.deletedAt),
      ),
    );
  return row ?? null;
}

/** Measurements of an objective, newest first (the chart reads them all, in pages). */
export async function listMeasurements(
  db: Executor,
  organizationId: string,
  objectiveId: string,
  f: { from?: string | undefined; to?: string | undefined },
  page: Page,
) {
  const m = objectiveMeasurements;
  const conditions: SQL[] = [
    eq(m.organizationId, organizationId),
    eq(m.objectiveId, objectiveId),
    isNull(m.deletedAt),
  ];
  if (f.from) conditions.push(sql`${m.measuredOn} >= ${f.from}`);
  if (f.to) conditions.push(sql`${m.measuredOn} <= ${f.to}`);
  const after = decodeCursor(page.cursor, 2, ['date', 'uuid']);
  if (after) {
    conditions.push(
      sql`(${m.measuredOn}, ${m.id}) < (${String(after[0])}::date, ${String(after[1])}::uuid)`,
    );
  }
  const rows = await db
    .select(measurementView)
    .from(m)
    .leftJoin(recorder, eq(recorder.id, m.recordedBy))
    .where(and(...conditions))
    .orderBy(desc(m.measuredOn), desc(m.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.measuredOn, r.id]);
}

/** Removes a measurement from the series; the row stays with who removed it and why. */
export async function removeMeasurement(
  db: Executor,
  organizationId: string,
  id: string,
  by: string | null,
  reason: string,
) {
  const [row] = await db
    .update(objectiveMeasurements)
    .set({ deletedAt: sql`now()`, deletedBy: by, deleteReason: reason })
    .where(
      and(
        eq(objectiveMeasurements.organizationId, organizationId),
        eq(objectiveMeasurements.id, id),
        isNull(objectiveMeasurements.deletedAt),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * The newest `per` measurements of each of the objectives, newest first, in one
 * query (the PDF export shows the latest values of every objective).
 */
export async function latestMeasurementsOf(
  db: Executor,
  organizationId: string,
  objectiveIds: string[],
  per: number,
): Promise<MeasurementView[]> {
  if (!objectiveIds.length) return [];
  const m = objectiveMeasurements;
  const ranked = db
    .select({
      id: m.id,
      rank: sql<number>`row_number() over (partition by ${m.objectiveId}
        order by ${m.measuredOn} desc, ${m.recordedAt} desc)`.as('rank'),
    })
    .from(m)
    .where(
      and(
        eq(m.organizationId, organizationId),
        inArray(m.objectiveId, objectiveIds),
        isNull(m.deletedAt),
      ),
    )
    .as('ranked');
  return db
    .select(measurementView)
    .from(m)
    .innerJoin(ranked, eq(ranked.id, m.id))
    .leftJoin(recorder, eq(recorder.id, m.recordedBy))
    .where(lte(ranked.rank, per))
    .orderBy(asc(m.objectiveId), desc(m.measuredOn), desc(m.recordedAt));
}
