import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Job } from '@mamoru/contracts';
import { openDatabase, queryRows, type Database } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { addOrganization, login, setupOrganization, type Client } from '../testing/identity.ts';
import { upload, uniqueCode, waitForJob } from '../testing/isms.ts';

let organizations = 0;
/** Set-up runs once per database; later suites add an organization of their own. */
const newAdmin = async (app: App) =>
  organizations++ === 0
    ? (await setupOrganization(app)).admin
    : (await addOrganization(app, { name: `Org ${organizations}` })).admin;
import { IMPORT_SYNC_MAX_BYTES } from './assets.ts';

const HEADER = 'Code,Name,Category,Owner,Confidentiality,Integrity,Availability,Tags';

/** A CSV just over the size that moves an import into the background. */
function overThreshold(email: string) {
  const prefix = uniqueCode('AV');
  const lines = [HEADER];
  let bytes = 0;
  for (let i = 0; bytes <= IMPORT_SYNC_MAX_BYTES; i++) {
    const line = `${prefix}-${i},Asset ${i},information,${email},1,2,3,bulk`;
    lines.push(line);
    bytes += line.length + 2;
  }
  return lines.join('\r\n') + '\r\n';
}

/** A hang detector, not a timing assertion: the request must answer at all. */
async function answers<T>(work: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls a job until it ends; a busy pool's 503 is an answer too, asked again later. */
async function finishedJob(client: Client, id: string): Promise<Job> {
  for (let tries = 0; tries < 3000; tries++) {
    const res = await answers(client.get(`/api/v1/jobs/${id}`));
    if (res.statusCode === 200) {
      const job = res.json<Job>();
      if (job.status === 'succeeded' || job.status === 'failed') return job;
    } else expect(res.statusCode).toBe(503);
    // Ten of these poll side by side: at 50 ms they sent ~200 requests a second
    // into the process (and, on a pool of one, the connection) the imports run in.
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`job ${id} did not finish`);
}

const urlOf = (database: Database) => (database as Database & { url?: string }).url;

describeEachDatabase('imports and availability', (ctx) => {
  /**
   * The reproduction: ten background imports at once, on PostgreSQL
   * with a pool of one connection (one import deadlocked it) and of ten.
   */
  for (const poolMax of [1, 10]) {
    describe(`a pool of ${poolMax}`, () => {
      let app: App;
      let admin: Client;
      let own: Database | undefined;

      beforeAll(async () => {
        const url = urlOf(ctx.database);
        if (url) own = await openDatabase({ url, dataDir: '', poolMax, acquireTimeoutMs: 1_000 });
        app = await buildTestApp(own ?? ctx.database, { dbPoolMax: poolMax });
        admin = await newAdmin(app);
      });
      afterAll(async () => {
        await app.close();
        await own?.close();
      });

      it('ten background imports at once all finish, while /readyz and log-in keep answering', async () => {
        const body = overThreshold(admin.user.email);
        const started = await Promise.all(
          Array.from({ length: 10 }, () => answers(upload(admin, '/api/v1/assets/import', body))),
        );
        for (const res of started) expect(res.statusCode).toBe(202);
        const shown = started.map((res) => res.json<Job>());
        // Two run per organization; the others wait their turn and say so.
        expect(shown.filter((j) => j.phase === 'waiting').length).toBeGreaterThan(0);
        const ids = shown.map((j) => j.id);
        const finished = Promise.all(ids.map((id) => finishedJob(admin, id)));
        let done = false;
        void finished.finally(() => (done = true)).catch(() => undefined);
        let probes = 0;
        let slowest = 0;
        while (!done) {
          const t = performance.now();
          const ready = await answers(app.inject({ method: 'GET', url: '/readyz' }));
          slowest = Math.max(slowest, performance.now() - t);
          // A pool of one may be busy for a moment (503, never a hang); ten leave room.
          if (own && poolMax > 1) expect(ready.statusCode).toBe(200);
          else expect([200, 503]).toContain(ready.statusCode);
          const session = await answers(login(app, admin.user.email).catch((e: Error) => e));
          if (!(session instanceof Error)) expect(session.user.id).toBe(admin.user.id);
          else expect(session.message).toMatch(/503/);
          probes += 1;
          // Probes keep coming for as long as the imports run, each still bounded by
          // answers(); back to back they only took turns from the imports they watch.
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        process.stdout.write(
          `\n  [${ctx.kind}, pool ${poolMax}] ${probes} /readyz probes, slowest ${Math.round(slowest)} ms\n`,
        );
        for (const job of await finished) expect(job.status).toBe('succeeded');
      }, 180_000);
    });
    if (ctx.kind === 'pglite') break; // PGlite has no pool: one run is enough
  }

  describe('per-organization job limits', () => {
    let app: App;
    let admin: Client;

    beforeAll(async () => {
      app = await buildTestApp(ctx.database, {
        jobsPerOrganization: 1,
        jobsQueuePerOrganization: 1,
      });
      admin = await newAdmin(app);
    });
    afterAll(() => app.close());

    it('queue one import as waiting and refuse the next with 429 and Retry-After', async () => {
      const body = overThreshold(admin.user.email);
      const sent = await Promise.all(
        [1, 2, 3].map(() => upload(admin, '/api/v1/assets/import', body)),
      );
      const accepted = sent.filter((res) => res.statusCode === 202);
      const third = sent.find((res) => res.statusCode !== 202)!;
      expect(accepted).toHaveLength(2);
      const [first, second] = accepted as [(typeof sent)[0], (typeof sent)[0]];
      expect(accepted.map((res) => res.json<Job>().phase)).toContain('waiting');
      expect(third.statusCode).toBe(429);
      expect(third.headers['content-type']).toContain('application/problem+json');
      expect(third.headers['retry-after']).toMatch(/^\d+$/);
      expect(third.json()).toMatchObject({ status: 429, code: 'jobs_busy' });
      expect(third.json<{ title: string }>().title).not.toMatch(/\{\w+\}/);
      // Another organization is not held back by this one's queue.
      const { admin: other } = await addOrganization(app, { name: 'Another' });
      const small = await upload(other, '/api/v1/assets/import/validate', 'Code,Name\r\n');
      expect(small.statusCode).toBe(200);
      for (const res of [first, second]) {
        expect((await waitForJob(admin, res.json<Job>().id)).status).toBe('succeeded');
      }
      const later = await upload(admin, '/api/v1/assets/import', body);
      expect(later.statusCode).toBe(202);
      expect((await waitForJob(admin, later.json<Job>().id)).status).toBe('succeeded');
    }, 180_000);
  });

  describe('exports within the slots', () => {
    let app: App;
    let admin: Client;

    beforeAll(async () => {
      app = await buildTestApp(ctx.database, { jobsPerOrganization: 1 });
      admin = await newAdmin(app);
    });
    afterAll(() => app.close());

    it('answer 429 with Retry-After while the organization runs its limit, and free their slot', async () => {
      const release = app.jobRunner.slots.tryAcquire(admin.organization.id);
      for (const url of ['/api/v1/assets/export?format=csv', '/api/v1/risks/export']) {
        const busy = await admin.get(url);
        expect(busy.statusCode).toBe(429);
        expect(busy.headers['retry-after']).toMatch(/^\d+$/);
        expect(busy.json()).toMatchObject({ code: 'jobs_busy' });
      }
      release();
      for (let i = 0; i < 2; i++) {
        expect((await admin.get('/api/v1/assets/export?format=csv')).statusCode).toBe(200);
      }
      expect(app.jobRunner.slots.runningFor(admin.organization.id)).toBe(0);
    });
  });

  describe.runIf(ctx.kind === 'postgres')('the PostgreSQL pool', () => {
    let own: Database;
    let app: App;
    let admin: Client;

    beforeAll(async () => {
      own = await openDatabase({
        url: urlOf(ctx.database)!,
        dataDir: '',
        poolMax: 1,
        acquireTimeoutMs: 300,
        statementTimeoutMs: 1_500,
        idleInTransactionTimeoutMs: 2_500,
      });
      app = await buildTestApp(own, { dbPoolMax: 1 });
      admin = await newAdmin(app);
    });
    afterAll(async () => {
      await app.close();
      await own.close();
    });

    it('answers 503 problem+json with Retry-After when no connection frees up, never hangs', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const holding = own.db.transaction(async () => held);
      try {
        const res = await answers(admin.get('/api/v1/assets'));
        expect(res.statusCode).toBe(503);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.headers['retry-after']).toMatch(/^\d+$/);
        expect(res.json()).toMatchObject({ status: 503, code: 'server_busy' });
        const ready = await answers(app.inject({ method: 'GET', url: '/readyz' }));
        expect(ready.statusCode).toBe(503);
      } finally {
        release();
        await holding;
      }
      expect((await admin.get('/api/v1/assets')).statusCode).toBe(200);
    });

    it('sets statement_timeout and idle_in_transaction_session_timeout on its connections', async () => {
      const [row] = await queryRows<{ s: string; i: string }>(
        own.db,
        sql`select current_setting('statement_timeout') as s,
                   current_setting('idle_in_transaction_session_timeout') as i`,
      );
      expect(row).toEqual({ s: '1500ms', i: '2500ms' });
      await expect(own.db.execute(sql`select pg_sleep(5)`)).rejects.toMatchObject({
        cause: { code: '57014' }, // query_canceled: statement timeout
      });
    });
  });
});
