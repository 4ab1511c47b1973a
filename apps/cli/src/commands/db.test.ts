import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConformityReport } from '@mamoru/contracts';
import { openDatabase } from '@mamoru/db';
import { TEST_POSTGRES_URL, fillDataDirFromTemplate } from '@mamoru/db/testing';
import * as orgs from '@mamoru/db/repositories/organizations';
// The real `mamoru serve` as a child process (its module also kills it after each test).
import {
  freePort,
  listening,
  postgresUnavailable,
  startServer,
} from '../../../server/src/testing/server-process.ts';
import { run } from '../program.ts';
import { captureOutput } from '../testing/output.ts';

let io: ReturnType<typeof captureOutput>;
beforeEach(() => {
  io = captureOutput();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** The demo writes through every service, the copy moves all of it: minutes on a busy machine. */
const SLOW = 400_000;
const PASSWORD = 'Kanri-Sekkei-Passphrase-2026';
const EMAIL = 'admin@db-copy.example';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'mamoru-db-copy-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('mamoru db copy refuses', () => {
  beforeEach(() => {
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('MAMORU_DATA_DIR', join(root, 'none'));
  });

  it('a target that is not PostgreSQL, and no target at all', async () => {
    expect(await run(['db', 'copy', '--to', 'mysql://db/mamoru'])).toBe(1);
    expect(io.stderr()).toMatch(/--to must be a PostgreSQL address/);
    expect(await run(['db', 'copy'])).toBe(2);
  });

  it('a source that is PostgreSQL already', async () => {
    vi.stubEnv('DATABASE_URL', 'postgres://nobody@127.0.0.1:1/none');
    expect(await run(['db', 'copy', '--to', 'postgres://127.0.0.1:1/x'])).toBe(1);
    expect(io.stderr()).toMatch(/the configured database is PostgreSQL already/);
    io.clear();
    vi.stubEnv('DATABASE_URL', '');
    expect(await run(['db', 'copy', '--from', 'postgres://a/b', '--to', 'postgres://c/d'])).toBe(1);
    expect(io.stderr()).toMatch(/--from is a PostgreSQL server/);
  });

  it('a target it cannot reach, naming it without its password', async () => {
    // Refused before the data folder is even opened: a folder that merely looks like one.
    mkdirSync(join(root, 'none'));
    writeFileSync(join(root, 'none', 'PG_VERSION'), '18\n');
    expect(await run(['db', 'copy', '--to', 'postgres://u:secret@127.0.0.1:1/x'])).toBe(1);
    expect(io.stderr()).toMatch(/cannot reach postgres:\/\/127\.0\.0\.1:1\/x: /);
    expect(io.stderr()).not.toContain('secret');
    rmSync(join(root, 'none'), { recursive: true, force: true });
  });

  it('a folder that holds no embedded database (without creating one)', async () => {
    mkdirSync(join(root, 'empty'));
    expect(await run(['db', 'copy', '--from', join(root, 'empty'), '--to', 'postgres://h/d'])).toBe(
      1,
    );
    expect(io.stderr()).toMatch(/holds no embedded database/);
    expect(await run(['db', 'copy', '--to', 'postgres://h/d'])).toBe(1);
    expect(io.stderr()).toMatch(/none holds no embedded database/);
  });
});

const unavailable = await postgresUnavailable();

describe.skipIf(unavailable)('mamoru db copy: the demo company to PostgreSQL', () => {
  const name = `mamoru_t_${process.pid}_${randomBytes(6).toString('hex')}`;
  const target = new URL(TEST_POSTGRES_URL);
  target.pathname = `/${name}`;
  const url = target.toString();
  const dataDir = () => join(root, 'data');

  async function admin(sql: string) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await fillDataDirFromTemplate(dataDir());
    await admin(`create database ${name}`);
  }, SLOW);
  afterAll(() => admin(`drop database if exists ${name} with (force)`));
  beforeEach(() => {
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('MAMORU_DATA_DIR', dataDir());
  });

  /** A readiness report without the time it was evaluated at. */
  const comparable = ({ evaluatedAt: _at, ...rest }: ConformityReport) => rest;

  it(
    'moves the whole instance; the server starts on it with the same conformity report',
    async () => {
      const who = ['--organization', '守る精機株式会社', '--email', EMAIL, '--name', '管理者'];
      expect(await run(['admin', 'create', ...who, '--password', PASSWORD]), io.stderr()).toBe(0);
      expect(await run(['demo']), io.stderr()).toBe(0);

      // The report as `mamoru check` gives it (the function GET /conformity calls).
      io.clear();
      expect(await run(['check', '--json']), io.stderr()).toBe(0);
      const before = JSON.parse(io.stdout()) as ConformityReport;

      io.clear();
      const started = Date.now();
      expect(await run(['db', 'copy', '--to', url]), io.stderr()).toBe(0);
      const seconds = (Date.now() - started) / 1000;
      expect(io.stdout()).toMatch(
        /→ postgres:\/\/.*: 1 organization\(s\), \d+ rows, \d+ evidence files copied in [\d.]+ s/,
      );
      console.info(`db copy of the demo company: ${seconds.toFixed(1)} s; ${io.stdout()}`);

      const server = startServer({ DATABASE_URL: url }, await freePort());
      await listening(server);
      const base = `http://127.0.0.1:${server.port}`;
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      // The same command on the copy, while the server runs on it: the same report.
      vi.stubEnv('DATABASE_URL', url);
      io.clear();
      expect(await run(['check', '--json']), io.stderr()).toBe(0);
      const after = JSON.parse(io.stdout()) as ConformityReport;
      expect(after.summary.total).toBeGreaterThan(0);
      expect(comparable(after)).toEqual(comparable(before));
      // And the server answers with it. (Signing in adds an audit event, which one
      // rule's data counts, and the approvals due are the caller's: the verdicts compare.)
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
      });
      expect(login.status, await login.clone().text()).toBe(200);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const res = await fetch(`${base}/api/v1/conformity`, { headers: { cookie } });
      expect(res.status).toBe(200);
      const served = (await res.json()) as ConformityReport;
      const verdicts = (r: ConformityReport) => r.items.map((i) => [i.id, i.status, i.basis]);
      expect(served.summary).toEqual(before.summary);
      expect(verdicts(served)).toEqual(verdicts(before));
      server.kill('SIGTERM');
      await server.exited;
    },
    SLOW,
  );

  it(
    'refuses a target that holds an organization, and leaves it as it was',
    async () => {
      expect(await run(['db', 'copy', '--to', url])).toBe(1);
      expect(io.stderr()).toMatch(/already holds 1 organization\(s\): db copy fills only an empty/);
      const database = await openDatabase({ url, dataDir: '', poolMax: 1 });
      try {
        expect(await orgs.listOrganizationIds(database.db)).toHaveLength(1);
      } finally {
        await database.close();
      }
    },
    SLOW,
  );
});
