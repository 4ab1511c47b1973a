// Vitest setup file (vitest.config.ts, project "node"): every test database
// gets the shipped libraries after its migrations, as `migrateDatabase` gives
// a real one. @mamoru/db's harness cannot import this package (that would be
// a cycle), so the step is registered from here; the import is lazy so that
// test files that never open a database do not load the catalog.
import { setTestDatabaseAfterMigrate } from '@mamoru/db/testing/after-migrate';

setTestDatabaseAfterMigrate(async (tx) => {
  const { syncShippedLibraries } = await import('../catalog/sync.ts');
  await syncShippedLibraries(tx);
});
