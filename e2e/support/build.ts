import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, webDir, webDist } from './paths.ts';

/** Newest modification time of a file or, recursively, of a folder's files. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** What the built app depends on; the unit tests under src/ do not matter, but are cheap to include. */
const sources = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'postcss.config.cjs',
  'package.json',
];

export function webBuildIsStale(): boolean {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) return true;
  const builtAt = statSync(index).mtimeMs;
  return sources.some((source) => newestMtime(join(webDir, source)) > builtAt);
}

/**
 * Builds apps/web when dist/ is missing or older than its sources (set MAMORU_E2E_BUILD=always to force).
 * Asynchronous, so that the global setup migrates the data template meanwhile.
 */
export async function ensureWebBuilt() {
  if (process.env.MAMORU_E2E_BUILD !== 'always' && !webBuildIsStale()) return false;
  try {
    await promisify(execFile)('npm', ['run', 'build', '--workspace', '@mamoru/web'], {
      cwd: repoRoot,
      // Vitest sets NODE_ENV=test, and Vite keeps a NODE_ENV it finds: without this the
      // browser tests would run React's development build, not what users get.
      env: { ...process.env, NODE_ENV: 'production' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`building the web app failed:\n${stdout ?? ''}\n${stderr ?? String(error)}`);
  }
  return true;
}
