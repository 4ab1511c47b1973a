// Every table of Mamoru, one module per ISMS area (the same names in every layer).
export * from './tables/identity.ts';
export * from './tables/audit.ts';
export * from './tables/approvals.ts';
export * from './tables/catalog.ts';
export * from './tables/scope.ts';
export * from './tables/assets.ts';
export * from './tables/jobs.ts';
export * from './tables/views.ts';
export * from './tables/documents.ts';
export * from './tables/soa.ts';
export * from './tables/files.ts';
export * from './tables/records.ts';
export * from './tables/risks.ts';
export * from './tables/security.ts';
export * from './tables/audits.ts';
export * from './tables/improvement.ts';
export * from './tables/reviews.ts';
