import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { setupOrganization, type Client } from '../testing/identity.ts';

interface Problem {
  status: number;
  code: string;
  errors?: { field: string; code: string; message: string }[];
}

describeEachDatabase('text with a NUL character', (ctx) => {
  let app: App;
  let admin: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
  });
  afterAll(() => app.close());

  it('is refused with 400 naming each field, in the body and in the query, and nothing is stored', async () => {
    const created = await admin.post('/api/v1/org-units', {
      code: 'NUL-1',
      name: 'Sales\u0000',
      description: 'ok',
    });
    expect(created.statusCode, created.body).toBe(400);
    const problem = created.json<Problem>();
    expect(problem.code).toBe('validation');
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: 'name', code: 'text_nul_character' }),
    ]);
    const units = await admin.get('/api/v1/org-units?limit=200');
    expect(JSON.stringify(units.json())).not.toContain('NUL-1');

    const nested = await admin.post('/api/v1/record-types', {
      code: 'nul',
      name: 'Minutes',
      fields: [{ key: 'k', label: 'a\u0000b' }],
    });
    expect(nested.statusCode, nested.body).toBe(400);
    expect(nested.json<Problem>().errors?.map((e) => e.field)).toEqual(['fields.0.label']);

    const query = await admin.get('/api/v1/assets?q=%00');
    expect(query.statusCode, query.body).toBe(400);
    const queryProblem = query.json<Problem>();
    expect(queryProblem.errors?.[0]).toMatchObject({ field: 'q', code: 'text_nul_character' });
    expect(queryProblem.errors?.[0]?.message).toContain('NUL character');
  });

  it('leaves a raw upload to its route: a CSV file body is bytes, not a field to walk', async () => {
    const csv = 'code,name,category\nNUL-CSV,Laptop,hardware\n';
    const validated = await admin.post('/api/v1/assets/import/validate', csv, {
      headers: { 'content-type': 'text/csv' },
    });
    // The import answers for itself (its own report), not the NUL check.
    expect(validated.statusCode, validated.body).toBeLessThan(300);
    expect(validated.body).not.toContain('text_nul_character');
  });

  it('lets ordinary text through', async () => {
    const created = await admin.post('/api/v1/org-units', {
      code: 'OK-1',
      name: '営業部 Sales',
      description: '',
    });
    expect(created.statusCode, created.body).toBe(201);
  });
});
