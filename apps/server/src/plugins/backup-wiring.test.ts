import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { backup } from '@mamoru/domain';
import { buildTestApp } from '../testing/app.ts';

const TOKEN = 'backup-metrics-token-0123456789';

describeEachDatabase('scheduled backups in the server', (ctx) => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mamoru-backup-wiring-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('take their folder, count and cron from the configuration', async () => {
    const app = await buildTestApp(ctx.database, {
      jobWorkers: true,
      jobPollSeconds: 1,
      backup: { dir, keep: 3, cron: '*/7 * * * *' },
    });
    try {
      expect(backup.backupSettings()).toEqual({ dir, keep: 3 });
      const rows = await queryRows<{ cron: string }>(
        ctx.database.db,
        sql`select cron from pgboss.schedule where name = ${backup.BACKUP_JOB}`,
      );
      expect(rows).toEqual([{ cron: '*/7 * * * *' }]);
    } finally {
      await app.close();
    }
    expect(backup.backupSettings()).toBeNull();
  });

  it('show the newest backup in /metrics', async () => {
    writeFileSync(join(dir, 'mamoru-backup-20261205T180000Z.zip'), 'x'.repeat(10));
    writeFileSync(join(dir, 'mamoru-backup-20261206T180000Z.zip'), 'x'.repeat(42));
    writeFileSync(join(dir, 'other.zip'), 'x'.repeat(99));
    const app = await buildTestApp(ctx.database, {
      metricsToken: TOKEN,
      backup: { dir, keep: 14, cron: undefined },
    });
    try {
      const res = await app.inject({
        url: '/metrics',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.statusCode).toBe(200);
      const taken = Date.UTC(2026, 11, 6, 18) / 1000;
      expect(res.body).toMatch(new RegExp(`^mamoru_backup_last_timestamp_seconds ${taken}$`, 'm'));
      expect(res.body).toMatch(/^mamoru_backup_last_size_bytes 42$/m);
      expect(res.body).toMatch(/^mamoru_backup_files 2$/m);
    } finally {
      await app.close();
    }
  });
});
