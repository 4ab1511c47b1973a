import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from './client.ts';
import { PgliteProxy } from './pglite-proxy.ts';

/** The value drizzle wraps a failed query's PostgreSQL error in. */
function pgError(error: unknown) {
  const e = error as { code?: string; cause?: { code?: string } };
  return (e.code ? e : e.cause) as Record<string, unknown>;
}

describe('PGlite on a worker thread', () => {
  let proxy: PgliteProxy;
  beforeAll(async () => {
    proxy = await PgliteProxy.create('memory://');
    await proxy.exec(`create table t (id int primary key, name text constraint t_name unique)`);
  });
  afterAll(() => proxy.close());

  it('answers parallel queries each with its own result', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => proxy.query<{ n: number }>('select $1::int as n', [i])),
    );
    expect(results.map((r) => r.rows[0]!.n)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('holds queries from outside an open transaction until it commits', async () => {
    await proxy.query('delete from t');
    const order: string[] = [];
    let outside: Promise<unknown> | undefined;
    await proxy.transaction(async (tx) => {
      await tx.query(`insert into t values (1, 'a')`);
      outside = proxy.query<{ n: number }>('select count(*)::int as n from t').then((r) => {
        order.push('outside');
        return r.rows[0]!.n;
      });
      // The outside query would have answered by now were it not held.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await tx.query(`insert into t values (2, 'b')`);
      order.push('transaction');
    });
    expect(await outside).toBe(2);
    expect(order).toEqual(['transaction', 'outside']);
  });

  it('rolls back on an error and keeps PostgreSQL fields across the thread', async () => {
    await proxy.query('delete from t');
    const error = await proxy
      .transaction(async (tx) => {
        await tx.query(`insert into t values (1, 'a')`);
        await tx.query(`insert into t values (2, 'a')`);
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '23505', constraint: 't_name', table: 't' });
    expect((error as { detail: string }).detail).toContain('(name)=(a)');
    const { rows } = await proxy.query<{ n: number }>('select count(*)::int as n from t');
    expect(rows[0]!.n).toBe(0);
    // The one connection is usable again (not left in an aborted transaction).
    await expect(proxy.query('select 1')).resolves.toBeDefined();
  });

  it('applies the caller’s parsers on this thread, in both row modes', async () => {
    const upper = { 25: (v: string) => v.toUpperCase() };
    const objects = await proxy.query(`select 'x'::text as a, 1 as b`, [], { parsers: upper });
    expect(objects.rows).toEqual([{ a: 'X', b: 1 }]);
    const arrays = await proxy.query(`select 'y'::text, null::text`, [], {
      rowMode: 'array',
      parsers: upper,
    });
    expect(arrays.rows).toEqual([['Y', null]]);
  });

  it('mounts a blob for COPY … FROM /dev/blob', async () => {
    await proxy.query('delete from t');
    const blob = new Blob(['7,g\n8,h\n']);
    await proxy.query(`copy t from '/dev/blob' with (format csv)`, [], { blob });
    const { rows } = await proxy.query<{ n: number }>('select count(*)::int as n from t');
    expect(rows[0]!.n).toBe(2);
  });

  it('dumps its data folder, and a new database starts from the dump', async () => {
    await proxy.query('delete from t');
    await proxy.query(`insert into t values (42, 'dumped')`);
    const dump = await proxy.dumpDataDir('none');
    const copy = await PgliteProxy.create('memory://', dump);
    try {
      const { rows } = await copy.query('select name from t');
      expect(rows).toEqual([{ name: 'dumped' }]);
    } finally {
      await copy.close();
    }
  });

  it('rejects a parameter that cannot cross the thread, and goes on answering', async () => {
    await expect(proxy.query('select $1::text', [() => 1])).rejects.toThrow(/could not be cloned/);
    await expect(proxy.query<{ n: number }>('select 2 as n')).resolves.toMatchObject({
      rows: [{ n: 2 }],
    });
  });

  it('rejects queries once closed', async () => {
    const other = await PgliteProxy.create('memory://');
    await other.close();
    await expect(other.query('select 1')).rejects.toThrow(/closed/);
  });
});

describe('drizzle over the worker gives what PGlite in-thread gives', () => {
  let worker: Database;
  let inline: Database;
  beforeAll(async () => {
    [worker, inline] = await Promise.all([
      openDatabase({ dataDir: 'memory://', pgliteThread: 'worker' }),
      openDatabase({ dataDir: 'memory://', pgliteThread: 'inline' }),
    ]);
    for (const database of [worker, inline]) {
      await database.executeSql(`create table u (id int primary key, at timestamptz, d date)`);
    }
  });
  afterAll(() => Promise.all([worker.close(), inline.close()]));

  it('returns the same values for each type', async () => {
    const query = sql`select 1::bigint as big, 2.5::numeric as num, now()::date as day,
      '2026-12-07 01:02:03.456+00'::timestamptz as at, '2026-12-07 01:02:03'::timestamp as local,
      '1 day'::interval as span, '{"a":[1]}'::jsonb as doc, '\\x0102'::bytea as bytes,
      array[1,2]::int[] as ints, array['2026-01-01']::date[] as days, true as yes,
      null::text as nothing, 'e4b5c1b0-0000-4000-8000-000000000000'::uuid as id`;
    const [a, b] = await Promise.all([queryRows(worker.db, query), queryRows(inline.db, query)]);
    expect(a).toEqual(b);
  });

  it('rolls back a savepoint of a nested transaction and commits the rest', async () => {
    for (const database of [worker, inline]) {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into u (id) values (1)`);
        await tx
          .transaction(async (inner) => {
            await inner.execute(sql`insert into u (id) values (2)`);
            await inner.execute(sql`insert into u (id) values (1)`);
          })
          .catch((e: unknown) => expect(pgError(e)).toMatchObject({ code: '23505' }));
      });
      const rows = await queryRows(database.db, sql`select id from u order by id`);
      expect(rows).toEqual([{ id: 1 }]);
      await database.db.execute(sql`delete from u`);
    }
  });

  it('runs several statements through executeSql (pg-boss)', async () => {
    const result = await worker.executeSql(
      `insert into u (id) values (5); insert into u (id) values (6); select count(*)::int as n from u`,
    );
    expect(result.rows).toEqual([{ n: 2 }]);
    const failed = await worker
      .executeSql(`insert into u (id) values (7); insert into u (id) values (5)`)
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: '23505', constraint: 'u_pkey' });
    expect((await worker.executeSql('select count(*)::int as n from u')).rows).toEqual([{ n: 2 }]);
  });
});

describe('PGlite settings', () => {
  it.each(['worker', 'inline'] as const)('sets shared_buffers on the %s thread', async (thread) => {
    const database = await openDatabase({
      dataDir: 'memory://',
      pgliteThread: thread,
      pgliteSharedBuffers: '24MB',
    });
    try {
      const rows = await queryRows<{ shared_buffers: string }>(
        database.db,
        sql`show shared_buffers`,
      );
      expect(rows[0]?.shared_buffers).toBe('24MB');
    } finally {
      await database.close();
    }
  });
});

describe('a process with the embedded database exits when its work is done', () => {
  const script = fileURLToPath(new URL('./testing/pglite-exit.ts', import.meta.url));
  for (const close of ['close', 'no-close']) {
    it(`after a query (${close})`, async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', script, close], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => {
        // Generous: opening PGlite takes seconds on a loaded machine; a hang is for ever.
        const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
        child.on('exit', (c) => {
          clearTimeout(timer);
          resolve(c);
        });
      });
      expect(out.trim()).toBe('1');
      expect(code).toBe(0);
    }, 120_000);
  }
});
