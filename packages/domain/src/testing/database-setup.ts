// Vitest setup file (vitest.config.ts, node projects): every test database
// gets the shipped libraries after its migrations, as `migrateDatabase` gives
// a real one. @mamoru/db's harness cannot import this package (that would be
// a cycle), so the step is registered from here; the import is lazy so that
// test files that never open a database do not load the catalog.
import { setTestDatabaseAfterMigrate } from '@mamoru/db/testing/after-migrate';
import { setPasswordHashCostForTests } from '../identity/password.ts';

setTestDatabaseAfterMigrate(async (tx) => {
  const { syncShippedLibraries } = await import('../catalog/sync.ts');
  await syncShippedLibraries(tx);
});

// Still argon2id, at 1 MiB and one pass (~1 ms instead of ~40 ms a hash): the suites
// create and sign in thousands of accounts. password.test.ts checks the production cost.
setPasswordHashCostForTests({ memoryCost: 1024, timeCost: 1 });
