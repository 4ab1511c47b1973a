import type { Objective, ObjectiveMeasurement } from '@mamoru/contracts';
import type { MeasurementView, ObjectiveView } from '@mamoru/db/repositories/objectives';
import { objectiveStanding, type ObjectivePlan } from './status.ts';

/** OBJ-001: the number as people cite the objective. */
export const objectiveCode = (n: number) => `OBJ-${String(n).padStart(3, '0')}`;

/** Objective numbers are a PostgreSQL integer: a longer code names no objective. */
const MAX_NUMBER = 2_147_483_647;

/** The number of a code (OBJ-007 → 7), null when it is not one. */
export function objectiveNumberOf(code: string) {
  const m = /^OBJ-(\d+)$/i.exec(code.trim());
  const n = m ? Number(m[1]) : NaN;
  return Number.isInteger(n) && n <= MAX_NUMBER ? n : null;
}

export const planOf = (o: ObjectiveView): ObjectivePlan => ({
  direction: o.direction as ObjectivePlan['direction'],
  baseline: o.baseline,
  target: o.target,
  startDate: o.startDate,
  dueDate: o.dueDate,
  frequency: o.frequency as ObjectivePlan['frequency'],
  status: o.status as ObjectivePlan['status'],
});

export function presentObjective(o: ObjectiveView, today: string): Objective {
  const latest =
    o.latestOn !== null && o.latestValue !== null
      ? { measuredOn: o.latestOn, value: Number(o.latestValue) }
      : null;
  const standing = objectiveStanding(planOf(o), latest, today);
  return {
    id: o.id,
    code: objectiveCode(o.number),
    title: o.title,
    description: o.description,
    owner: o.ownerId ? { id: o.ownerId, name: o.ownerName ?? '' } : null,
    orgUnit: o.orgUnitId ? { id: o.orgUnitId, name: o.orgUnitName ?? '' } : null,
    metric: o.metric,
    measureUnit: o.measureUnit,
    direction: o.direction as Objective['direction'],
    baseline: o.baseline,
    target: o.target,
    startDate: o.startDate,
    dueDate: o.dueDate,
    plan: o.plan,
    frequency: o.frequency as Objective['frequency'],
    status: o.status as Objective['status'],
    controlIds: o.controlIds,
    progress: standing.progress,
    reasons: standing.reasons,
    latest,
    percent: standing.percent,
    nextMeasurementDue: standing.nextMeasurementDue,
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export function presentMeasurement(m: MeasurementView): ObjectiveMeasurement {
  return {
    id: m.id,
    objectiveId: m.objectiveId,
    measuredOn: m.measuredOn,
    value: m.value,
    note: m.note,
    source: m.source as ObjectiveMeasurement['source'],
    recordedBy: m.recordedBy ? { id: m.recordedBy, name: m.recordedByName ?? '' } : null,
    recordedAt: m.recordedAt.toISOString(),
  };
}
