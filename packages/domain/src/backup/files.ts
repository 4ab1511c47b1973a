import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** A backup's file name: `mamoru-backup-20261207T180000Z.zip` (UTC, to the second). */
const NAME = /^mamoru-backup-(\d{8}T\d{6}Z)\.zip$/;
/** What a killed export left behind (the engine writes `${file}.partial`, then renames). */
const PARTIAL = /^mamoru-backup-\d{8}T\d{6}Z\.zip\.partial$/;
/** A partial file this old belongs to no export still running. */
const PARTIAL_STALE_MS = 24 * 3600 * 1000;

export interface BackupFile {
  name: string;
  path: string;
  /** When the backup was taken, from its name. */
  takenAt: Date;
  bytes: number;
  modifiedAt: Date;
}

/** The file name of a backup taken at `now`; names sort as their times do. */
export function backupFileName(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `mamoru-backup-${stamp}.zip`;
}

function timeOfName(name: string): Date | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const s = match[1]!;
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? null : time;
}

/** The backups in `dir`, newest first; other files are not listed. A missing folder has none. */
export async function listBackups(dir: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: BackupFile[] = [];
  for (const name of names) {
    const takenAt = timeOfName(name);
    if (!takenAt) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) continue;
    found.push({ name, path, takenAt, bytes: info.size, modifiedAt: info.mtime });
  }
  return found.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/**
 * Keeps the newest `keep` backups and deletes the older ones, and removes
 * partial files of exports that died more than a day ago. Only names of the
 * backup pattern are ever touched: whatever else the folder holds stays.
 * Returns the names deleted.
 */
export async function rotateBackups(dir: string, keep: number, now = new Date()) {
  if (!Number.isInteger(keep) || keep < 1) throw new Error('keep must be a whole number ≥ 1');
  const deleted: string[] = [];
  for (const old of (await listBackups(dir)).slice(keep)) {
    await rm(old.path, { force: true });
    deleted.push(old.name);
  }
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!PARTIAL.test(name)) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info?.isFile() && now.getTime() - info.mtime.getTime() > PARTIAL_STALE_MS) {
      await rm(path, { force: true });
      deleted.push(name);
    }
  }
  return deleted;
}
