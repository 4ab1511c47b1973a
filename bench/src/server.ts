import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

/**
 * The server under test runs as its own process, started the way `npm start`
 * starts it, so its memory is measured apart from the bench's and PGlite (in
 * embedded mode) lives in the server process as it does in production.
 */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Running {
  child: ChildProcess;
  base: string;
  /** Server processes asked for (MAMORU_PROCESSES). */
  processes: number;
  /** Seconds from spawning to the first successful readiness probe. */
  startSeconds: number;
  /**
   * Highest resident set size so far, in MiB: the kernel's VmHWM of the process
   * and of every process below it (cluster workers), summed; `processes` counts them.
   */
  peakRss(): Promise<{ mib: number; processes: number }>;
  stop(): Promise<void>;
}

async function statusField(pid: number, field: 'VmHWM' | 'VmRSS'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** The pid and all its descendants, from /proc/<pid>/task/<tid>/children. */
export async function processTree(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const children: number[] = [];
  for (const task of tasks) {
    const text = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    children.push(...text.split(' ').filter(Boolean).map(Number));
  }
  const below = await Promise.all(children.map((child) => processTree(child)));
  return [pid, ...below.flat()];
}

async function treePeakRss(pid: number) {
  const pids = await processTree(pid);
  const peaks = await Promise.all(pids.map((p) => statusField(p, 'VmHWM')));
  const known = peaks.filter((v) => !Number.isNaN(v));
  return { mib: known.reduce((a, b) => a + b, 0), processes: known.length };
}

/**
 * BENCH_SERVER_NODE_ARGS: Node.js options for the servers under test, e.g.
 * "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile, or a heap setting to try.
 */
export function benchNodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(url)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`server not ready at ${url} within ${timeoutMs} ms`);
}

async function start(
  args: string[],
  env: NodeJS.ProcessEnv,
  readyPath: string,
  processes = 1,
  options: string[] = [],
): Promise<Running> {
  const port = await freePort();
  const began = performance.now();
  const child = spawn(
    process.execPath,
    [...benchNodeArgs(), ...options, '--import', 'tsx', ...args],
    {
      cwd: ROOT,
      env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitReady(`${base}${readyPath}`, child, 300_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const startSeconds = (performance.now() - began) / 1000;
  return {
    child,
    base,
    processes,
    startSeconds,
    peakRss: () => treePeakRss(child.pid!),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Mamoru as `npm start` runs it, on the bench database, with MAMORU_PROCESSES
 * server processes (a server without that setting ignores it and runs one).
 * `extra` adds settings (the SQL trace).
 */
export function startMamoru(
  target: { url?: string; dataDir?: string },
  logLevel: string,
  processes = 1,
  extra: NodeJS.ProcessEnv = {},
) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: logLevel,
    MAMORU_WEB_DIST: `${ROOT}apps/web/dist`,
    MAMORU_PROCESSES: String(processes),
    ...extra,
  };
  if (!extra.MAMORU_SQL_TRACE) delete env.MAMORU_SQL_TRACE;
  delete env.DATABASE_URL;
  if (target.url) env.DATABASE_URL = target.url;
  else env.MAMORU_DATA_DIR = target.dataDir;
  return start(['apps/cli/src/main.ts', 'serve'], env, '/readyz', processes, startOptions());
}

/** A bare Fastify process with one route returning a constant: the ceiling of this machine. */
export function startBare() {
  return start(['bench/src/bare-server.ts'], { ...process.env }, '/');
}

/**
 * The Node.js options of `npm start` (package.json's start script: `node <options>
 * --import tsx …`), so the server under test runs with the same heap settings.
 */
export function startOptions(script?: string): string[] {
  const start =
    script ??
    (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: { start: string } })
      .scripts.start;
  const words = start.trim().split(/\s+/);
  if (words[0] !== 'node') throw new Error(`npm start does not start node: ${start}`);
  const end = words.indexOf('--import');
  return end < 0 ? [] : words.slice(1, end);
}
