import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
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
  const page = '<!doctype html><title>Mamoru</title>';
  const script = 'console.log("mamoru")';
  let app: App;
  beforeAll(async () => {
    writeFileSync(join(webDist, 'index.html'), page);
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(join(webDist, 'assets', 'app.js'), script);
    // What the build writes beside each file (apps/web/vite.config.ts).
    writeFileSync(join(webDist, 'assets', 'app.js.br'), brotliCompressSync(script));
    writeFileSync(join(webDist, 'assets', 'app.js.gz'), gzipSync(script));
    writeFileSync(join(webDist, 'index.html.br'), brotliCompressSync(page));
    writeFileSync(join(webDist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
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

  it('sends the brotli or gzip copy the browser accepts, and says it varies by Accept-Encoding', async () => {
    const br = await app.inject({
      url: '/assets/app.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await app.inject({ url: '/assets/app.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await app.inject({
      url: '/assets/app.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(script);
  });

  it('caches hashed assets for a year as immutable, and revalidates index.html and other files', async () => {
    const asset = await app.inject({ url: '/assets/app.js', headers: { 'accept-encoding': 'br' } });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    for (const url of ['/', '/risks/42', '/favicon.svg']) {
      const response = await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
    // The deep-link fallback sends the compressed page too, still as HTML.
    const deepLink = await app.inject({ url: '/risks/42', headers: { 'accept-encoding': 'br' } });
    expect(deepLink.headers['content-encoding']).toBe('br');
    expect(deepLink.headers['content-type']).toMatch(/^text\/html/);
    expect(brotliDecompressSync(deepLink.rawPayload).toString()).toBe(page);
  });
});
