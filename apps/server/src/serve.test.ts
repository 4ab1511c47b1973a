import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect, createServer, type Server } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_POSTGRES_URL, fillDataDirFromTemplate } from '@mamoru/db/testing';
import {
  SHUTDOWN_TIMEOUT_MS,
  freePort,
  get,
  listening,
  startServer,
  tempDir,
  withTimeout,
  postgresUnavailable,
} from './testing/server-process.ts';

const unavailable = await postgresUnavailable();

/**
 * Process-level tests: the real CLI (`mamoru serve`) on real ports, as an
 * operator would run it.
 */

/**
 * A data folder holding the run's migrated database, for the tests that are not
 * about migrating (the first test starts on an empty one): a fresh folder cost
 * each server its migrations and catalog loading first, seconds of CPU.
 */
async function migratedDataDir() {
  const dir = tempDir('mamoru-data-');
  await fillDataDirFromTemplate(dir);
  return dir;
}

describe('mamoru serve on embedded PGlite', () => {
  it('answers /healthz and /readyz, and exits 0 on SIGTERM after logging it', async () => {
    const dataDir = tempDir('mamoru-data-');
    const server = startServer({ MAMORU_DATA_DIR: dataDir }, await freePort());
    await listening(server);

    expect(await get(server, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get(server, '/readyz')).toEqual({
      status: 200,
      body: { status: 'ok', database: 'pglite', checks: { database: true, migrations: true } },
    });
    const ready = server.logs().find((l) => l.msg === 'database ready');
    expect(ready).toMatchObject({ database: `pglite:${dataDir}` });
    expect(ready?.applied).toBe(ready?.total);

    const stopAt = Date.now();
    server.kill('SIGTERM');
    const exit = await withTimeout(server.exited, SHUTDOWN_TIMEOUT_MS, 'no exit');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - stopAt).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    expect(server.logs()).toContainEqual(
      expect.objectContaining({ msg: 'shutting down', signal: 'SIGTERM' }),
    );
    expect(server.logs().filter((l) => l.level >= 50)).toEqual([]);
    // The port is released.
    await expect(fetch(`http://127.0.0.1:${server.port}/healthz`)).rejects.toThrow();

    // The data survives a restart: nothing left to migrate.
    const again = startServer({ MAMORU_DATA_DIR: dataDir }, await freePort());
    await listening(again);
    expect(again.logs().find((l) => l.msg === 'database ready')).toMatchObject({ applied: 0 });
    expect((await get(again, '/readyz')).status).toBe(200);
  }, 150_000);

  it('closes a keep-alive connection at once when its request ends during shutdown', async () => {
    const server = startServer({ MAMORU_DATA_DIR: await migratedDataDir() }, await freePort());
    await listening(server, 80_000);
    // A request in flight at SIGTERM: its body arrives only after the signal.
    const socket = connect(server.port, '127.0.0.1');
    await once(socket, 'connect');
    const body = JSON.stringify({ bad: true });
    socket.write(
      'POST /api/v1/setup HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n' +
        `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    let response = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (response += chunk));
    const closedByServer = once(socket, 'close');
    await new Promise((r) => setTimeout(r, 200)); // the headers reach the server first
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    socket.write(body);
    await withTimeout(closedByServer, SHUTDOWN_TIMEOUT_MS * 2, 'connection left open');
    expect(response).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(response.toLowerCase()).toContain('connection: close');
    // Not ended by close-with-grace's timeout (which exits 1 and logs "killed by timeout").
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).not.toContain('killed by timeout');
  }, 150_000);

  it('exits 1 promptly when its port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const server = startServer({ MAMORU_DATA_DIR: await migratedDataDir() }, port);
      // It opens its database before it tries the port.
      const exit = await withTimeout(server.exited, 60_000, 'no exit');
      expect(exit).toEqual({ code: 1, signal: null });
      expect(server.output()).toContain('EADDRINUSE');
      expect(server.output()).not.toContain('shutting down');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 90_000);

  it('exits 1 with the variable named when the configuration is invalid', async () => {
    const server = startServer({ MAMORU_DATA_DIR: tempDir('mamoru-data-'), LOG_LEVEL: 'loud' }, 0);
    const exit = await withTimeout(server.exited, 30_000, 'no exit');
    expect(exit).toEqual({ code: 1, signal: null });
    expect(server.output()).toMatch(/LOG_LEVEL: /);
  }, 60_000);
});

const describePostgres = unavailable ? describe.skip : describe;
const postgresSuite = unavailable
  ? `mamoru serve on PostgreSQL [postgres: skipped, server unreachable: ${unavailable}]`
  : 'mamoru serve on PostgreSQL';

describePostgres(postgresSuite, () => {
  const name = `mamoru_t_${randomBytes(6).toString('hex')}`;
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;

  async function admin<T>(fn: (client: pg.Client) => Promise<T>, database = TEST_POSTGRES_URL) {
    const client = new pg.Client({ connectionString: database });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin((c) => c.query(`create database ${name}`));
  });
  afterAll(async () => {
    await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  });

  it('starts two servers at once on one fresh database: the migration lock lets both succeed', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    const env = { DATABASE_URL: url.toString(), MAMORU_DATA_DIR: tempDir('mamoru-unused-') };
    const servers = [startServer(env, portA), startServer(env, portB)];
    await Promise.all(servers.map((s) => listening(s, 60_000)));

    for (const server of servers) {
      expect(await get(server, '/readyz')).toEqual({
        status: 200,
        body: { status: 'ok', database: 'postgres', checks: { database: true, migrations: true } },
      });
    }
    // Exactly one of them applied the migrations; the other waited and found none left.
    const ready = servers.map((s) => s.logs().find((l) => l.msg === 'database ready'));
    const total = ready[0]?.total as number;
    expect(total).toBeGreaterThan(0);
    expect(ready.map((r) => r?.applied).sort()).toEqual([0, total]);
    // The password-free label names the database.
    expect(ready[0]?.database).toBe(`postgres://${url.host}/${name}`);

    const recorded = await admin(
      (c) =>
        c.query<{ n: number; hashes: number }>(
          'select count(*)::int as n, count(distinct hash)::int as hashes from drizzle.__drizzle_migrations',
        ),
      url.toString(),
    );
    expect(recorded.rows[0]).toEqual({ n: total, hashes: total });

    for (const server of servers) server.kill('SIGTERM');
    const exits = await withTimeout(
      Promise.all(servers.map((s) => s.exited)),
      SHUTDOWN_TIMEOUT_MS,
      'no exit',
    );
    expect(exits).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
    for (const server of servers) {
      expect(server.logs().filter((l) => l.level >= 50)).toEqual([]);
    }
  }, 120_000);
});
