import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { migrationsApplied } from '@mamoru/db';
import { backup, verifyArchive } from '@mamoru/domain';
import { loadConfig } from '@mamoru/server';
import { withDatabase } from './database.ts';

function whole(value: string) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return n;
}

/** 1536 → "1.5 KiB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** --dir, else MAMORU_BACKUP_DIR. */
function folderOf(dir: string | undefined): string {
  if (dir) return resolve(dir);
  const configured = loadConfig().backup.dir;
  if (!configured) throw new Error('no backup folder: pass --dir DIR or set MAMORU_BACKUP_DIR');
  return configured;
}

async function runNow(options: { dir?: string; keep?: number }) {
  const dir = folderOf(options.dir);
  const keep = options.keep ?? loadConfig().backup.keep;
  await withDatabase(async (database) => {
    if (!(await migrationsApplied(database.db))) {
      throw new Error(
        `${database.label}: the database is not (fully) migrated; run \`mamoru migrate\` first`,
      );
    }
    const result = await backup.runBackup(database.db, { dir, keep });
    console.log(
      `${database.label}: ${result.organizations} organization(s) backed up to ${result.file} ` +
        `(${formatBytes(result.bytes)} in ${(result.ms / 1000).toFixed(1)} s)`,
    );
    if (result.deleted.length > 0) {
      console.log(`removed ${result.deleted.length} older: ${result.deleted.join(', ')}`);
    }
  });
}

/** Prints what verifyArchive found; true when the archive is sound. */
async function verifyOne(file: string, quiet: boolean): Promise<boolean> {
  // A file that cannot even be read as an archive is one more problem, not a crash.
  type Verification = Awaited<ReturnType<typeof verifyArchive>>;
  const { ok, manifest, problems } = await verifyArchive(file).catch(
    (error: unknown): Verification => ({
      ok: false,
      manifest: null,
      problems: [
        { problem: 'unreadable', detail: error instanceof Error ? error.message : String(error) },
      ],
    }),
  );
  if (!quiet && manifest) {
    const names = manifest.organizations.map((o) => o.name).join(', ');
    console.log(
      `${file}: Mamoru ${manifest.mamoruVersion}, exported ${manifest.exportedAt}, ` +
        `${manifest.organizations.length} organization(s) (${names}), ${manifest.parts.length} parts`,
    );
  }
  for (const p of problems) {
    console.error(
      `${file}: ${p.part ? `${p.part}: ` : ''}${p.problem}${p.detail ? ` (${p.detail})` : ''}`,
    );
  }
  if (!quiet && ok) console.log(`${file}: every part, hash and audit chain checks out`);
  return ok && problems.length === 0;
}

async function list(options: { dir?: string; verify?: boolean }) {
  const dir = folderOf(options.dir);
  const files = await backup.listBackups(dir);
  if (files.length === 0) {
    console.log(`${dir}: no backups`);
    return;
  }
  let failed = 0;
  for (const f of files) {
    let verdict = '';
    if (options.verify) {
      const ok = await verifyOne(f.path, true);
      if (!ok) failed += 1;
      verdict = ok ? '  verified' : '  FAILS VERIFICATION';
    }
    console.log(
      `${f.name}  ${formatBytes(f.bytes).padStart(10)}  ${f.takenAt.toISOString()}${verdict}`,
    );
  }
  if (failed > 0) throw new Error(`${failed} of ${files.length} backup(s) fail verification`);
}

export function registerBackup(program: Command) {
  const cmd = program
    .command('backup')
    .description('whole-instance backups: run one now, list them, verify one');
  cmd
    .command('run')
    .description(
      'write a backup of every organization now to --dir (default MAMORU_BACKUP_DIR) as ' +
        'mamoru-backup-<UTC time>.zip, then keep the newest MAMORU_BACKUP_KEEP. On the embedded ' +
        'database stop the server first (its data folder is one process’s at a time); a running ' +
        'server writes its own backups on MAMORU_BACKUP_CRON',
    )
    .option('--dir <dir>', 'the backup folder (default: MAMORU_BACKUP_DIR)')
    .option('--keep <n>', 'backups to keep (default: MAMORU_BACKUP_KEEP, 14)', whole)
    .action(runNow);
  cmd
    .command('list')
    .description('the backups in the folder, newest first: name, size, time taken')
    .option('--dir <dir>', 'the backup folder (default: MAMORU_BACKUP_DIR)')
    .option('--verify', 'also verify each one; exit 1 when any fails')
    .action(list);
  cmd
    .command('verify')
    .description(
      'check an archive without importing it: every part’s SHA-256, the JSON lines, each ' +
        'organization’s audit chain and every evidence file’s hash; exit 1 on any problem',
    )
    .argument('<file>', 'a backup or `mamoru org export` archive')
    .action(async (file: string) => {
      if (!(await verifyOne(resolve(file), false))) {
        throw new Error(`${file} does not verify: do not restore from it`);
      }
    });
}
