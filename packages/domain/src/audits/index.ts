export * as programmes from './programme.ts';
export * as planning from './planning.ts';
export { auditCoverage, covers, monthsBefore, summarizeCoverage } from './planning-coverage.ts';
export type { CoverageInput, CoverageLine, CoverageKind } from './planning-coverage.ts';
export { presentProgramme } from './programme-presenters.ts';
