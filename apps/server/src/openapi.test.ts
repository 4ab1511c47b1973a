import { afterAll, beforeAll, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from './testing/app.ts';
import { MAMORU_VERSION } from './version.ts';

describeEachDatabase('OpenAPI document', (ctx) => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const res = await app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\.1\./);
    const validator = new Validator();
    const result = await validator.validate(spec);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // The validator is strict enough to notice a broken document.
    const broken = structuredClone(spec);
    delete broken.info;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('describes the public routes and hides the internal ones', async () => {
    const spec = (await app.inject('/api/openapi.json')).json();
    expect(spec.info).toMatchObject({ title: 'Mamoru API', version: MAMORU_VERSION });
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/healthz', '/readyz', '/api/v1/version']),
    );
    expect(spec.paths['/api/openapi.json']).toBeUndefined();
    expect(spec.paths['/metrics']).toBeUndefined();
    const ready = spec.paths['/readyz'].get.responses;
    expect(Object.keys(ready)).toEqual(expect.arrayContaining(['200', '503']));
  });

  it('serves the interactive docs as HTML', async () => {
    const res = await app.inject('/api/docs');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
    expect(res.body).toContain('swagger');
  });
});
