import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { enqueue, scheduledJobs } from '@mamoru/domain';
import { buildTestApp } from '../testing/app.ts';

const pgbossTables = (db: Parameters<typeof queryRows>[0]) =>
  queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from information_schema.tables where table_schema = 'pgboss'`,
  );

describeEachDatabase('background jobs in the app', (ctx) => {
  it('stay off in a test app unless the test asks for them', async () => {
    const app = await buildTestApp(ctx.database);
    try {
      expect(app.config.jobWorkers).toBe(false);
      // Nothing of pg-boss was created: the app never started it.
      expect(await pgbossTables(ctx.database.db)).toEqual([{ n: 0 }]);
      // The domain reaches this app's queue, which refuses names without a handler.
      await expect(enqueue(ctx.database.db, 'nobody.listens', {})).rejects.toThrow(
        'no queued job named nobody.listens',
      );
    } finally {
      await app.close();
    }
    await expect(enqueue(ctx.database.db, 'nobody.listens', {})).rejects.toThrow('no job queue');
  });

  it('start with the app when asked, keep the listed schedules, and stop with it', async () => {
    const app = await buildTestApp(ctx.database, { jobWorkers: true, jobPollSeconds: 1 });
    try {
      const schedules = await queryRows<{ name: string; cron: string }>(
        ctx.database.db,
        sql`select name, cron from pgboss.schedule order by name`,
      );
      expect(schedules).toEqual(
        scheduledJobs
          .map((j) => ({ name: j.name, cron: j.cron }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      );
    } finally {
      await app.close();
    }
  });
});
