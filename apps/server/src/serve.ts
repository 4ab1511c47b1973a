import closeWithGrace from 'close-with-grace';
import { migrate, openDatabase } from '@mamoru/db';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';

/**
 * Opens the database, applies migrations, listens, and on SIGTERM/SIGINT lets
 * in-flight requests finish before closing the pool.
 */
export async function serve(config: Config) {
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: config.dbPoolMax,
  });
  const { applied, total } = await migrate(database.db);
  const app = await buildApp({ config, database });
  app.log.info({ database: database.label, applied, total }, 'database ready');
  app.addHook('onClose', async () => {
    await database.close();
  });
  closeWithGrace({ delay: config.shutdownTimeoutMs }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });
  await app.listen({ port: config.port, host: config.host });
  return app;
}
