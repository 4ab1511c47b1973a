import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePgbenchOutput, parseTrace, pgbenchScript } from './pgbench-script.ts';
import { startMamoru } from './server.ts';

/**
 * The physical floor of a list request: the statements one request sends,
 * captured from the running code (MAMORU_SQL_TRACE), replayed by pgbench alone
 * at the same concurrency. What the server adds on top (HTTP, auth, encoding)
 * is the distance from this floor.
 */

export interface Traced {
  id: string;
  /** The pgbench script, or why there is none. */
  script?: string;
  statements?: number;
  error?: string;
}

async function fileSize(path: string) {
  return stat(path)
    .then((s) => s.size)
    .catch(() => 0);
}

/**
 * Starts the server once with the trace on (background job workers off, so only
 * requests send SQL), sends each path twice (the first warms caches), and turns
 * the second request's statements into a pgbench script.
 */
export async function traceRequests(
  target: { url?: string; dataDir?: string },
  logLevel: string,
  headers: Record<string, string>,
  requests: readonly { id: string; path: string }[],
): Promise<{ traced: Traced[]; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'mamoru-bench-trace-'));
  const file = join(dir, 'trace.jsonl');
  const server = await startMamoru(target, logLevel, 1, {
    MAMORU_SQL_TRACE: file,
    MAMORU_JOBS_WORKERS: 'false',
  });
  const traced: Traced[] = [];
  try {
    for (const r of requests) {
      try {
        const url = `${server.base}${r.path}`;
        const warm = await fetch(url, { headers });
        await warm.arrayBuffer();
        if (!warm.ok) throw new Error(`${warm.status} from ${r.path}`);
        const from = await fileSize(file);
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        // Work a request leaves running after its response (none expected) lands too.
        await new Promise((resolve) => setTimeout(resolve, 300));
        const text = (await readFile(file)).subarray(from).toString('utf8');
        const statements = parseTrace(text);
        const script = join(dir, `${r.id}.sql`);
        await writeFile(script, pgbenchScript(statements));
        traced.push({ id: r.id, script, statements: statements.length });
      } catch (error) {
        traced.push({ id: r.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    await server.stop();
  }
  return { traced, dir };
}

export function removeTraces(dir: string) {
  return rm(dir, { recursive: true, force: true });
}

/** pgbench -M extended over the script: clients as autocannon's connections, 2 threads. */
export async function pgbench(url: string, script: string, clients: number, duration: number) {
  const args = ['-n', '-M', 'extended', '-f', script];
  args.push('-c', String(clients), '-j', String(Math.min(2, clients)), '-T', String(duration), url);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('pgbench', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`pgbench exited ${code}: ${text.slice(-400)}`)),
    );
  });
  return parsePgbenchOutput(output);
}
