// Internal audits (6.4). Each part appends its exports here.
// Auditor register, independence, audits and their lifecycle (aaudit).
export * as auditors from './auditors.ts';
export * as auditPlans from './audits.ts';
export * as auditLifecycle from './lifecycle.ts';
export { independenceConflicts } from './independence.ts';
export { findConflicts } from './independence-check.ts';
export { fiscalYearOf, transitionRefusal } from './lifecycle-rules.ts';
export { presentAudit, presentAuditor } from './presenters.ts';
export * as programmes from './programme.ts';
export * as planning from './planning.ts';
export { auditCoverage, covers, monthsBefore, summarizeCoverage } from './planning-coverage.ts';
export type { CoverageInput, CoverageLine, CoverageKind } from './planning-coverage.ts';
export { presentProgramme } from './programme-presenters.ts';
// Internal audits (6.4). Each part appends its exports here.
// Checklists, results, findings and their follow-up (acheck).
import './checklist-files.ts';
export * as checklists from './checklist.ts';
export * as checklistExchange from './checklist-xlsx.ts';
export * as findings from './findings.ts';
export {
  scopeLines,
  requirementItemsInScope,
  applicableControlsInScope,
} from './checklist-scope.ts';
