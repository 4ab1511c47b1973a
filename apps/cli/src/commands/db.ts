import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { migrationsApplied, openDatabase, type Database } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import { copyDatabase, migrateDatabase } from '@mamoru/domain';
import { loadConfig } from '@mamoru/server';

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/**
 * The embedded data folder to copy from: --from, else MAMORU_DATA_DIR. Refused
 * when the configured database is PostgreSQL already, and when the folder
 * holds no database (opening it would create an empty one).
 */
function sourceFolder(from: string | undefined): string {
  const config = loadConfig();
  if (from !== undefined && POSTGRES_URL.test(from)) {
    throw new Error(
      'db copy moves an embedded database to PostgreSQL; --from is a PostgreSQL server. ' +
        'Between PostgreSQL servers use pg_dump and pg_restore (docs/backup.md)',
    );
  }
  if (from === undefined && config.databaseUrl) {
    throw new Error(
      'the configured database is PostgreSQL already (DATABASE_URL is set): nothing to move. ' +
        'To copy from an embedded data folder, name it with --from DIR; ' +
        'between PostgreSQL servers use pg_dump and pg_restore (docs/backup.md)',
    );
  }
  const dir = from !== undefined ? resolve(from) : config.dataDir;
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    throw new Error(`${dir} holds no embedded database (set MAMORU_DATA_DIR or pass --from DIR)`);
  }
  return dir;
}

async function openTarget(url: string): Promise<Database> {
  // The copy is one long transaction that waits on the source between its
  // statements: neither the request timeouts of the server nor its idle limit apply.
  return openDatabase({
    url,
    dataDir: '',
    poolMax: 2,
    statementTimeoutMs: 0,
    idleInTransactionTimeoutMs: 0,
  });
}

/** Fails with a clear message, before the source is opened, when the server does not answer. */
async function reachable(target: Database) {
  await target.ping().catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot reach ${target.label}: ${reason}`);
  });
}

export async function copyToPostgres(options: { to: string; from?: string }) {
  if (!POSTGRES_URL.test(options.to)) {
    throw new Error('--to must be a PostgreSQL address: postgres://user:password@host:5432/db');
  }
  const dir = sourceFolder(options.from);
  const target = await openTarget(options.to);
  try {
    await reachable(target);
    const source = await openDatabase({
      dataDir: dir,
      pgliteSharedBuffers: loadConfig().embeddedSharedBuffers,
    });
    try {
      if (!(await migrationsApplied(source.db))) {
        throw new Error(
          `${source.label}: the embedded database is not (fully) migrated by this version of ` +
            'Mamoru; run `mamoru migrate` on it first (or start the server once)',
        );
      }
      await migrateDatabase(target.db);
      const present = await orgs.listOrganizationIds(target.db);
      if (present.length > 0) {
        throw new Error(
          `${target.label} already holds ${present.length} organization(s): ` +
            'db copy fills only an empty instance (create a new database, e.g. `createdb mamoru`)',
        );
      }
      const started = Date.now();
      const copied = await copyDatabase(source.db, target.db);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `${source.label} → ${target.label}: ${copied.organizations} organization(s), ` +
          `${copied.rows} rows, ${copied.files} evidence files copied in ${seconds} s`,
      );
      console.log('now start Mamoru with DATABASE_URL set to the --to address');
    } finally {
      await source.close();
    }
  } finally {
    await target.close();
  }
}

export function registerDb(program: Command) {
  const db = program.command('db').description('move the whole instance between databases');
  db.command('copy')
    .description(
      'copy every organization of the embedded database (MAMORU_DATA_DIR, or --from DIR) into ' +
        'an empty PostgreSQL database, migrated first; all or nothing. Stop the server first: ' +
        'the embedded data folder must not be open in another process while it is read. ' +
        'The source is left as it was.',
    )
    .requiredOption('--to <url>', 'the PostgreSQL database to fill: postgres://user:pass@host/db')
    .option('--from <dir>', 'the embedded data folder (default: MAMORU_DATA_DIR)')
    .action(async (options: { to: string; from?: string }) => {
      await copyToPostgres(options);
    });
}
