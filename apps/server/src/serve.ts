import cluster from 'node:cluster';
import closeWithGrace from 'close-with-grace';
import { openDatabase } from '@mamoru/db';
import { migrateDatabase } from '@mamoru/domain';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { removeLeftoverUploads } from './tabular/upload.ts';

/**
 * Opens the database, applies migrations (and syncs the shipped catalogs), listens, and on SIGTERM/SIGINT lets
 * in-flight requests finish before closing the pool.
 */
export async function serve(config: Config) {
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: config.dbPoolMax,
    pgliteSharedBuffers: config.embeddedSharedBuffers,
    acquireTimeoutMs: config.dbAcquireTimeoutMs,
    statementTimeoutMs: config.dbStatementTimeoutMs,
    idleInTransactionTimeoutMs: config.dbIdleInTransactionTimeoutMs,
  });
  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    const { applied, total, libraries } = await migrateDatabase(database.db);
    app = await buildApp({ config, database });
    app.log.info(
      { database: database.label, applied, total, catalogsUpdated: libraries.updated },
      'database ready',
    );
    const leftovers = removeLeftoverUploads();
    if (leftovers) app.log.info({ removed: leftovers }, 'removed uploads of a stopped server');
  } catch (error) {
    // A failed start must not leave the pool open (it would keep the process alive).
    await database.close().catch(() => undefined);
    throw error;
  }
  app.addHook('onClose', async () => {
    await database.close();
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  // Installed only once listening: before that, a failure must reach the caller
  // (exit code 1), not close-with-grace's beforeExit handler (which exits 0).
  // A cluster worker leaves SIGINT (Ctrl-C reaches the whole process group) to the
  // primary, which sends it SIGTERM: a second signal would cut the graceful stop short.
  if (cluster.isWorker) process.on('SIGINT', () => undefined);
  const skip: closeWithGrace.Options['skip'] = cluster.isWorker ? ['SIGINT'] : [];
  closeWithGrace({ delay: config.shutdownTimeoutMs, skip }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });
  return app;
}
