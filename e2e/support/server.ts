import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { copyDataTemplate } from './data-template.ts';
import { repoRoot } from './paths.ts';

export interface StartServerOptions {
  /** Extra or overriding environment variables (e.g. DATABASE_URL, MAMORU_SESSION_IDLE_MINUTES). */
  env?: Record<string, string | undefined>;
  /** Milliseconds to wait for /healthz. */
  timeoutMs?: number;
}

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** The fresh data folder (PGlite lives here unless DATABASE_URL is given); removed on stop. */
  dataDir: string;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/** A port the OS says is free right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess) {
  return child.exitCode !== null || child.signalCode !== null;
}

async function waitForExit(child: ChildProcess, timeoutMs: number) {
  if (exited(child)) return true;
  return Promise.race([
    new Promise<boolean>((resolve) => child.once('exit', () => resolve(true))),
    sleep(timeoutMs).then(() => false),
  ]);
}

/**
 * Starts the real server (`node --import tsx apps/cli/src/main.ts serve`) on a
 * free port with a fresh MAMORU_DATA_DIR, and resolves once /healthz answers.
 * The fresh folder is a copy of the run's migrated template (data-template.ts)
 * unless the caller brings its own data folder or database.
 * DATABASE_URL from the caller's environment is not inherited: pass it in
 * `env` to run against PostgreSQL.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'mamoru-e2e-'));
  if (!options.env?.MAMORU_DATA_DIR && !options.env?.DATABASE_URL) copyDataTemplate(dataDir);
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: undefined,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    MAMORU_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];

  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/cli/src/main.ts', 'serve'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!exited(child)) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exited(child)) {
      await stop();
      throw new Error(
        `the server exited (code ${child.exitCode}) before it was healthy:\n${output}`,
      );
    }
    const healthy = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { url, port, dataDir, output: () => output, stop };
    await sleep(100);
  }
  await stop();
  throw new Error(
    `the server did not answer /healthz within ${options.timeoutMs ?? 60_000} ms:\n${output}`,
  );
}
