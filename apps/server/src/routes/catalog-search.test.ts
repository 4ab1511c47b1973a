import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CatalogControl } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { setupOrganization, type Client } from '../testing/identity.ts';

const BASE = '/api/v1/catalogs/jipdec-isms-2.0/controls';

// The pickers of forms search controls and requirement clauses through one route.
describeEachDatabase('catalog search for pickers', (ctx) => {
  let app: App;
  let admin: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
  });
  afterAll(() => app.close());

  const search = async (query: Record<string, string>) => {
    const res = await admin.get(BASE, { query });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: CatalogControl[] }>().items;
  };

  it('finds requirement clauses by ID or title when asked for requirements', async () => {
    // The criteria number a clause and an annex control alike: 4.2.1 is both.
    const [clause] = await search({ q: '4.2.1', namespace: 'requirement', limit: '1' });
    expect(clause).toMatchObject({
      id: '4.2.1',
      displayId: '第4 2.(1)',
      title: { ja: 'ISMSの確立', en: 'Establish the ISMS' },
    });
    const [control] = await search({ q: '4.2.1', limit: '1' });
    expect(control).toMatchObject({ id: '4.2.1', displayId: '4(2)①' });
    const byTitle = await search({ q: '文書管理', namespace: 'requirement' });
    expect(byTitle.map((n) => n.id)).toContain('4.3.2');
  });

  it('lists controls in document order without a query, and refuses an unknown namespace', async () => {
    const first = await search({ limit: '3' });
    expect(first).toHaveLength(3);
    expect(first[0]!.title.ja).toBeTruthy();
    expect(first[0]!.title.en).toBeTruthy();
    const bad = await admin.get(BASE, { query: { namespace: 'asset' } });
    expect(bad.statusCode).toBe(400);
  });
});
