import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Db } from '@mamoru/db';
import { exportArchive } from '../archive/index.ts';
import { backupFileName, rotateBackups } from './files.ts';

export interface BackupOptions {
  /** The folder backups go to (created when missing). */
  dir: string;
  /** How many backups to keep, newest first; older `mamoru-backup-*.zip` are deleted. */
  keep: number;
  now?: Date;
}

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  organizations: number;
  /** Names removed by the rotation. */
  deleted: string[];
}

/**
 * One whole-instance backup: every organization into one archive named after
 * the time, written under a `.partial` name and renamed when complete (the
 * engine's exportArchive), then the rotation. A failed export rotates
 * nothing, so a run of failures never deletes the backups that worked.
 */
export async function runBackup(db: Db, options: BackupOptions): Promise<BackupResult> {
  const now = options.now ?? new Date();
  const dir = resolve(options.dir);
  await mkdir(dir, { recursive: true });
  const file = join(dir, backupFileName(now));
  // Two runs in one second would write the same partial file: the second refuses.
  for (const taken of [file, `${file}.partial`]) {
    if (await stat(taken).catch(() => null)) throw new Error(`${taken} exists already`);
  }
  const started = Date.now();
  const manifest = await exportArchive(db, file, { now });
  const ms = Date.now() - started;
  const { size } = await stat(file);
  const deleted = await rotateBackups(dir, options.keep, now);
  return { file, bytes: size, ms, organizations: manifest.organizations.length, deleted };
}
