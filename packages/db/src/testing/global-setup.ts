import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dropLeftoverDatabases from './leftovers.ts';
import { RUN_DIR_ENV, TEMPLATE_DB_ENV } from './templates.ts';

/**
 * Vitest global setup: clears databases of dead runs, then names this run's
 * migrated templates (see templates.ts); the workers inherit the environment.
 * The teardown removes both templates and the snapshots built from them.
 */
export default async function setup() {
  await dropLeftoverDatabases();
  const dir = mkdtempSync(join(tmpdir(), 'mamoru-test-run-'));
  // The pid is this (live) main process, so leftovers.ts of a parallel run leaves it alone.
  const template = `mamoru_t_${process.pid}_${randomBytes(6).toString('hex')}`;
  process.env[RUN_DIR_ENV] = dir;
  process.env[TEMPLATE_DB_ENV] = template;
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    const { default: pg } = await import('pg');
    const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      // The snapshots of openSnapshotDatabase are named after the template (templates.ts).
      const { rows } = await client.query<{ datname: string }>(
        `select datname from pg_database where datname like '${template}\\_%'`,
      );
      for (const { datname } of rows) {
        await client.query(`drop database if exists ${datname} with (force)`);
      }
      await client.query(`drop database if exists ${template} with (force)`);
    } catch {
      // No server, or already gone: nothing to remove.
    } finally {
      await client.end().catch(() => undefined);
    }
  };
}
