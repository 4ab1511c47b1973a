import cluster, { type Worker } from 'node:cluster';
import pino from 'pino';
import { ConfigError, type Config } from './config.ts';
import { serve } from './serve.ts';

// A worker that dies this soon after it was forked counts as failing to start.
const QUICK_EXIT_MS = 10_000;
// That many quick deaths in a row mean it will never start (bad port, bad database): give up.
const MAX_QUICK_EXITS = 5;

/**
 * `mamoru serve`: one process, or with `processes` > 1 a node:cluster primary
 * that forks that many workers sharing the port. Each worker is a whole server
 * (its own pool of MAMORU_DB_POOL_MAX connections, job workers and
 * notification dispatch, which are built for several instances). The primary
 * serves nothing itself: it restarts a worker that dies and, on SIGTERM or
 * SIGINT, passes the signal on and waits for every worker's graceful stop.
 */
export async function serveProcesses(config: Config) {
  if (config.processes <= 1 || cluster.isWorker) return serve(config);
  if (!config.databaseUrl) {
    throw new ConfigError(
      `MAMORU_PROCESSES=${config.processes} needs PostgreSQL (DATABASE_URL): the embedded PGlite database belongs to one process`,
    );
  }
  runPrimary(config);
  return undefined;
}

function runPrimary(config: Config) {
  const log = pino({ level: config.logLevel }).child({ role: 'primary' });
  let stopping = false;
  let quickExits = 0;
  const started = new Map<Worker, number>();

  const fork = () => {
    const worker = cluster.fork();
    started.set(worker, Date.now());
    worker.on('listening', (address) => {
      log.info({ worker: worker.process.pid, port: address.port }, 'worker listening');
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker) ?? 0);
    started.delete(worker);
    if (stopping) {
      log.info({ worker: worker.process.pid, code, signal }, 'worker stopped');
      if (started.size === 0) process.exit(0);
      return;
    }
    quickExits = lived < QUICK_EXIT_MS ? quickExits + 1 : 0;
    if (quickExits >= MAX_QUICK_EXITS) {
      log.fatal(
        { worker: worker.process.pid, code, signal },
        'workers keep dying at start; stopping',
      );
      stop(1, 'SIGTERM');
      return;
    }
    log.error({ worker: worker.process.pid, code, signal }, 'worker died; starting another');
    fork();
  });

  const stop = (exitCode: number, signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    log.info({ signal, workers: started.size }, 'stopping workers');
    if (started.size === 0) process.exit(exitCode);
    // Workers ignore SIGINT (see serve.ts): each one gets a single SIGTERM.
    for (const worker of started.keys()) worker.process.kill('SIGTERM');
    // Workers stop within their own shutdown timeout; this is the last resort.
    setTimeout(() => {
      for (const worker of started.keys()) worker.process.kill('SIGKILL');
      process.exit(exitCode || 1);
    }, config.shutdownTimeoutMs + 5_000).unref();
  };
  process.on('SIGTERM', () => stop(0, 'SIGTERM'));
  process.on('SIGINT', () => stop(0, 'SIGINT'));

  log.info({ processes: config.processes }, 'starting worker processes');
  for (let i = 0; i < config.processes; i++) fork();
}
