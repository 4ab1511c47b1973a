import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_POSTGRES_URL } from '@mamoru/db/testing';
import {
  SHUTDOWN_TIMEOUT_MS,
  postgresUnavailable,
  startServer,
  tempDir,
  withTimeout,
  freePort,
  type ServerProcess,
} from './testing/server-process.ts';

/** `mamoru serve --processes n` (MAMORU_PROCESSES): a node:cluster primary and n workers. */

const unavailable = await postgresUnavailable();

/** A request on a fresh connection each time, so the primary hands it to the next worker. */
function readyz(port: number) {
  return new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/readyz', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The workers the primary says are listening, by pid. */
const listeningWorkers = (server: ServerProcess) =>
  server
    .logs()
    .filter((l) => l.msg === 'worker listening')
    .map((l) => l.worker as number);

// Generous: two workers load and migrate at once, slow on a loaded 2-core machine.
async function until(what: string, server: ServerProcess, ok: () => boolean, ms = 150_000) {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`${what} within ${ms} ms:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('mamoru serve --processes on embedded PGlite', () => {
  it('refuses more than one process: one process owns the embedded database', async () => {
    const server = startServer(
      { MAMORU_DATA_DIR: tempDir('mamoru-data-'), MAMORU_PROCESSES: '2' },
      await freePort(),
    );
    const exit = await withTimeout(server.exited, 60_000, 'no exit');
    expect(exit).toEqual({ code: 1, signal: null });
    expect(server.output()).toContain('MAMORU_PROCESSES=2 needs PostgreSQL (DATABASE_URL)');
  }, 90_000);
});

const describePostgres = unavailable ? describe.skip : describe;

describePostgres('mamoru serve --processes on PostgreSQL', () => {
  const name = `mamoru_t_${randomBytes(6).toString('hex')}`;
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  async function admin(sql: string) {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
  beforeAll(() => admin(`create database ${name}`));
  afterAll(() => admin(`drop database if exists ${name} with (force)`));

  it('serves from two workers, replaces one that dies and stops both on SIGTERM', async () => {
    const server = startServer(
      {
        DATABASE_URL: url.toString(),
        MAMORU_DATA_DIR: tempDir('mamoru-unused-'),
        MAMORU_PROCESSES: '2',
      },
      await freePort(),
    );
    await until('two workers listening', server, () => listeningWorkers(server).length === 2);
    const workers = listeningWorkers(server);
    expect(new Set(workers).size).toBe(2);

    // Round-robin over new connections: both workers answer (their request logs carry their pid).
    for (let i = 0; i < 6; i++) expect(await readyz(server.port)).toBe(200);
    const completed = () =>
      new Set(
        server
          .logs()
          .filter((l) => l.msg === 'request completed')
          .map((l) => l.pid),
      );
    await until('both workers answering', server, () => workers.every((p) => completed().has(p)));

    // A worker that dies is replaced; the port keeps answering meanwhile.
    process.kill(workers[0]!, 'SIGKILL');
    await until('a third worker', server, () => listeningWorkers(server).length === 3);
    expect(server.logs()).toContainEqual(
      expect.objectContaining({ msg: 'worker died; starting another', worker: workers[0] }),
    );
    expect(await readyz(server.port)).toBe(200);

    server.kill('SIGTERM');
    const exit = await withTimeout(server.exited, SHUTDOWN_TIMEOUT_MS * 2, 'no exit');
    expect(exit).toEqual({ code: 0, signal: null });
    const stopped = server.logs().filter((l) => l.msg === 'worker stopped');
    expect(stopped.map((l) => l.code)).toEqual([0, 0]);
    // Each worker shut down gracefully on the one SIGTERM the primary sent it.
    expect(server.logs().filter((l) => l.msg === 'shutting down')).toHaveLength(2);
  }, 300_000);
});
