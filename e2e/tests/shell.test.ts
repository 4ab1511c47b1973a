import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCreateUser,
  apiLogin,
  apiSetup,
  expectAccessible,
  launchBrowser,
  newPage,
  screenshot,
  signInPage,
  startServer,
  type ApiSession,
  type RunningServer,
  type TrackedPage,
  unexpectedErrors,
} from '../support/index.ts';

describe('application shell in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;
  const pages: TrackedPage[] = [];

  /** A page in a fresh context, signed in as `session` when given. */
  async function open(locale: string, session?: ApiSession) {
    const tracked = await newPage(browser, { baseURL: server.url, locale });
    pages.push(tracked);
    if (session) await signInPage(tracked.page, server, session);
    return tracked;
  }

  /** A new user with the given profile language, signed in through the API. */
  async function newUser(email: string, locale: string) {
    const credentials = await apiCreateUser(server, admin, {
      email,
      displayName: email.split('@')[0]!,
      roles: ['isms_manager'],
      locale,
    });
    return apiLogin(server, credentials);
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await apiSetup(server, { locale: 'en' });
  });

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('loads in English, switches to Japanese and remembers the choice', async () => {
    const tracked = await open('en-US', await newUser('kenji@example.com', 'en'));
    const { page } = tracked;
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Scope', exact: true }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    // The version comes from the real API (GET /api/v1/version).
    await page
      .getByTestId('app-version')
      .filter({ hasText: /^Mamoru \d+\.\d+\.\d+/ })
      .waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible(tracked.page, 'the dashboard (en)');
    await screenshot(page, 'shell-dashboard-en');

    // Saved to the profile, which the reload below reads: wait for the save.
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === '/api/v1/me',
    );
    await page.getByRole('radiogroup', { name: 'Display language' }).getByText('日本語').click();
    expect((await saved).status()).toBe(200);

    const navJa = page.getByRole('navigation', { name: 'メインメニュー' });
    await navJa.getByRole('link', { name: '適用範囲', exact: true }).waitFor();
    await navJa.getByRole('link', { name: '適用宣言書', exact: true }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'ダッシュボード' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await expectAccessible(tracked.page, 'the dashboard (ja)');
    await screenshot(page, 'shell-dashboard-ja');

    await page.reload();
    await navJa.getByRole('link', { name: '適用範囲', exact: true }).waitFor();
    expect(unexpectedErrors(tracked.errors)).toEqual([]);
  });

  it('starts in Japanese for a browser that prefers Japanese, and opens an area from the menu', async () => {
    const tracked = await open('ja-JP');
    const { page } = tracked;
    await page.goto('/');
    // Signed out, the browser's language decides: the log-in page is in Japanese.
    await page.getByRole('heading', { level: 1, name: 'サインイン' }).waitFor();
    await signInPage(page, server, await newUser('haruka@example.com', 'ja'));
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '情報セキュリティ目標', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: '情報セキュリティ目標' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/objectives');
    expect(await page.title()).toBe('情報セキュリティ目標 · Mamoru');
    await expectAccessible(tracked.page, 'an area page (ja)');
    await screenshot(page, 'shell-placeholder-ja');
    expect(unexpectedErrors(tracked.errors)).toEqual([]);
  });

  it('shows the Not Found page for an unknown path', async () => {
    const tracked = await open('en-US', admin);
    const { page } = tracked;
    const response = await page.goto('/no/such/page');
    expect(response?.status()).toBe(200); // the server hands client routes to the SPA
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.getByText('There is no page at /no/such/page').waitFor();
    await expectAccessible(tracked.page, 'the Not Found page');
    await screenshot(page, 'shell-not-found-en');
    await page.getByRole('link', { name: 'Go to the dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  });
});
