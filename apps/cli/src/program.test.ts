import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAMORU_VERSION } from '@mamoru/server';
import { run } from './program.ts';
import { captureOutput } from './testing/output.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

let io: ReturnType<typeof captureOutput>;
beforeEach(() => {
  io = captureOutput();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('mamoru CLI', () => {
  it('prints the version and returns 0', async () => {
    expect(await run(['--version'])).toBe(0);
    expect(io.stdout()).toBe(`${MAMORU_VERSION}\n`);
    expect(io.stderr()).toBe('');
  });

  it('lists serve and migrate in --help and returns 0', async () => {
    expect(await run(['--help'])).toBe(0);
    expect(io.stdout()).toMatch(/^Usage: mamoru /);
    expect(io.stdout()).toMatch(/^\s+serve\b.*start the web server/m);
    expect(io.stdout()).toMatch(/^\s+migrate\b.*apply pending database migrations/m);
    expect(io.stderr()).toBe('');
  });

  it('returns 0 for `help` but 2 for no command at all (usage error, help on stderr)', async () => {
    expect(await run(['help'])).toBe(0);
    expect(io.stdout()).toContain('migrate');
    expect(await run([])).toBe(2);
    expect(io.stderr()).toMatch(/^Usage: mamoru /);
  });

  it('returns 2 for an unknown command with a clear message on stderr', async () => {
    expect(await run(['nope'])).toBe(2);
    expect(io.stderr()).toContain("error: unknown command 'nope'");
    expect(io.stderr()).toContain('mamoru --help');
    expect(io.stdout()).toBe('');
  });

  it('returns 2 for an unknown option', async () => {
    expect(await run(['migrate', '--bogus'])).toBe(2);
    expect(io.stderr()).toContain("error: unknown option '--bogus'");
  });

  it('returns 1 with the variable named when the configuration is invalid', async () => {
    vi.stubEnv('MAMORU_DB_POOL_MAX', '0');
    expect(await run(['migrate'])).toBe(1);
    expect(io.stderr()).toMatch(/Invalid configuration:\s+MAMORU_DB_POOL_MAX: /);
  });

  it('returns 1 when the database cannot be reached', async () => {
    vi.stubEnv('DATABASE_URL', 'postgres://postgres@127.0.0.1:1/none');
    expect(await run(['migrate'])).toBe(1);
    expect(io.stderr()).toMatch(/ECONNREFUSED|connect/);
  });
});

describe('mamoru migrate on a PGlite data folder', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mamoru-cli-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies the migrations once; a second run applies none', async () => {
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('MAMORU_DATA_DIR', dataDir);
    expect(await run(['migrate'])).toBe(0);
    const first = /^pglite:(.+): (\d+) migration\(s\) applied, (\d+) in total$/m.exec(io.stdout());
    expect(first, io.stdout()).not.toBeNull();
    const [, label, applied, total] = first ?? [];
    expect(label).toBe(dataDir);
    expect(Number(total)).toBeGreaterThan(0);
    expect(applied).toBe(total);

    expect(await run(['migrate'])).toBe(0);
    expect(io.stdout()).toContain(`pglite:${dataDir}: 0 migration(s) applied, ${total} in total`);
    expect(io.stderr()).toBe('');
  }, 60_000);
});

describe('the mamoru process', () => {
  it('exits with code 2 and a message on stderr for an unknown command', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'apps/cli/src/main.ts', 'nope'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("error: unknown command 'nope'");
    expect(result.stdout).toBe('');
  });

  it('exits with code 0 and the version for --version', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'apps/cli/src/main.ts', '--version'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(MAMORU_VERSION);
  });
});
