// ISMS objectives (5.1.b, 4.2.1.b.1): objectives, measurements, status and exports.
export * from './service.ts';
export * from './measurements.ts';
export { objectiveStanding, nextMeasurementDue, FREQUENCY_MONTHS } from './status.ts';
export { presentObjective, presentMeasurement, objectiveCode } from './presenters.ts';
export * as exports from './export.ts';
