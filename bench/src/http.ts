import type { Results } from './measure.ts';
import { median } from './measure.ts';
import { load, type LoadResult } from './load.ts';
import { startBare, startMamoru, type Running } from './server.ts';
import type { BenchTarget } from './database.ts';

export interface ServerOptions {
  embedded: boolean;
  runs: number;
  connections: number;
  duration: number;
  logLevel: string;
}

/** An authenticated read that must answer 200 before it is put under load. */
export interface Endpoint {
  id: string;
  label: string;
  path: string;
}

async function loadRuns(url: string, headers: Record<string, string>, o: ServerOptions) {
  // A short warm-up (JIT, caches, pool) that is not counted.
  await load(url, headers, o.connections, 2);
  const runs: LoadResult[] = [];
  for (let i = 0; i < o.runs; i += 1)
    runs.push(await load(url, headers, o.connections, o.duration));
  const failed = runs.reduce((n, r) => n + r.non2xx + r.errors, 0);
  const empty = runs.filter((r) => r.requestsPerSecond === 0).length;
  const notes = [
    failed ? `${failed} non-2xx or failed responses` : '',
    empty ? `${empty} run(s) without a response: latency counted as the run's length` : '',
  ].filter(Boolean);
  return {
    rps: runs.map((r) => r.requestsPerSecond),
    p50: runs.map((r) => r.p50),
    p99: runs.map((r) => r.p99),
    note: notes.length ? notes.join('; ') : undefined,
  };
}

/**
 * Everything measured over HTTP: the server's start-up, the list endpoints
 * under load against a bare Fastify route, and the server's peak memory.
 * `more` runs further measurements while the server is up (areas that landed).
 */
export async function measureServer(
  results: Results,
  target: BenchTarget,
  token: string,
  o: ServerOptions,
  endpoints: readonly Endpoint[],
  more?: (server: Running, headers: Record<string, string>) => Promise<void>,
) {
  const label = `${o.connections} connections, ${o.duration} s`;
  console.log(`• (3) bare Fastify route, ${label}`);
  const bare = await startBare();
  let bareRps: number;
  try {
    const r = await loadRuns(`${bare.base}/`, {}, o);
    bareRps = median(r.rps);
    results.add('bare.rps', 'bare Fastify route: requests/s', 'req/s', r.rps, r.note);
    results.add('bare.p99', 'bare Fastify route: p99', 'ms', r.p99);
  } finally {
    await bare.stop();
  }

  console.log(`• (5) server start-up on the generated data, ${o.runs} run(s)`);
  const starts: number[] = [];
  let server: Running | undefined;
  for (let i = 0; i < o.runs; i += 1) {
    await server?.stop();
    server = await startMamoru(target, o.logLevel);
    starts.push(server.startSeconds);
  }
  results.add(
    'server.start',
    `${o.embedded ? 'embedded (PGlite)' : 'server'} start-up to ready`,
    's',
    starts,
  );
  const running = server!;
  try {
    const headers = { authorization: `Bearer ${token}` };
    for (const e of endpoints) {
      const url = `${running.base}${e.path}`;
      const probe = await fetch(url, { headers });
      if (!probe.ok) {
        results.missing(`${e.id}.rps`, e.label, 'req/s', `${probe.status} from ${e.path}`);
        continue;
      }
      console.log(`• (3) ${e.label}, ${label}`);
      const r = await loadRuns(url, headers, o);
      results.add(`${e.id}.rps`, `${e.label}: requests/s`, 'req/s', r.rps, r.note);
      results.add(`${e.id}.p50`, `${e.label}: p50`, 'ms', r.p50);
      results.add(`${e.id}.p99`, `${e.label}: p99`, 'ms', r.p99);
      results.add(`${e.id}.ratio`, `${e.label}: throughput / bare`, '×', [median(r.rps) / bareRps]);
    }
    if (more) await more(running, headers);
    results.add('server.rss', 'server peak RSS (VmHWM) over the run', 'MiB', [
      await running.peakRssMiB(),
    ]);
  } finally {
    await running.stop();
  }
}
