export * from './common.ts';
export * from './health.ts';
export * from './identity.ts';
export * from './audit.ts';
export * from './approvals.ts';
export * from './scope.ts';
export * from './assets.ts';
export * from './catalog.ts';
