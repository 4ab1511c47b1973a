// The incidents area (4.2.2.g, 4.2.3.a, 4.3.3; annex 6.3, 8.1.3): one line per use-case module.
export * from './workflow.ts';
export * from './clocks.ts';
export * from './access.ts';
export * from './detail.ts';
export * from './report.ts';
export * from './list.ts';
export * from './update.ts';
export * from './triage.ts';
export * from './transitions.ts';
export * from './timeline.ts';
export * from './closing-record.ts';
import './files.ts';
