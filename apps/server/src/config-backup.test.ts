import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function messageOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig: scheduled backups', () => {
  it('are off by default, keep 14 and leave the cron to the job', () => {
    expect(loadConfig({}).backup).toEqual({ dir: undefined, keep: 14, cron: undefined });
  });

  it('take a folder (made absolute), a count and a five-field cron', () => {
    const config = loadConfig({
      MAMORU_BACKUP_DIR: 'backups',
      MAMORU_BACKUP_KEEP: '30',
      MAMORU_BACKUP_CRON: ' 30  17 * * 1-5 ',
    });
    expect(config.backup).toEqual({ dir: resolve('backups'), keep: 30, cron: '30 17 * * 1-5' });
  });

  it('refuse a keep under one', () => {
    for (const keep of ['0', '-1', '1.5', 'many']) {
      expect(messageOf({ MAMORU_BACKUP_KEEP: keep })).toMatch(/MAMORU_BACKUP_KEEP/);
    }
  });

  it('refuse a cron that is not five valid fields', () => {
    for (const cron of [
      'daily',
      '0 18 * *',
      '0 0 18 * * *',
      '61 * * * *',
      '0 25 * * *',
      '@daily',
    ]) {
      expect(messageOf({ MAMORU_BACKUP_CRON: cron }), cron).toMatch(
        /MAMORU_BACKUP_CRON: must be a cron of five fields/,
      );
    }
  });
});
