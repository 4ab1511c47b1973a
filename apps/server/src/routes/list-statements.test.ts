import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import pg from 'pg';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { setupOrganization, tokenClient } from '../testing/identity.ts';
import { createAsset } from '../testing/isms.ts';

/**
 * How many SQL statements one list page costs a token caller: one for the
 * token (with its user and roles), the rest the list itself. Counted on
 * PostgreSQL, where every statement passes through pg's Client#query.
 */
describeEachDatabase('statements of a list request', (ctx) => {
  let app: App;
  let bearer: ReturnType<typeof tokenClient>;
  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    const { admin } = await setupOrganization(app);
    await createAsset(admin, { category: 'information' });
    const made = await admin.post('/api/v1/tokens', { name: 'lists', permissions: ['isms:read'] });
    expect(made.statusCode, made.body).toBe(201);
    bearer = tokenClient(app, made.json().token);
    // The first use marks the token used (one more statement, once a minute).
    expect((await bearer.get('/api/v1/assets?limit=1')).statusCode).toBe(200);
  });
  afterAll(() => app?.close());

  async function statementsOf(url: string) {
    const spy = vi.spyOn(pg.Client.prototype, 'query');
    try {
      const res = await bearer.get(url);
      expect(res.statusCode, res.body).toBe(200);
      return spy.mock.calls.map((call) => {
        const q = call[0] as string | { text: string };
        return typeof q === 'string' ? q : q.text;
      });
    } finally {
      spy.mockRestore();
    }
  }

  // Before the token's select told whether the use mark was due, every request also
  // sent its update (3 and 4 statements).
  it.runIf(ctx.kind === 'postgres')(
    'GET /assets and GET /risks look the token up once, with one statement',
    async () => {
      for (const [url, expected] of [
        // the token, the page, the names of its parties and places (one union)
        ['/api/v1/assets?category=information&status=in_use&sort=name', 3],
        // the token, the page, the method in force (bands)
        ['/api/v1/risks?level=2&sort=value&direction=desc', 3],
      ] as const) {
        const statements = await statementsOf(url);
        expect(
          statements.filter((s) => /"api_tokens"/.test(s)),
          url,
        ).toHaveLength(1);
        const texts = statements.map((s) => s.slice(0, 160)).join('\n');
        expect(statements.length, `${url}:\n${texts}`).toBe(expected);
      }
    },
  );
});
