import { addDays, format } from 'date-fns';
import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/objectives';
import type { ObjectiveRow } from '@mamoru/db/repositories/objectives';
import type { MeasurementCreate, MeasurementIntake } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { authorize, authorizeObject } from '../identity/actor.ts';
import { readMeasurementsCsv, type CsvRowError } from './csv.ts';
import { objectiveNumberOf } from './presenters.ts';

/**
 * Measurements of an objective's metric: by hand, from a CSV file (all rows or
 * none), or by a monitoring tool with a token holding 'objectives:measure'.
 * Owners measure their own objectives; removal needs a reason and is audited.
 */

export const MEASUREMENT_ENTITY = 'objective_measurement';

/** The last day a measurement may carry: tomorrow, so a tool in another time zone is not refused. */
export const latestMeasurementDay = (now = new Date()) => format(addDays(now, 1), 'yyyy-MM-dd');

async function measurable(db: Executor, ctx: RequestContext, id: string, lock = true) {
  authorize(ctx.actor, 'objectives:measure');
  const objective = await repo.getObjective(db, ctx.actor.organizationId, id, lock);
  if (!objective) throw notFound('objective');
  authorizeObject(ctx.actor, 'objectives:measure', objective.ownerId);
  if (objective.status === 'withdrawn') throw conflict('objective_withdrawn');
  return objective;
}

function checkDay(measuredOn: string) {
  if (measuredOn > latestMeasurementDay()) {
    throw invalid([{ field: 'measuredOn', code: 'objective_measurement_future' }]);
  }
}

async function record(
  tx: Executor,
  ctx: RequestContext,
  objective: ObjectiveRow,
  input: MeasurementCreate,
  source: 'manual' | 'api',
) {
  const [row] = await repo.insertMeasurements(tx, [
    {
      organizationId: objective.organizationId,
      objectiveId: objective.id,
      measuredOn: input.measuredOn,
      value: input.value,
      note: input.note,
      source,
      recordedBy: ctx.actor.userId,
    },
  ]);
  await recordAudit(tx, ctx, [
    {
      action: 'objective_measurement.recorded',
      entityType: MEASUREMENT_ENTITY,
      entityId: row!.id,
      after: { objectiveId: objective.id, measuredOn: row!.measuredOn, value: row!.value, source },
    },
  ]);
  return (await repo.getMeasurement(tx, objective.organizationId, objective.id, row!.id))!;
}

export async function listMeasurements(
  db: Db,
  ctx: RequestContext,
  objectiveId: string,
  q: {
    from?: string | undefined;
    to?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  authorize(ctx.actor, 'objectives:read');
  const org = ctx.actor.organizationId;
  if (!(await repo.getObjective(db, org, objectiveId))) throw notFound('objective');
  return repo.listMeasurements(db, org, objectiveId, q, q);
}

/** A value entered on the objective's page (or sent with a token to the objective's id). */
export async function addMeasurement(
  db: Db,
  ctx: RequestContext,
  objectiveId: string,
  input: MeasurementCreate,
) {
  checkDay(input.measuredOn);
  return db.transaction(async (tx) => {
    const objective = await measurable(tx, ctx, objectiveId);
    return record(tx, ctx, objective, input, ctx.actor.kind === 'token' ? 'api' : 'manual');
  });
}

/** A monitoring tool names the objective by its code (OBJ-001); an unknown code is 404. */
export async function takeMeasurement(db: Db, ctx: RequestContext, input: MeasurementIntake) {
  authorize(ctx.actor, 'objectives:measure');
  checkDay(input.measuredOn);
  const number = objectiveNumberOf(input.objectiveCode);
  return db.transaction(async (tx) => {
    const found =
      number === null
        ? null
        : await repo.getObjectiveByNumber(tx, ctx.actor.organizationId, number);
    if (!found) throw notFound('objective');
    const objective = await measurable(tx, ctx, found.id);
    return record(tx, ctx, objective, input, ctx.actor.kind === 'token' ? 'api' : 'manual');
  });
}

export async function removeMeasurement(
  db: Db,
  ctx: RequestContext,
  objectiveId: string,
  measurementId: string,
  reason: string,
) {
  return db.transaction(async (tx) => {
    await measurable(tx, ctx, objectiveId);
    const org = ctx.actor.organizationId;
    const before = await repo.getMeasurement(tx, org, objectiveId, measurementId);
    if (!before) throw notFound('measurement');
    await repo.removeMeasurement(tx, org, measurementId, ctx.actor.userId, reason);
    await recordAudit(tx, ctx, [
      {
        action: 'objective_measurement.removed',
        entityType: MEASUREMENT_ENTITY,
        entityId: measurementId,
        before: {
          objectiveId,
          measuredOn: before.measuredOn,
          value: before.value,
          source: before.source,
        },
        after: { reason },
      },
    ]);
  });
}

export interface MeasurementImportResult {
  rows: number;
  imported: number;
  dryRun: boolean;
  errors: CsvRowError[];
}

/** Checks the whole file; records every row only when none is at fault and this is no dry run. */
export async function importMeasurements(
  db: Db,
  ctx: RequestContext,
  objectiveId: string,
  input: { csv: string; dryRun: boolean },
): Promise<MeasurementImportResult> {
  return db.transaction(async (tx) => {
    const objective = await measurable(tx, ctx, objectiveId);
    const { rows, errors } = readMeasurementsCsv(input.csv, latestMeasurementDay());
    const result = { rows: rows.length, imported: 0, dryRun: input.dryRun, errors };
    if (errors.length || input.dryRun || !rows.length) return result;
    const inserted = await repo.insertMeasurements(
      tx,
      rows.map((r) => ({
        organizationId: objective.organizationId,
        objectiveId,
        ...r,
        source: 'csv',
        recordedBy: ctx.actor.userId,
      })),
    );
    await recordAudit(tx, ctx, [
      {
        action: 'objective_measurement.imported',
        entityType: 'objective',
        entityId: objectiveId,
        after: {
          count: inserted.length,
          from: rows.reduce((a, r) => (r.measuredOn < a ? r.measuredOn : a), rows[0]!.measuredOn),
          to: rows.reduce((a, r) => (r.measuredOn > a ? r.measuredOn : a), rows[0]!.measuredOn),
        },
      },
    ]);
    return { ...result, imported: inserted.length };
  });
}
