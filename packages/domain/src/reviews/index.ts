// The management review area (6.1–6.3): one line per use-case module.
export * from './access.ts';
export * from './agenda.ts';
export * from './presenters.ts';
export * from './reviews.ts';
export * from './settings.ts';
export * from './inputs.ts';
export * from './minutes.ts';
export * from './minutes-presenters.ts';
export * from './decisions.ts';
export * from './approval.ts';
// Registers what the approvals inbox shows of submitted minutes.
import './minutes-summary.ts';
export * from './export.ts';
export * from './parties.ts';
export * from './feedback.ts';
export * from './parties-presenters.ts';
export * from './parties-export.ts';
