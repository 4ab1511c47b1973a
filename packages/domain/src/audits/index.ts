// Internal audits (6.4). Each part appends its exports here.
// Auditor register, independence, audits and their lifecycle (aaudit).
export * as auditors from './auditors.ts';
export * as auditPlans from './audits.ts';
export * as auditLifecycle from './lifecycle.ts';
export { independenceConflicts } from './independence.ts';
export { findConflicts } from './independence-check.ts';
export { fiscalYearOf, transitionRefusal } from './lifecycle-rules.ts';
export { presentAudit, presentAuditor } from './presenters.ts';
