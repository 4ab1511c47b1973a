// Control operation and checks of effectiveness (4.2.2.c, 4.2.2.e, 4.2.3.b, 5.2.1.b, 5.2.1.d).
// Registers the owner type of check results' evidence files.
import './files.ts';
export { listControls, getControl } from './register.ts';
export { putOperation, OPERATION_ENTITY } from './operations.ts';
export {
  createCheck,
  updateCheck,
  listChecks,
  recordResult,
  CHECK_ENTITY,
  RESULT_ENTITY,
} from './checks.ts';
export { raiseNonconformity } from './raise.ts';
export { controlsWorkbook, controlsPdf } from './export.ts';
export { controlCheckDue } from './due.ts';
export * from './schedule.ts';
