// The people area (5.1.c, 5.2.2.a/b/d; annex 4.1, 6.1): one line per use-case module.
export * from './access.ts';
export * from './jobs.ts';
export * from './requirements.ts';
export * from './profiles.ts';
export * from './competences.ts';
export * from './agreements.ts';
export * from './gaps.ts';
export * from './people-presenters.ts';
