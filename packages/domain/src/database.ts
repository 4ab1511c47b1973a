import { migrate, type Db, type MigrationResult } from '@mamoru/db';
import { syncShippedLibraries, type SyncResult } from './catalog/sync.ts';

export interface PreparedDatabase extends MigrationResult {
  /** What the shipped-library sync wrote (see catalog/sync.ts). */
  libraries: SyncResult;
}

/**
 * What every process that applies migrations calls (the server on start,
 * `mamoru migrate`, `mamoru admin create`): the schema migrations, then the
 * data that follows the schema (the libraries shipped with Mamoru), in one
 * transaction under the migration lock. Idempotent: a second run writes nothing.
 */
export async function migrateDatabase(db: Db): Promise<PreparedDatabase> {
  let libraries: SyncResult = { updated: [], unchanged: [] };
  const result = await migrate(db, {
    afterMigrate: async (tx) => {
      libraries = await syncShippedLibraries(tx);
    },
  });
  return { ...result, libraries };
}
