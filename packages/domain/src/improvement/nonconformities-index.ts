// Nonconformities and corrective/preventive action (7.2, 7.3): the register,
// its workflow, actions, effectiveness reviews and the takeover of audit findings.
// Registers the evidence-file owners 'nonconformity' and 'improvement_action'.
import './files.ts';
export {
  getNonconformity,
  listNonconformities,
  createNonconformity,
  updateNonconformity,
  recordContainment,
  closeNonconformity,
  nonconformityStatistics,
} from './nonconformities.ts';
export { recordCauseAnalysis, recordEvaluation } from './nonconformities-steps.ts';
export { createAction, implementAction, getAction, listActions } from './actions.ts';
export { reviewAction } from './reviews.ts';
export { takeOverAuditFindings, takeOverAudit, takeOverFinding } from './takeover.ts';
export { presentNonconformity, presentNonconformityDetail, presentAction } from './presenters.ts';
export {
  transition,
  canClose,
  reviewerConflict,
  reviewDueOn,
  nonconformityCode,
} from './workflow.ts';
export * as exports from './nonconformities-export.ts';
