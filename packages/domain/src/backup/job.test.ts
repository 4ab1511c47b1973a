import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { setupOrganization } from '../identity/setup.ts';
import { verifyArchive } from '../archive/index.ts';
import { backupFileName } from './files.ts';
import { BACKUP_JOB, backupJob, configureBackups } from './job.ts';
import { scheduledJobs } from '../jobs/schedules.ts';

const entries: { level: string; obj: object; msg?: string }[] = [];
const log = Object.fromEntries(
  (['info', 'warn', 'error', 'debug'] as const).map((level) => [
    level,
    (obj: object, msg?: string) => void entries.push({ level, obj, msg }),
  ]),
) as unknown as Parameters<typeof backupJob.run>[0]['log'];

afterEach(() => {
  configureBackups(null);
  entries.length = 0;
});

it('is one entry of the schedule list, daily at 18:00 UTC (03:00 in Japan)', () => {
  expect(scheduledJobs.filter((j) => j.name === BACKUP_JOB)).toEqual([backupJob]);
  expect(backupJob.cron).toBe('0 18 * * *');
});

describeEachDatabase('the scheduled backup', (ctx) => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mamoru-backup-job-'));
    await setupOrganization(
      ctx.database.db,
      {
        organizationName: 'Backup Co',
        displayName: 'Admin',
        email: 'admin@backup.example',
        password: 'Sakura-Tsuki-Kaze-Passphrase-9',
        locale: 'en',
      },
      null,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes nothing and fails nothing without a folder', async () => {
    await backupJob.run({ db: ctx.database.db, now: new Date(), log });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes a whole-instance archive that verifies, then keeps only the newest', async () => {
    writeFileSync(join(dir, 'README.txt'), 'not a backup');
    configureBackups({ dir, keep: 2 });
    const times = [1, 2, 3].map((d) => new Date(Date.UTC(2026, 11, d, 18, 0, 0)));
    for (const now of times) await backupJob.run({ db: ctx.database.db, now, log });
    const names = times.map(backupFileName);
    expect(readdirSync(dir).sort()).toEqual(['README.txt', names[1], names[2]].sort());
    const done = entries.filter((e) => e.msg === 'backup written');
    expect(done).toHaveLength(3);
    expect(done[0]!.obj).toMatchObject({ organizations: 1, deleted: [] });
    expect(done[2]!.obj).toMatchObject({ deleted: [names[0]] });
    const result = await verifyArchive(join(dir, names[2]!));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.manifest?.organizations.map((o) => o.name)).toEqual(['Backup Co']);
    expect(result.manifest?.exportedAt).toBe(times[2]!.toISOString());
  });

  it('logs a failure and throws (the runner retries), rotating nothing', async () => {
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, 'x');
    configureBackups({ dir: join(blocked, 'sub'), keep: 1 });
    await expect(backupJob.run({ db: ctx.database.db, now: new Date(), log })).rejects.toThrow();
    expect(entries.some((e) => e.level === 'error' && e.msg === 'backup failed')).toBe(true);
    expect(existsSync(join(dir, backupFileName(new Date(Date.UTC(2026, 11, 3, 18)))))).toBe(true);
  });
});
