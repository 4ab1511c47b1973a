export { backupFileName, listBackups, rotateBackups, type BackupFile } from './files.ts';
export { runBackup, type BackupOptions, type BackupResult } from './run.ts';
export {
  BACKUP_JOB,
  DEFAULT_BACKUP_CRON,
  backupJob,
  backupSettings,
  configureBackups,
  type BackupSettings,
} from './job.ts';
