import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function configErrorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('has sensible defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: 'localhost',
      databaseUrl: undefined,
      dataDir: resolve('./data'),
      dbPoolMax: 10,
      embeddedSharedBuffers: '32MB',
      logLevel: 'info',
      bodyLimit: 1_048_576,
      shutdownTimeoutMs: 10_000,
      trustProxy: false,
      sessionIdleMinutes: 30,
      sessionMaxHours: 12,
      maxUploadBytes: 50 * 1024 * 1024,
      webDist: expect.stringMatching(/\/apps\/web\/dist$/),
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://u:p@db:5432/mamoru',
      MAMORU_DATA_DIR: '/var/lib/mamoru',
      MAMORU_DB_POOL_MAX: '20',
      MAMORU_EMBEDDED_SHARED_BUFFERS: '256MB',
      LOG_LEVEL: 'debug',
      MAMORU_BODY_LIMIT: '2048',
      MAMORU_SHUTDOWN_TIMEOUT_MS: '0',
      MAMORU_TRUST_PROXY: '1',
      MAMORU_SESSION_IDLE_MINUTES: '15',
      MAMORU_SESSION_MAX_HOURS: '8',
      MAMORU_WEB_DIST: '/srv/web',
      MAMORU_MAX_UPLOAD_BYTES: '4096',
      MAMORU_METRICS_TOKEN: 'a-metrics-token-of-24-chars',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgresql://u:p@db:5432/mamoru',
      dataDir: '/var/lib/mamoru',
      dbPoolMax: 20,
      embeddedSharedBuffers: '256MB',
      logLevel: 'debug',
      bodyLimit: 2048,
      shutdownTimeoutMs: 0,
      trustProxy: 1,
      sessionIdleMinutes: 15,
      sessionMaxHours: 8,
      webDist: '/srv/web',
      maxUploadBytes: 4096,
      metricsToken: 'a-metrics-token-of-24-chars',
    });
  });

  it('treats an empty variable as unset', () => {
    const config = loadConfig({
      PORT: '',
      DATABASE_URL: '',
      LOG_LEVEL: ' ',
      MAMORU_TRUST_PROXY: '',
    });
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      logLevel: 'info',
      trustProxy: false,
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['DATABASE_URL', 'mysql://db/mamoru'],
    ['DATABASE_URL', 'localhost:5432'],
    ['LOG_LEVEL', 'verbose'],
    ['MAMORU_DB_POOL_MAX', '0'],
    ['MAMORU_EMBEDDED_SHARED_BUFFERS', '32'],
    ['MAMORU_EMBEDDED_SHARED_BUFFERS', "32MB'; fsync = off"],
    ['MAMORU_BODY_LIMIT', '10'],
    ['MAMORU_TRUST_PROXY', 'yes'],
    ['MAMORU_METRICS_TOKEN', 'short'],
    ['MAMORU_TRUST_PROXY', 'true'],
    ['MAMORU_TRUST_PROXY', '10.0.0.1,not-an-address'],
    ['MAMORU_LOGIN_MAX_DELAY_SECONDS', '-1'],
  ])('rejects %s=%j with a ConfigError naming the variable', (name, value) => {
    const error = configErrorOf({ [name]: value });
    expect(error.name).toBe('ConfigError');
    expect(error.message).toMatch(new RegExp(`^\\s+${name}: `, 'm'));
    // Only the offending variable is named.
    const named = error.message.split('\n').filter((l) => /^\s+\w+: /.test(l));
    expect(named).toHaveLength(1);
  });

  it('reads MAMORU_TRUST_PROXY as a hop count or a list of addresses and ranges, never "trust all"', () => {
    expect(loadConfig({ MAMORU_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ MAMORU_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ MAMORU_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(
      loadConfig({ MAMORU_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,loopback' }).trustProxy,
    ).toEqual(['10.0.0.1', '192.168.0.0/16', 'loopback']);
    expect(configErrorOf({ MAMORU_TRUST_PROXY: 'true' }).message).toMatch(/hop/);
  });

  it('reads the background job settings', () => {
    expect(loadConfig({})).toMatchObject({ jobWorkers: true, jobPollSeconds: 5, jobSchedules: {} });
    const config = loadConfig({
      MAMORU_JOBS_WORKERS: 'false',
      MAMORU_JOBS_POLL_SECONDS: '1',
      MAMORU_JOBS_SCHEDULES: 'jobs.sweep-interrupted=*/10 * * * *; a.b = 0 0 * * 1',
    });
    expect(config).toMatchObject({
      jobWorkers: false,
      jobPollSeconds: 1,
      jobSchedules: { 'jobs.sweep-interrupted': '*/10 * * * *', 'a.b': '0 0 * * 1' },
    });
    expect(() => loadConfig({ MAMORU_JOBS_SCHEDULES: 'jobs.sweep-interrupted=daily' })).toThrow(
      /MAMORU_JOBS_SCHEDULES: "jobs.sweep-interrupted=daily" is not name=cron/,
    );
    expect(() => loadConfig({ MAMORU_JOBS_WORKERS: 'maybe' })).toThrow(/MAMORU_JOBS_WORKERS/);
  });

  it('names every invalid variable at once', () => {
    const error = configErrorOf({ PORT: 'x', DATABASE_URL: 'mysql://db' });
    expect(error.message).toMatch(/^\s+PORT: /m);
    expect(error.message).toMatch(/^\s+DATABASE_URL: must start with postgres:\/\//m);
  });

  it('never echoes a rejected DATABASE_URL (it may hold a password)', () => {
    const error = configErrorOf({ DATABASE_URL: 'mysql://admin:s3cret@db/mamoru' });
    expect(error.message).not.toContain('s3cret');
  });
});
