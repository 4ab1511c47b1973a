import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './paths.ts';

/**
 * Every browser test file starts its own server on a fresh PGlite data folder.
 * Migrating it and loading the shipped catalogs took most of a server's start
 * (tens of seconds on a busy 2-core machine), the same work for every file; the
 * global setup does it once with `mamoru migrate` (what an operator runs) and
 * each server starts from a copy of that folder, as a server does after its
 * first start. Outside the configured run (no template) servers migrate afresh.
 */
export const DATA_TEMPLATE_ENV = 'MAMORU_E2E_DATA_TEMPLATE';

/**
 * Migrates a data folder once for the run; resolves to the teardown that removes it.
 * Asynchronous, so that the global setup builds the web app meanwhile.
 */
export async function prepareDataTemplate() {
  const dir = mkdtempSync(join(tmpdir(), 'mamoru-e2e-template-'));
  try {
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'apps/cli/src/main.ts', 'migrate'],
      {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: '', MAMORU_DATA_DIR: dir, LOG_LEVEL: 'warn' },
        encoding: 'utf8',
      },
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `mamoru migrate for the browser tests failed:\n${stdout ?? ''}\n${stderr ?? String(error)}`,
    );
  }
  process.env[DATA_TEMPLATE_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}

/** Fills an empty data folder with this run's migrated template; false when there is none. */
export function copyDataTemplate(dataDir: string): boolean {
  const template = process.env[DATA_TEMPLATE_ENV];
  if (!template || !existsSync(template)) return false;
  cpSync(template, dataDir, { recursive: true });
  return true;
}
