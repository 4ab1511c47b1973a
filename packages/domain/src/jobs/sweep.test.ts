import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { insertJob } from '@mamoru/db/repositories/jobs';
import { insertOrganization } from '@mamoru/db/repositories/organizations';
import { STALE_AFTER_MS } from './service.ts';
import { sweepInterruptedJobs } from './sweep.ts';

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

describeEachDatabase('the sweep of jobs whose instance stopped', (ctx) => {
  it('fails open jobs without a heartbeat as job_interrupted and leaves the rest', async () => {
    const { db } = ctx.database;
    const org = await insertOrganization(db, { name: 'Sweep Co', defaultLocale: 'en' });
    const job = async (status: string, heartbeatAgoMs: number) => {
      const row = await insertJob(db, {
        organizationId: org.id,
        kind: 'asset_import',
        createdBy: null,
        status,
      });
      const at = new Date(Date.now() - heartbeatAgoMs).toISOString();
      await db.execute(sql`update jobs set heartbeat_at = ${at}::timestamptz where id = ${row.id}`);
      return row.id;
    };
    const stale = STALE_AFTER_MS + 60_000;
    const ids = {
      staleRunning: await job('running', stale),
      staleQueued: await job('queued', stale),
      freshRunning: await job('running', 10_000),
      staleSucceeded: await job('succeeded', stale),
    };
    const warnings: object[] = [];
    await sweepInterruptedJobs.run({
      db,
      now: new Date(),
      log: { ...quiet, warn: (obj: object) => warnings.push(obj) },
    });
    const rows = await queryRows<{
      id: string;
      status: string;
      error: string | null;
      finished: boolean;
    }>(
      db,
      sql`select id, status, error, finished_at is not null as finished from jobs where organization_id = ${org.id}`,
    );
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    const interrupted = { status: 'failed', error: 'job_interrupted', finished: true };
    expect(byId[ids.staleRunning]).toMatchObject(interrupted);
    expect(byId[ids.staleQueued]).toMatchObject(interrupted);
    expect(byId[ids.freshRunning]).toMatchObject({
      status: 'running',
      error: null,
      finished: false,
    });
    expect(byId[ids.staleSucceeded]).toMatchObject({ status: 'succeeded', error: null });
    expect(warnings).toHaveLength(1);

    // Nothing left to sweep: a second run changes nothing and says nothing.
    await sweepInterruptedJobs.run({
      db,
      now: new Date(),
      log: { ...quiet, warn: (o: object) => warnings.push(o) },
    });
    expect(warnings).toHaveLength(1);
  });
});
