// The incidents area (4.2.2.g, 4.2.3.a, 4.3.3; annex 6.3, 8.1.3): one line per use-case module.
export * from './workflow.ts';
export * from './clocks.ts';
export * from './access.ts';
export * from './settings.ts';
export * from './obligations.ts';
export * from './presets.ts';
export * from './notifications.ts';
export * from './risks.ts';
export * from './raise.ts';
export * from './statistics.ts';
export * as exports from './export.ts';
export * from './due.ts';
