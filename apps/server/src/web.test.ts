import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from './testing/app.ts';

/**
 * The server with a built web app (what `npm ci` produces through `prepare`).
 * Regression: a second root not-found handler once made buildApp throw
 * "Not found handler already set" whenever apps/web/dist/index.html existed.
 */
describeEachDatabase('web app', (ctx) => {
  const webDist = mkdtempSync(join(tmpdir(), 'mamoru-web-'));
  let app: App;
  beforeAll(async () => {
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Mamoru</title>');
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(join(webDist, 'assets', 'app.js'), 'console.log("mamoru")');
    app = await buildTestApp(ctx.database, { webDist });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes', async () => {
    for (const url of ['/', '/risks/42?tab=history']) {
      const page = await app.inject(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type'], url).toMatch(/^text\/html/);
      expect(page.body, url).toContain('<title>Mamoru</title>');
    }
  });

  it('serves index.html for a page navigation whose path has dots', async () => {
    const page = await app.inject({
      url: '/catalog/jipdec-isms-2.0/controls/10.3.2',
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Mamoru</title>');
  });

  it('serves built assets, and a missing one is a 404 rather than index.html', async () => {
    const asset = await app.inject('/assets/app.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    const missing = await app.inject('/assets/missing.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('<title>Mamoru</title>');
  });

  it('keeps problem+json 404s for unknown API routes', async () => {
    const api = await app.inject('/api/v1/nope');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(api.json()).toMatchObject({ code: 'route_not_found' });
  });
});
