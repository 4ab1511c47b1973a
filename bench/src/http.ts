import { cpus } from 'node:os';
import type { Results } from './measure.ts';
import { median, stopping } from './measure.ts';
import { download, load, type LoadResult } from './load.ts';
import { startBare, startMamoru, type Running } from './server.ts';
import type { BenchTarget } from './database.ts';
import { pgbench, removeTraces, traceRequests, type Traced } from './floor.ts';

export interface ServerOptions {
  embedded: boolean;
  runs: number;
  connections: number;
  duration: number;
  logLevel: string;
  /** Server processes (MAMORU_PROCESSES) of the second round of list runs; 1: none. */
  processes: number;
  /** Leave the traced statements and pgbench scripts in place. */
  keep?: boolean;
}

/** An authenticated read that must answer 200 before it is put under load. */
export interface Endpoint {
  id: string;
  label: string;
  path: string;
}

/** Register filters timed one request at a time (the API has no residual-level filter: its order). */
const FILTERS = [
  { id: 'evaluation', path: '/api/v1/risks?evaluation=treat&limit=50' },
  { id: 'residual', path: '/api/v1/risks?sort=residualValue&direction=desc&limit=50' },
];

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

/** The same statements by pgbench alone, warm-up and runs as autocannon's. */
async function floorRuns(
  results: Results,
  e: Endpoint,
  url: string,
  script: string,
  o: ServerOptions,
) {
  // Warm-up; on a busy machine connecting all clients may take the whole 2 s.
  await pgbench(url, script, o.connections, 2).catch(() => undefined);
  const runs = [];
  for (let i = 0; i < o.runs; i += 1)
    runs.push(await pgbench(url, script, o.connections, o.duration));
  const failed = runs.reduce((n, r) => n + r.failed, 0);
  const latency = median(runs.map((r) => r.latencyMs ?? NaN));
  const note = `pgbench mean latency ${latency} ms${failed ? `; ${failed} failed` : ''}`;
  results.add(
    `${e.id}.floor`,
    `${e.label}: its SQL by pgbench alone`,
    'req/s',
    runs.map((r) => r.tps),
    note,
  );
}

/** Each list under autocannon; with `floors`, each followed by its pgbench floor. */
async function measureLists(
  results: Results,
  server: Running,
  headers: Record<string, string>,
  endpoints: readonly Endpoint[],
  o: ServerOptions,
  prefix: (id: string) => string,
  floors?: { url: string | undefined; traced: Traced[] },
) {
  const label = `${o.connections} connections, ${o.duration} s`;
  const rps = new Map<string, number>();
  for (const e of endpoints) {
    if (stopping.requested) break;
    const id = prefix(e.id);
    const url = `${server.base}${e.path}`;
    const probe = await fetch(url, { headers });
    await probe.arrayBuffer();
    if (!probe.ok) {
      results.missing(`${id}.rps`, e.label, 'req/s', `${probe.status} from ${e.path}`);
      continue;
    }
    console.log(`• (3) ${e.label}, ${label}, ${server.processes} process(es)`);
    const r = await loadRuns(url, headers, o);
    const suffix = server.processes > 1 ? `, ${server.processes} processes` : '';
    results.add(`${id}.rps`, `${e.label}${suffix}: requests/s`, 'req/s', r.rps, r.note);
    results.add(`${id}.p50`, `${e.label}${suffix}: p50`, 'ms', r.p50);
    results.add(`${id}.p99`, `${e.label}${suffix}: p99`, 'ms', r.p99);
    rps.set(e.id, median(r.rps));
    if (!floors) continue;
    const traced = floors.traced.find((t) => t.id === e.id);
    if (!floors.url) {
      results.missing(`${e.id}.floor`, `${e.label}: pgbench floor`, 'req/s', 'PostgreSQL only');
    } else if (!traced?.script) {
      const why = `no trace: ${traced?.error ?? 'not traced'}`;
      results.missing(`${e.id}.floor`, `${e.label}: pgbench floor`, 'req/s', why);
    } else {
      console.log(`• (3) floor: its ${traced.statements} statements by pgbench, ${label}`);
      await floorRuns(results, e, floors.url, traced.script, o).catch((error: unknown) => {
        const why = error instanceof Error ? error.message.slice(0, 300) : String(error);
        results.missing(`${e.id}.floor`, `${e.label}: pgbench floor`, 'req/s', why);
      });
    }
  }
  return rps;
}

async function measureFilters(
  results: Results,
  base: string,
  headers: Record<string, string>,
  runs: number,
) {
  console.log(`• (4) register filters, one page each, ${runs} run(s)`);
  for (const f of FILTERS) {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1)
      times.push((await download(`${base}${f.path}`, headers)).seconds);
    results.add(`risks.filter.${f.id}`, `register filter page: GET ${f.path.slice(8)}`, 's', times);
  }
}

async function addRss(results: Results, server: Running, id: string) {
  const rss = await server.peakRss();
  const label = `server peak RSS (VmHWM) over its part of the run, summed over ${rss.processes} process(es)`;
  results.add(id, label, 'MiB', [rss.mib]);
}

/**
 * Everything measured over HTTP: the bare route, the server's start-up, the
 * lists under load (1 process, each with its pgbench floor; then N processes),
 * the register filters, `more` (the exports) and the server's peak memory.
 */
export async function measureServer(
  results: Results,
  target: BenchTarget,
  token: string,
  o: ServerOptions,
  endpoints: readonly Endpoint[],
  more?: (server: Running, headers: Record<string, string>) => Promise<void>,
) {
  console.log(`• (3) bare Fastify route, ${o.connections} connections, ${o.duration} s`);
  const bare = await startBare();
  try {
    const r = await loadRuns(`${bare.base}/`, {}, o);
    results.add('bare.rps', 'bare Fastify route: requests/s', 'req/s', r.rps, r.note);
    results.add('bare.p99', 'bare Fastify route: p99', 'ms', r.p99);
  } finally {
    await bare.stop();
  }
  const headers = { authorization: `Bearer ${token}` };

  // The statements of one request of each list, for its floor (PostgreSQL only).
  let traces: { traced: Traced[]; dir: string } | undefined;
  if (target.url) {
    console.log('• (3) tracing one request of each list for its pgbench floor');
    traces = await traceRequests(target, o.logLevel, headers, endpoints);
    for (const t of traces.traced)
      console.log(
        `  ${t.id}: ${t.script ? `${t.statements} statements` : `no trace (${t.error})`}`,
      );
  }

  console.log(`• (5) server start-up on the generated data, ${o.runs} run(s)`);
  const starts: number[] = [];
  let server: Running | undefined;
  try {
    for (let i = 0; i < o.runs; i += 1) {
      await server?.stop();
      server = await startMamoru(target, o.logLevel);
      starts.push(server.startSeconds);
    }
    const kind = o.embedded ? 'embedded (PGlite)' : 'server';
    results.add('server.start', `${kind} start-up to ready`, 's', starts);
    const floors = { url: target.url, traced: traces?.traced ?? [] };
    const best = await measureLists(results, server!, headers, endpoints, o, (id) => id, floors);
    if (o.processes > 1 && !stopping.requested) {
      await addRss(results, server!, 'server.rss.proc1');
      await server!.stop();
      server = await startMamoru(target, o.logLevel, o.processes);
      results.add(
        `server.start.proc${o.processes}`,
        `server start-up with ${o.processes} processes`,
        's',
        [server.startSeconds],
      );
      const more = await measureLists(
        results,
        server,
        headers,
        endpoints,
        o,
        (id) => `${id}.proc${o.processes}`,
      );
      for (const [id, rps] of more) best.set(id, Math.max(rps, best.get(id) ?? 0));
    }
    for (const [id, rps] of best)
      results.add(
        `${id}.perCore`,
        `${id}: best requests/s per core (${cpus().length} cores)`,
        'req/s',
        [rps / cpus().length],
      );
    if (!stopping.requested) await measureFilters(results, server!.base, headers, o.runs);
    if (more && !stopping.requested) await more(server!, headers);
    await addRss(results, server!, 'server.rss');
  } finally {
    await server?.stop();
    if (traces && o.keep) console.log(`kept: ${traces.dir}`);
    else if (traces) await removeTraces(traces.dir);
  }
}
