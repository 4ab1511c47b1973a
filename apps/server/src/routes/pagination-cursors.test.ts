import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { setupOrganization, type Client } from '../testing/identity.ts';

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const ID = '00000000-0000-0000-0000-000000000000';

/** Cursors no list accepts: not JSON, a wrong arity, an id that is no UUID, a NUL. */
const anyList = [
  'not-base64-json',
  cursor([1]),
  cursor(['x', 'not-a-uuid']),
  cursor(['a\u0000b', ID]),
];
/** Sort keys that do not cast to the list's key type. */
const typed = {
  text: [],
  int: [cursor(['abc', ID]), cursor(['99999999999999', ID])],
  date: [cursor(['2026-13-45', ID]), cursor(['abc', ID])],
  timestamptz: [cursor(['2026-02-30 10:00:00+00', ID]), cursor(['abc', ID])],
};

/** Lists whose cursor holds a typed sort key, with a sort of every key type they have. */
const lists: [string, keyof typeof typed][] = [
  ['/api/v1/assets?sort=code', 'text'],
  ['/api/v1/assets?sort=value', 'int'],
  ['/api/v1/assets?sort=updatedAt', 'timestamptz'],
  ['/api/v1/assets?sort=nextReviewDate', 'date'],
  ['/api/v1/risks?sort=code', 'text'],
  ['/api/v1/risks?sort=value', 'int'],
  ['/api/v1/records?sort=recordDate', 'date'],
  ['/api/v1/records?sort=title', 'text'],
  ['/api/v1/record-types', 'text'],
  ['/api/v1/documents?sort=updatedAt', 'timestamptz'],
  ['/api/v1/documents?sort=nextReviewDate', 'date'],
  ['/api/v1/treatment-plan?sort=dueDate', 'date'],
  ['/api/v1/treatment-plan?sort=priority', 'int'],
  ['/api/v1/classifications', 'int'],
];

describeEachDatabase('malformed pagination cursors', (ctx) => {
  let app: App;
  let admin: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
  });
  afterAll(() => app.close());

  it('answer 400 invalid_cursor on every list, never 500', async () => {
    for (const [list, type] of lists) {
      for (const bad of [...anyList, ...typed[type]]) {
        const sep = list.includes('?') ? '&' : '?';
        const res = await admin.get(`${list}${sep}cursor=${encodeURIComponent(bad)}`);
        expect({ list, bad, status: res.statusCode }).toEqual({ list, bad, status: 400 });
        expect(res.json()).toMatchObject({ status: 400, code: 'invalid_cursor' });
      }
    }
  });

  it('still accept the cursors the server handed out', async () => {
    const first = await admin.get('/api/v1/classifications?limit=1');
    expect(first.statusCode).toBe(200);
    const next = first.json<{ nextCursor: string | null }>().nextCursor;
    expect(next).not.toBeNull();
    const second = await admin.get(`/api/v1/classifications?limit=1&cursor=${next}`);
    expect(second.statusCode).toBe(200);
  });
});
