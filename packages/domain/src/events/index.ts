// The ISMS event log (4.2.3.f): reading, entries made by hand, the export.
export { listIsmsEvents, getIsmsEvent, presentIsmsEvent } from './list.ts';
export { createIsmsEvent, updateIsmsEvent } from './entries.ts';
export * as exports from './export.ts';
export { EVENT_ACTIONS } from './from-audit.ts';
