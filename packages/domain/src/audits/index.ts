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
