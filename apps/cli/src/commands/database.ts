import { openDatabase, type Database } from '@mamoru/db';
import { loadConfig } from '@mamoru/server';

/** Opens the database the environment names (DATABASE_URL or MAMORU_DATA_DIR), as the server would. */
export async function openConfiguredDatabase(): Promise<Database> {
  const config = loadConfig();
  return openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: config.dbPoolMax,
    pgliteSharedBuffers: config.embeddedSharedBuffers,
  });
}

/** Runs work against the configured database and always closes it. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase();
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
