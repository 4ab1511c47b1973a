import type { Command } from 'commander';
import { migrate, openDatabase } from '@mamoru/db';
import { loadConfig } from '@mamoru/server';

export function registerMigrate(program: Command) {
  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase({
        url: config.databaseUrl,
        dataDir: config.dataDir,
        poolMax: config.dbPoolMax,
      });
      try {
        const { applied, total } = await migrate(database.db);
        console.log(`${database.label}: ${applied} migration(s) applied, ${total} in total`);
      } finally {
        await database.close();
      }
    });
}
