// The management review area (6.1–6.3): one line per use-case module.
export * from './access.ts';
export * from './parties.ts';
export * from './feedback.ts';
export * from './parties-presenters.ts';
export * from './parties-export.ts';
