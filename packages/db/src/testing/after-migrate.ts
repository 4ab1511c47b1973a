// The data step every test database gets after its migrations, as
// `migrate(db, { afterMigrate })` does in production. This package cannot
// import @mamoru/domain (which imports it), so the step is registered from
// outside: the vitest setup file packages/domain/src/testing/database-setup.ts
// registers the shipped-catalog sync for every test file. A module of its own
// so that registering does not probe the PostgreSQL server as databases.ts does.
import type { MigrateOptions } from '../migrate.ts';

let step: MigrateOptions['afterMigrate'];

export function setTestDatabaseAfterMigrate(afterMigrate: MigrateOptions['afterMigrate']) {
  step = afterMigrate;
}

export function testDatabaseAfterMigrate(): MigrateOptions['afterMigrate'] {
  return step;
}
