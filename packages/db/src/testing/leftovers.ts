/**
 * Test databases are named mamoru_t_<pid>_<random> (a run's snapshots add _<key>).
 * A suite whose own afterAll throws can keep vitest from dropping its database;
 * this global setup drops those left by processes that no longer run, and never
 * touches a live run's.
 */
const NAME = /^mamoru_t_(\d+)_[0-9a-f]+(_[a-z0-9]+)?$/;

/** Whether a process of this pid runs (EPERM: it runs, as another user). */
export function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export default async function dropLeftoverDatabases() {
  const { default: pg } = await import('pg');
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
  } catch {
    return; // no server: the suites report their PostgreSQL runs as skipped
  }
  try {
    const { rows } = await client.query<{ datname: string }>(
      "select datname from pg_database where datname like 'mamoru_t_%'",
    );
    for (const { datname } of rows) {
      const pid = Number(NAME.exec(datname)?.[1]);
      if (!pid || alive(pid)) continue;
      // No force: a run in another process namespace (its pid looks dead from here)
      // still holds connections, and dropping it would break that run mid-test.
      await client.query(`drop database if exists ${datname}`).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}
