import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '@mamoru/db';
import { openTestDatabase } from '@mamoru/db/testing';
import { insertJob } from '@mamoru/db/repositories/jobs';
import { insertOrganization } from '@mamoru/db/repositories/organizations';
import {
  freePort,
  postgresUnavailable,
  startServer,
  type ServerProcess,
} from '../testing/server-process.ts';

/**
 * Two real server processes (`mamoru serve`) on one PostgreSQL database, both
 * working background jobs: the sweep, scheduled every minute here, runs once
 * per tick, on one of them. The database is a dedicated one, dropped after.
 */

const SWEEP = 'jobs.sweep-interrupted';

function startWorker(databaseUrl: string, port: number) {
  return startServer(
    {
      DATABASE_URL: databaseUrl,
      MAMORU_JOBS_WORKERS: 'true',
      MAMORU_JOBS_POLL_SECONDS: '1',
      // Never due while the test runs, until the test sets the minute (see below).
      MAMORU_JOBS_SCHEDULES: `${SWEEP}=0 0 1 1 *`,
    },
    port,
  );
}

async function until(check: () => boolean, what: string, servers: ServerProcess[], ms: number) {
  const deadline = Date.now() + ms;
  const gone = new Set<ServerProcess>();
  for (const s of servers) void s.exited.then(() => gone.add(s));
  while (!check()) {
    if (Date.now() > deadline || gone.size > 0) {
      throw new Error(
        `timed out waiting for ${what}:\n${servers.map((s) => s.output()).join('\n---\n')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const unavailable = await postgresUnavailable();

(unavailable ? describe.skip : describe)('a scheduled job across two server instances', () => {
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

      servers.push(startWorker(database.url!, await freePort()));
      servers.push(startWorker(database.url!, await freePort()));
      const started = (s: ServerProcess) =>
        s.logs().some((l) => l.msg === 'background jobs started');
      await until(
        () => servers.every(started),
        'both instances to start their jobs',
        servers,
        90_000,
      );

      // The schedule (as stored, read by both at every check) becomes "daily at
      // this minute". pg-boss counts a tick due until a minute has passed since it
      // (shouldSendIt in its timekeeper), so from then on both instances find it
      // due at every check, each second, for the rest of the minute: it must give
      // exactly one run. The minute already running is used when at least 30 s of
      // it are left (the run and the 8 s watch below fit in them), else the next
      // one: waiting for a fresh minute kept a worker idle for ~35 s on average.
      const scheduledAt = Date.now();
      let tick = Math.floor(scheduledAt / 60_000) * 60_000;
      if (tick + 60_000 - scheduledAt < 30_000) tick += 60_000;
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
      const exits = await Promise.all(servers.map((s) => s.exited));
      expect(exits.map((e) => e.code)).toEqual([0, 0]);

      expect(runs()).toEqual([
        { instance: expect.any(Number), jobId: expect.any(String), time: expect.any(Number) },
      ]);
      // Not before the tick, nor before the schedule named it (the start-up schedule never is due).
      expect(runs()[0]!.time).toBeGreaterThanOrEqual(Math.max(tick, scheduledAt));
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
