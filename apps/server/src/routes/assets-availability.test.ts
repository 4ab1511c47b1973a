import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { login, setupOrganization, type Client } from '../testing/identity.ts';
import { upload, uniqueCode, waitForJob } from '../testing/isms.ts';
import { IMPORT_SYNC_MAX_BYTES } from './assets.ts';
import type { Job } from '@mamoru/contracts';

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
async function answers<T>(work: Promise<T>, ms = 15_000): Promise<T> {
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

describeEachDatabase('imports and availability', (ctx) => {
  let app: App;
  let admin: Client;
  let password: string;
  let small: Database | undefined;

  beforeAll(async () => {
    // On PostgreSQL the repro of the issue: a pool of one connection.
    const url = (ctx.database as Database & { url?: string }).url;
    small = url ? await openDatabase({ url, dataDir: '', poolMax: 1 }) : undefined;
    app = await buildTestApp(small ?? ctx.database, { dbPoolMax: small ? 1 : 10 });
    ({ admin } = await setupOrganization(app));
    password = 'unused';
    void password;
  });
  afterAll(async () => {
    await app.close();
    await small?.close();
  });

  it('ten background imports at once finish, while /readyz and log-in keep answering', async () => {
    const body = overThreshold(admin.user.email);
    const started = await Promise.all(
      Array.from({ length: 10 }, () => answers(upload(admin, '/api/v1/assets/import', body))),
    );
    for (const res of started) expect(res.statusCode).toBe(202);
    const ids = started.map((res) => res.json<Job>().id);
    const ready = await answers(app.inject({ method: 'GET', url: '/readyz' }));
    expect([200, 503]).toContain(ready.statusCode);
    const session = await answers(login(app, admin.user.email));
    expect(session.user.id).toBe(admin.user.id);
    const finished = await Promise.all(ids.map((id) => answers(waitForJob(admin, id), 120_000)));
    for (const job of finished) expect(job.status).toBe('succeeded');
  }, 180_000);
});
