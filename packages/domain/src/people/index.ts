// The people area (5.1.c, 5.2.2.a/b/d; annex 4.1, 6.1): one line per use-case module.
export * from './access.ts';
export * from './roles.ts';
export * from './roles-defaults.ts';
export * from './assignments.ts';
export * from './acknowledgement.ts';
export * from './committee.ts';
export * from './meetings.ts';
export * from './org-chart.ts';
export * from './settings.ts';
export * from './roles-presenters.ts';
export * from './jobs.ts';
export * from './requirements.ts';
export * from './profiles.ts';
export * from './competences.ts';
export * from './agreements.ts';
export * from './gaps.ts';
export * from './people-presenters.ts';
