import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyDataTemplate } from './data-template.ts';
import { STRONG_PASSWORD } from './identity.ts';
import { repoRoot } from './paths.ts';

/** Runs the `mamoru` command on a PGlite data folder, as an operator would; output discarded. */
export function runCli(dataDir: string, args: string[], input?: string) {
  execFileSync(process.execPath, ['--import', 'tsx', 'apps/cli/src/main.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, MAMORU_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    input,
    stdio: ['pipe', 'ignore', 'inherit'],
  });
}

/**
 * A fresh data folder holding the sample company: the run's migrated template
 * (the CLI need not migrate again), a first administrator with STRONG_PASSWORD,
 * then `mamoru demo` (`--complete`: every requirement item met).
 */
export function demoDataFolder(options: {
  prefix: string;
  email: string;
  name: string;
  complete?: boolean;
}): string {
  const dataDir = mkdtempSync(join(tmpdir(), options.prefix));
  copyDataTemplate(dataDir);
  runCli(
    dataDir,
    [
      'admin',
      'create',
      '--organization',
      '守る株式会社',
      '--email',
      options.email,
      '--name',
      options.name,
      '--password-stdin',
    ],
    `${STRONG_PASSWORD}\n`,
  );
  runCli(dataDir, options.complete ? ['demo', '--complete'] : ['demo']);
  return dataDir;
}
