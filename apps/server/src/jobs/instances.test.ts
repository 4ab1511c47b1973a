import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '@mamoru/db';
import { openTestDatabase, TEST_POSTGRES_URL } from '@mamoru/db/testing';
import { insertJob } from '@mamoru/db/repositories/jobs';
import { insertOrganization } from '@mamoru/db/repositories/organizations';

/**
 * Two real server processes (`mamoru serve`) on one PostgreSQL database, both
 * working background jobs: the sweep, scheduled every minute here, runs once
 * per tick, on one of them. The database is a dedicated one, dropped after.
 */

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const SWEEP = 'jobs.sweep-interrupted';
const webDist = mkdtempSync(join(tmpdir(), 'mamoru-web-'));

interface LogLine {
  level: number;
  time: number;
  msg: string;
  [key: string]: unknown;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function startServer(databaseUrl: string, port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/cli/src/main.ts', 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      MAMORU_WEB_DIST: join(webDist, 'dist'),
      MAMORU_SHUTDOWN_TIMEOUT_MS: '5000',
      MAMORU_JOBS_WORKERS: 'true',
      MAMORU_JOBS_POLL_SECONDS: '1',
      // Never due while the test runs, until the test sets the minute (see below).
      MAMORU_JOBS_SCHEDULES: `${SWEEP}=0 0 1 1 *`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  let gone = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      gone = true;
      resolve(code);
    }),
  );
  return {
    gone: () => gone,
    output: () => output,
    logs: () =>
      output
        .split('\n')
        .slice(0, -1)
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as LogLine),
    exited,
    kill: (signal: NodeJS.Signals) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
type ServerProcess = ReturnType<typeof startServer>;

async function until(check: () => boolean, what: string, servers: ServerProcess[], ms: number) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline || servers.some((s) => s.gone())) {
      throw new Error(
        `timed out waiting for ${what}:\n${servers.map((s) => s.output()).join('\n---\n')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const postgres = await (async () => {
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    connectionString: TEST_POSTGRES_URL,
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
})();

afterAll(() => rmSync(webDist, { recursive: true, force: true }));

(postgres ? describe : describe.skip)('a scheduled job across two server instances', () => {
  it('runs once per tick on one instance, and its work is done', async () => {
    const database = await openTestDatabase('postgres');
    const servers: ServerProcess[] = [];
    try {
      // Work for the sweep: a running import whose instance died an hour ago.
      const org = await insertOrganization(database.db, {
        name: 'Two Instances',
        defaultLocale: 'en',
      });
      const job = await insertJob(database.db, {
        organizationId: org.id,
        kind: 'asset_import',
        createdBy: null,
        status: 'running',
      });
      await database.db.execute(
        sql`update jobs set heartbeat_at = now() - interval '1 hour' where id = ${job.id}`,
      );

      servers.push(startServer(database.url!, await freePort()));
      servers.push(startServer(database.url!, await freePort()));
      const started = (s: ServerProcess) =>
        s.logs().some((l) => l.msg === 'background jobs started');
      await until(
        () => servers.every(started),
        'both instances to start their jobs',
        servers,
        90_000,
      );

      // The schedule (as stored, read by both at every check) becomes "daily at
      // the next minute". From then on both instances find the tick due at
      // every check, each second, for a minute: it must give exactly one run.
      let tick = Math.ceil(Date.now() / 60_000) * 60_000;
      if (tick - Date.now() < 3_000) tick += 60_000;
      const at = new Date(tick);
      await database.db.execute(
        sql`update pgboss.schedule set cron = ${`${at.getUTCMinutes()} ${at.getUTCHours()} * * *`} where name = ${SWEEP}`,
      );
      const runs = () =>
        servers.flatMap((s, instance) =>
          s
            .logs()
            .filter((l) => l.msg === 'background job done' && l.job === SWEEP)
            .map((l) => ({ instance, jobId: l.jobId, time: l.time })),
        );
      await until(() => runs().length > 0, 'the run', servers, 90_000);
      // Both instances keep checking the due tick and polling for a while.
      await new Promise((r) => setTimeout(r, 8_000));
      for (const s of servers) s.kill('SIGTERM');
      expect(await Promise.all(servers.map((s) => s.exited))).toEqual([0, 0]);

      expect(runs()).toEqual([
        { instance: expect.any(Number), jobId: expect.any(String), time: expect.any(Number) },
      ]);
      expect(runs()[0]!.time).toBeGreaterThanOrEqual(tick);
      expect(servers.flatMap((s) => s.logs()).filter((l) => l.level >= 50)).toEqual([]);

      const [swept] = await queryRows<{ status: string; error: string }>(
        database.db,
        sql`select status, error from jobs where id = ${job.id}`,
      );
      expect(swept).toEqual({ status: 'failed', error: 'job_interrupted' });
    } finally {
      for (const s of servers) s.kill('SIGKILL');
      await Promise.all(servers.map((s) => s.exited));
      await database.close();
    }
  }, 240_000);
});
