import pino from 'pino';
import { sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { queryRows } from '@mamoru/db';
import { enqueue, useJobQueue, type QueuedJob, type ScheduledJob } from '@mamoru/domain';
import { BackgroundJobs, type BackgroundJobsOptions } from './runner.ts';

const log = pino({ level: 'silent' });

/** Polls until check() holds; every wait here is for a worker's next poll (1 s). */
async function until(check: () => boolean | Promise<boolean>, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeEachDatabase('background jobs (pg-boss)', (ctx) => {
  const runners: BackgroundJobs[] = [];
  const runner = (options: Partial<BackgroundJobsOptions>) => {
    const jobs = new BackgroundJobs({
      database: ctx.database,
      log,
      scheduled: [],
      queued: [],
      workers: true,
      pollSeconds: 1,
      ...options,
    });
    runners.push(jobs);
    return jobs;
  };
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop(1_000);
    useJobQueue(ctx.database.db, undefined);
  });

  it('keeps a queued job over a restart and runs it with its data on the next start', async () => {
    const seen: unknown[] = [];
    const greet: QueuedJob<{ who: string }> = {
      name: 'test.greet',
      async run({ data, db, attempt }) {
        const [row] = await queryRows<{ n: number }>(db, sql`select 1 as n`);
        seen.push({ ...data, attempt, n: row?.n });
      },
    };
    // An instance that only enqueues (workers off), then goes away.
    const sender = runner({ queued: [greet], workers: false });
    useJobQueue(ctx.database.db, sender);
    const id = await enqueue(ctx.database.db, 'test.greet', { who: 'ada' });
    expect(id).toEqual(expect.any(String));
    await sender.stop(1_000);
    expect(seen).toEqual([]);

    runner({ queued: [greet] });
    await runners.at(-1)!.start();
    await until(() => seen.length > 0, 'the queued job');
    expect(seen).toEqual([{ who: 'ada', attempt: 1, n: 1 }]);
  }, 40_000);

  it('refuses a job name no handler is registered for', async () => {
    const jobs = runner({ workers: false });
    await expect(jobs.enqueue('test.nobody', {})).rejects.toThrow('no queued job named');
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    const attempts: number[] = [];
    const flaky: QueuedJob = {
      name: 'test.flaky',
      retryLimit: 3,
      retryDelaySeconds: 1,
      async run({ attempt }) {
        attempts.push(attempt);
        if (attempt < 3) throw new Error(`attempt ${attempt} fails`);
      },
    };
    const jobs = runner({ queued: [flaky] });
    await jobs.start();
    const id = await jobs.enqueue('test.flaky', {});
    await until(() => attempts.length === 3, 'three attempts', 30_000);
    // pg-boss records the job as completed after two retries, with backoff on.
    const [row] = await queryRows<{ state: string; retry_count: number; retry_backoff: boolean }>(
      ctx.database.db,
      sql`select state, retry_count, retry_backoff from pgboss.job where id = ${id}::uuid`,
    );
    await until(async () => {
      const [r] = await queryRows<{ state: string }>(
        ctx.database.db,
        sql`select state from pgboss.job where id = ${id}::uuid`,
      );
      return r?.state === 'completed';
    }, 'completion');
    expect(attempts).toEqual([1, 2, 3]);
    expect(row).toMatchObject({ retry_count: 2, retry_backoff: true });
  }, 40_000);

  it('keeps the schedules to the listed jobs and runs a due one', async () => {
    const runs: Date[] = [];
    const tick: ScheduledJob = {
      name: 'test.tick',
      cron: '0 3 1 1 *',
      async run({ now, db }) {
        await queryRows(db, sql`select 1`);
        runs.push(now);
      },
    };
    // A schedule left by an earlier version of the product, no longer listed.
    const old = runner({ scheduled: [{ ...tick, name: 'test.gone' }], workers: true });
    await old.start();
    await old.stop(1_000);

    // Every minute instead of once a year: the cron of a listed job can be overridden.
    const jobs = runner({ scheduled: [tick], cronOverrides: { 'test.tick': '* * * * *' } });
    await jobs.start();
    const schedules = await queryRows<{ name: string; cron: string }>(
      ctx.database.db,
      sql`select name, cron from pgboss.schedule order by name`,
    );
    expect(schedules).toEqual([{ name: 'test.tick', cron: '* * * * *' }]);
    await until(() => runs.length > 0, 'the scheduled run');
    expect(runs[0]).toBeInstanceOf(Date);
  }, 40_000);

  it('refuses to start with an override for a job that is not listed', async () => {
    expect(() => runner({ cronOverrides: { 'test.nothing': '* * * * *' } })).toThrow(
      'no scheduled job named test.nothing',
    );
  });
});
