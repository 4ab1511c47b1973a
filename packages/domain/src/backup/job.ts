import { countOrganizations } from '@mamoru/db/repositories/organizations';
import type { ScheduledJob } from '../jobs/schedules.ts';
import { runBackup } from './run.ts';

export interface BackupSettings {
  /** MAMORU_BACKUP_DIR: where backups go; unset, no scheduled backup is written. */
  dir: string;
  /** MAMORU_BACKUP_KEEP: how many to keep. */
  keep: number;
}

export const BACKUP_JOB = 'backup.write';
/** 18:00 UTC, 03:00 in Japan; MAMORU_BACKUP_CRON replaces it. */
export const DEFAULT_BACKUP_CRON = '0 18 * * *';

let settings: BackupSettings | null = null;

/**
 * Set once at start from the server's configuration (as mail is): a scheduled
 * job is a fixed entry of the list, so what it needs from the environment
 * comes through here. null: scheduled backups are off.
 */
export function configureBackups(value: BackupSettings | null) {
  settings = value;
}

export function backupSettings(): BackupSettings | null {
  return settings;
}

/**
 * The scheduled whole-instance backup. One run per tick across instances
 * (the schedule contract), so every instance must name the same folder (a
 * shared one when they run on several machines). A retried run writes a new
 * complete backup under its own time and the rotation trims the folder back
 * to `keep`: running it again changes nothing but which backups are newest.
 */
export const backupJob: ScheduledJob = {
  name: BACKUP_JOB,
  cron: DEFAULT_BACKUP_CRON,
  async run({ db, now, log }) {
    const current = settings;
    if (!current) {
      log.debug({}, 'MAMORU_BACKUP_DIR is not set on this instance: no backup');
      return;
    }
    // A fresh instance (no set-up yet) has nothing to keep: not a failure to retry daily.
    if ((await countOrganizations(db)) === 0) {
      log.info({ dir: current.dir }, 'no organization yet: no backup');
      return;
    }
    try {
      const result = await runBackup(db, { ...current, now });
      log.info(result, 'backup written');
    } catch (err) {
      log.error({ err, dir: current.dir }, 'backup failed');
      throw err;
    }
  },
};
