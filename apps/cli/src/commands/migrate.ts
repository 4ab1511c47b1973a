import type { Command } from 'commander';
import { openDatabase } from '@mamoru/db';
import { migrateDatabase } from '@mamoru/domain';
import { loadConfig } from '@mamoru/server';

export function registerMigrate(program: Command) {
  program
    .command('migrate')
    .description('apply pending database migrations (and load the shipped catalogs) and exit')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase({
        url: config.databaseUrl,
        dataDir: config.dataDir,
        poolMax: config.dbPoolMax,
        pgliteSharedBuffers: config.embeddedSharedBuffers,
      });
      try {
        const { applied, total, libraries } = await migrateDatabase(database.db);
        console.log(`${database.label}: ${applied} migration(s) applied, ${total} in total`);
        if (libraries.updated.length > 0)
          console.log(`shipped catalogs loaded: ${libraries.updated.join(', ')}`);
      } finally {
        await database.close();
      }
    });
}
