import type { Database } from '@mamoru/db';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';

/** A server wired to a test database, with quiet logs; use app.inject() to call it. */
export async function buildTestApp(database: Database, overrides: Partial<Config> = {}) {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), ...overrides };
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return app;
}
