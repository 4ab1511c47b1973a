// Killing the process during an import or a copy leaves the target unchanged:
// a real child process, SIGKILL at a random moment while its one transaction
// is open (after its first progress line, within the measured import time).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type Db } from '@mamoru/db';
import {
  describeEachDatabase,
  fillDataDirFromTemplate,
  openTestDatabase,
  postgresUnavailable,
} from '@mamoru/db/testing';
import { audit, exportArchive, importArchive, systemActor, type AuditEntry } from '@mamoru/domain';
import {
  GOLDEN_ARCHIVE,
  tableCounts,
} from '../../../../packages/domain/src/archive/testing/small-org.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SLOW = 600_000;

let dir: string;
let big: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mamoru-org-kill-'));
  big = join(dir, 'big.zip');
  // The golden organization with 30 000 more audit events: an import that lasts seconds.
  const database = await openTestDatabase('pglite');
  try {
    await importArchive(database.db, GOLDEN_ARCHIVE);
    const [org] = (await database.executeSql('select id from organizations')).rows as {
      id: string;
    }[];
    const ctx = { actor: systemActor(org!.id), requestId: null };
    for (let batch = 0; batch < 30; batch += 1) {
      const entries: AuditEntry[] = Array.from({ length: 1000 }, (_, i) => ({
        action: 'org_unit.updated',
        entityType: 'org_unit',
        entityId: `unit-${batch}-${i}`,
        after: { note: `change ${batch * 1000 + i}`, padding: 'x'.repeat(200) },
      })) as AuditEntry[];
      await database.db.transaction((tx) => audit.recordAudit(tx, ctx, entries));
    }
    await exportArchive(database.db, big);
  } finally {
    await database.close();
  }
}, SLOW);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Child {
  /** Resolves at the child's first progress line: its transaction is open. */
  started: Promise<number>;
  exit: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    lastProgress: number;
  }>;
  kill(): void;
}

function spawnChild(args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let markStarted: (at: number) => void = () => undefined;
  let lastProgress = 0;
  const started = new Promise<number>((resolve) => (markStarted = resolve));
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (/tables\//.test(stderr)) markStarted(performance.now());
    lastProgress = performance.now();
  });
  const exit: Child['exit'] = new Promise((resolve) =>
    child.on('exit', (code, signal) =>
      resolve({ code, signal, stdout: stdout + stderr, lastProgress }),
    ),
  );
  void exit.then(() => markStarted(-1));
  return { started, exit, kill: () => child.kill('SIGKILL') };
}

/**
 * Runs to the end; the window to kill in: from its first progress line to its
 * last (the checks before the commit still follow, inside the transaction).
 */
async function measure(args: string[], env: Record<string, string>): Promise<number> {
  const child = spawnChild(args, env);
  const started = await child.started;
  const result = await child.exit;
  expect(result.code, result.stdout).toBe(0);
  return result.lastProgress - started;
}

/** Kills the child at a random moment of the window; true when it had not finished. */
async function killAtRandom(
  label: string,
  args: string[],
  env: Record<string, string>,
  window: number,
): Promise<boolean> {
  const seed = Date.now() % 100_000;
  const delay = Math.round((((seed * 7919) % 1000) / 1000) * window);
  const child = spawnChild(args, env);
  expect(await child.started).toBeGreaterThan(0);
  await new Promise((resolve) => setTimeout(resolve, delay));
  child.kill();
  const result = await child.exit;
  const mid = result.signal === 'SIGKILL' && !/imported|copied/.test(result.stdout);
  console.log(
    `[${label}] seed ${seed}: SIGKILL ${delay} ms after the first progress line of a ${Math.round(window)} ms import: ${mid ? 'mid-transaction' : 'after it finished'}`,
  );
  return mid;
}

describeEachDatabase('mamoru org import killed at a random point', (ctx) => {
  const main = join(ROOT, 'apps/cli/src/main.ts');
  let envOf: (name: string) => Promise<Record<string, string>>;
  let withTarget: <T>(work: (db: Db) => Promise<T>) => Promise<T>;
  let countsOf: (env: Record<string, string>) => Promise<Record<string, number>>;
  const extra: (Database & { url: string })[] = [];
  beforeAll(() => {
    if (ctx.kind === 'postgres') {
      const url = (ctx.database as Database & { url: string }).url;
      envOf = async (name) => {
        if (name === 'target') return { DATABASE_URL: url };
        const other = (await openTestDatabase('postgres')) as Database & { url: string };
        extra.push(other);
        return { DATABASE_URL: other.url };
      };
      withTarget = (work) => work(ctx.database.db);
      countsOf = (env) => tableCounts(extra.find((d) => d.url === env.DATABASE_URL)!.db);
    } else {
      envOf = async (name) => {
        await fillDataDirFromTemplate(join(dir, name));
        return { DATABASE_URL: '', MAMORU_DATA_DIR: join(dir, name) };
      };
      const withFolder = async <T>(folder: string, work: (db: Db) => Promise<T>) => {
        const database = await openDatabase({ dataDir: folder, pgliteThread: 'inline' });
        try {
          return await work(database.db);
        } finally {
          await database.close();
        }
      };
      withTarget = (work) => withFolder(join(dir, 'target'), work);
      countsOf = (env) => withFolder(env.MAMORU_DATA_DIR!, tableCounts);
    }
  });
  afterAll(async () => {
    for (const d of extra) await d.close();
  });

  it(
    'leaves the target unchanged, and a second import then succeeds',
    async () => {
      const args = [main, 'org', 'import', big];
      const scratch = await envOf('scratch');
      const window = await measure(args, scratch);
      const complete = await countsOf(scratch);
      const env = await envOf('target');
      const before = await withTarget(tableCounts);
      await killAtRandom(`import ${ctx.kind}`, args, env, window);
      const after = await withTarget(tableCounts);
      // All or nothing: as before, or (a kill after the commit) the whole import.
      if (JSON.stringify(after) === JSON.stringify(complete)) return;
      expect(after).toEqual(before);
      const done = spawnChild(args, env);
      expect((await done.exit).code).toBe(0);
      expect(await withTarget(tableCounts)).toEqual(complete);
    },
    SLOW,
  );
});

describe('copyDatabase from PGlite to PostgreSQL killed at a random point', () => {
  it(
    'leaves the PostgreSQL database unchanged, and a second copy then succeeds',
    async (test) => {
      if (await postgresUnavailable()) test.skip();
      const source = join(dir, 'copy-source');
      await fillDataDirFromTemplate(source);
      const database = await openDatabase({ dataDir: source, pgliteThread: 'inline' });
      await importArchive(database.db, big);
      await database.close();
      const child = join(ROOT, 'packages/domain/src/archive/testing/copy-child.ts');
      const scratch = (await openTestDatabase('postgres')) as Database & { url: string };
      const target = (await openTestDatabase('postgres')) as Database & { url: string };
      try {
        const window = await measure([child, source, scratch.url], {});
        const before = await tableCounts(target.db);
        await killAtRandom('copy pglite → postgres', [child, source, target.url], {}, window);
        expect(await tableCounts(target.db)).toEqual(before);
        const done = spawnChild([child, source, target.url], {});
        const result = await done.exit;
        expect(result.code, result.stdout).toBe(0);
        expect((await tableCounts(target.db)).organizations).toBe(1);
      } finally {
        await scratch.close();
        await target.close();
      }
    },
    SLOW,
  );
});
