import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach } from 'vitest';
// As databases.ts decides (importing it fails in CI without the PostgreSQL test server).
export { postgresUnavailable } from '@mamoru/db/testing';

/**
 * The real CLI (`mamoru serve`) as a child process on a real port, for the
 * process-level tests (serve.test.ts, cluster.test.ts, jobs/instances.test.ts).
 * Importing this module registers the cleanup hooks of the importing test file.
 */

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const SHUTDOWN_TIMEOUT_MS = 5_000;

export interface LogLine {
  level: number;
  time: number;
  msg: string;
  [key: string]: unknown;
}

export interface ServerProcess {
  port: number;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** The JSON log lines so far. */
  logs(): LogLine[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): void;
}

const started: ServerProcess[] = [];
const tempDirs: string[] = [];

export function tempDir(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** A port nobody listens on right now (the OS picks it, then we release it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export function startServer(env: Record<string, string>, port: number): ServerProcess {
  const { DATABASE_URL: _inherited, ...parentEnv } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/cli/src/main.ts', 'serve'], {
    cwd: repoRoot,
    env: {
      ...parentEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      // A folder without index.html: these tests are about the API server.
      MAMORU_WEB_DIST: join(tempDir('mamoru-web-'), 'dist'),
      MAMORU_SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const server: ServerProcess = {
    port,
    output: () => output,
    // Complete lines only: the last one may still be arriving.
    logs: () =>
      output
        .split('\n')
        .slice(0, -1)
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as LogLine),
    exited,
    kill: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
  started.push(server);
  return server;
}

/** Resolves once the server logs that it listens; fails fast if it exits first. */
// Generous: a fresh embedded database migrates first, slow on a loaded 2-core CI machine.
export async function listening(server: ServerProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void server.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (server.logs().some((l) => String(l.msg).startsWith('Server listening at'))) return;
    if (exited) throw new Error(`server exited before listening:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not listen within ${timeoutMs} ms:\n${server.output()}`);
}

export async function get(server: ServerProcess, path: string) {
  const res = await fetch(`http://127.0.0.1:${server.port}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} after ${ms} ms`)), ms),
    ),
  ]);
}

afterEach(async () => {
  for (const server of started.splice(0)) {
    server.kill('SIGKILL');
    await server.exited;
  }
});

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
