// Records (4.3.3): types, the register, legal hold and disposal.
// Registers the approval summary of disposal requests.
import './summary.ts';
export * from './service.ts';
export * from './types.ts';
export { requestDisposal, getDisposal } from './disposal.ts';
export { retentionEnd, disposalBlocker } from './rules.ts';
export { validateEntries } from './entries.ts';
export { presentRecord, presentRecordType, presentDisposal } from './presenters.ts';
