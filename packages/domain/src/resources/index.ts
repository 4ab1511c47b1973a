// ISMS resources and budget per fiscal year (4.2.2.f, 5.1.e, 5.2.1.a).
export * from './service.ts';
export { getSummary, submitPlan, planOf, yearSummary, PLAN_ENTITY } from './plan.ts';
export { fiscalYearOf, fiscalYearRange, resourceDue } from './fiscal.ts';
export { settingsOf, DEFAULT_START_MONTH } from './settings.ts';
export { presentResource, presentPlan, presentSummary } from './presenters.ts';
export * as exports from './export.ts';
