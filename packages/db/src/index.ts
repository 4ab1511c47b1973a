export * from './client.ts';
export * from './migrate.ts';
export * as schema from './schema.ts';
export { InvalidCursorError } from './pagination.ts';
