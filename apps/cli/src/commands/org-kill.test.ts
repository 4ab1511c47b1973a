// Killing the process during an import or a copy leaves the target unchanged:
// a real child process, SIGKILL while its one transaction is open, at a random
// one of its progress lines (each says a part is done and the next one begun;
// all but the last come before the commit). A point found from the output needs
// no timing run first, which cost a whole import or copy per case.
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
/** The archive's table and file parts: the progress points of a complete run (refs print none). */
let parts: number;
/** Every table's row count in the database big was exported from: what an import makes. */
let complete: Record<string, number>;
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
    const manifest = await exportArchive(database.db, big);
    parts = manifest.parts.filter((p) => !p.path.startsWith('refs/')).length;
    complete = await tableCounts(database.db);
  } finally {
    await database.close();
  }
}, SLOW);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Child {
  /** Resolves at the child's n-th progress line, or -1 if it exits first. */
  progress(n: number): Promise<number>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>;
  kill(): void;
}

/** A progress line names its part first: `  tables/x: 3 rows` (org import), `tables/x 3` (copy). */
const PROGRESS = /^\s*((?:tables|files)\/[^\s:]+)/;

function spawnChild(args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let pending = '';
  // The copy reports each batch of a part; a new part name is the next point.
  const seen = new Set<string>();
  const waiting: { n: number; resolve: (at: number) => void }[] = [];
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    pending += d.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      const part = PROGRESS.exec(line)?.[1];
      if (part) seen.add(part);
    }
    for (const w of waiting.filter((w) => seen.size >= w.n)) w.resolve(performance.now());
  });
  const exit: Child['exit'] = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout: stdout + stderr })),
  );
  return {
    progress: (n) =>
      new Promise<number>((resolve) => {
        waiting.push({ n, resolve });
        void exit.then(() => resolve(-1));
      }),
    exit,
    kill: () => child.kill('SIGKILL'),
  };
}

/**
 * Kills the child at its k-th progress line, k drawn from 1 .. parts − 1 (the
 * last line follows the commit); true when it had not finished.
 */
async function killAtRandom(
  label: string,
  args: string[],
  env: Record<string, string>,
): Promise<boolean> {
  const seed = Date.now() % 100_000;
  const k = 1 + ((seed * 7919) % (parts - 1));
  const child = spawnChild(args, env);
  const at = await child.progress(k);
  expect(at, `no progress line ${k} of ${parts}`).toBeGreaterThan(0);
  child.kill();
  const result = await child.exit;
  const mid = result.signal === 'SIGKILL' && !/imported|copied/.test(result.stdout);
  console.log(
    `[${label}] seed ${seed}: SIGKILL at progress line ${k} of ${parts}: ${mid ? 'mid-transaction' : 'after it finished'}`,
  );
  return mid;
}

describeEachDatabase('mamoru org import killed at a random point', (ctx) => {
  const main = join(ROOT, 'apps/cli/src/main.ts');
  let env: Record<string, string>;
  let withTarget: <T>(work: (db: Db) => Promise<T>) => Promise<T>;
  beforeAll(async () => {
    if (ctx.kind === 'postgres') {
      env = { DATABASE_URL: (ctx.database as Database & { url: string }).url };
      withTarget = (work) => work(ctx.database.db);
    } else {
      const folder = join(dir, `target-${ctx.kind}`);
      await fillDataDirFromTemplate(folder);
      env = { DATABASE_URL: '', MAMORU_DATA_DIR: folder };
      withTarget = async (work) => {
        const database = await openDatabase({ dataDir: folder, pgliteThread: 'inline' });
        try {
          return await work(database.db);
        } finally {
          await database.close();
        }
      };
    }
  });

  it(
    'leaves the target unchanged, and a second import then succeeds',
    async () => {
      const args = [main, 'org', 'import', big];
      const before = await withTarget(tableCounts);
      await killAtRandom(`import ${ctx.kind}`, args, env);
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
      const target = (await openTestDatabase('postgres')) as Database & { url: string };
      try {
        const before = await tableCounts(target.db);
        await killAtRandom('copy pglite → postgres', [child, source, target.url], {});
        expect(await tableCounts(target.db)).toEqual(before);
        const done = spawnChild([child, source, target.url], {});
        const result = await done.exit;
        expect(result.code, result.stdout).toBe(0);
        expect((await tableCounts(target.db)).organizations).toBe(1);
      } finally {
        await target.close();
      }
    },
    SLOW,
  );
});
