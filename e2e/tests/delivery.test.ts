import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCreateUser,
  apiLogin,
  artifactsDir,
  expectAccessible,
  expectDialogAccessible,
  launchBrowser,
  newPage,
  startServer,
  STRONG_PASSWORD,
  type RunningServer,
  type TrackedPage,
  unexpectedErrors,
} from '../support/index.ts';

/** What a fresh visitor may download as JavaScript for the first page (bytes on the wire). */
const FIRST_PAGE_JS_BUDGET = 300_000;

interface ScriptLoad {
  url: string;
  encoding: string | undefined;
  cacheControl: string | undefined;
  /** Bytes received for the response (headers and compressed body), as DevTools shows. */
  transferred: number | undefined;
}

function header(headers: Record<string, string>, name: string) {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** Records, through the DevTools protocol, every script response the page receives. */
async function recordScripts(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const scripts = new Map<string, ScriptLoad>();
  cdp.on('Network.responseReceived', (event) => {
    if (event.type !== 'Script') return;
    scripts.set(event.requestId, {
      url: event.response.url,
      encoding: header(event.response.headers, 'content-encoding'),
      cacheControl: header(event.response.headers, 'cache-control'),
      transferred: undefined,
    });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const script = scripts.get(event.requestId);
    if (script) script.transferred = event.encodedDataLength;
  });
  await cdp.send('Network.enable');
  return {
    /** The scripts loaded so far, once the network has been quiet. */
    async settled() {
      await page.waitForLoadState('networkidle');
      const loads = [...scripts.values()];
      expect(loads.filter((load) => load.transferred === undefined)).toEqual([]);
      return { loads, total: loads.reduce((sum, load) => sum + (load.transferred ?? 0), 0) };
    },
  };
}

/** The measured downloads, written to e2e/artifacts/first-load.json for the record. */
const measured: Record<string, { total: number; scripts: string[] }> = {};
function measure(what: string, { loads, total }: { loads: ScriptLoad[]; total: number }) {
  measured[what] = { total, scripts: describeLoads(loads).split('\n') };
}

function describeLoads(loads: ScriptLoad[]) {
  return loads
    .map(
      (load) => `${load.transferred} ${load.encoding ?? 'identity'} ${new URL(load.url).pathname}`,
    )
    .join('\n');
}

describe('first load and delivery in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const pages: TrackedPage[] = [];
  const admin = { email: 'first@example.com', password: STRONG_PASSWORD, name: 'Haruka First' };

  async function open(locale: string) {
    const tracked = await newPage(browser, { baseURL: server.url, locale });
    pages.push(tracked);
    return tracked;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    mkdirSync(artifactsDir, { recursive: true });
    writeFileSync(join(artifactsDir, 'first-load.json'), `${JSON.stringify(measured, null, 2)}\n`);
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('first run: the note names the roles the first user really gets', async () => {
    const tracked = await open('en-US');
    const { page } = tracked;
    const scripts = await recordScripts(page);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Set up Mamoru' }).waitFor();
    const { loads, total } = await scripts.settled();
    measure('first-run page (en)', { loads, total });
    expect(total, describeLoads(loads)).toBeLessThanOrEqual(FIRST_PAGE_JS_BUDGET);

    const note = await page.getByText(/^This account gets two roles/).textContent();
    expect(note).toContain('administrator');
    expect(note).toContain('ISMS manager');
    await page.getByLabel('Organization name').fill('Example Corp');
    await page.getByLabel('Your name').fill(admin.name);
    await page.getByLabel('Email address').fill(admin.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Create organization and sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    const session = await page.evaluate(async () => {
      const response = await fetch('/api/v1/auth/session');
      return (await response.json()) as { user: { roles: string[] } };
    });
    expect([...session.user.roles].sort()).toEqual(['admin', 'isms_manager']);
    expect(unexpectedErrors(tracked.errors)).toEqual([]);
  });

  const languages = [
    {
      locale: 'en-US',
      lang: 'en',
      signIn: 'Sign in',
      dashboard: 'Dashboard',
      assets: ['Create asset', 'Create information asset', 'Import', 'Import the asset inventory'],
    },
    {
      locale: 'ja-JP',
      lang: 'ja',
      signIn: 'サインイン',
      dashboard: 'ダッシュボード',
      assets: ['情報資産を登録', '情報資産の登録', 'インポート', '資産台帳のインポート'],
    },
  ];
  for (const { locale, lang, signIn, dashboard, assets } of languages) {
    it(`a new visitor (${lang}) downloads at most 300 KB of compressed, immutable JS for the log-in page and the dashboard`, async () => {
      const owner = await apiLogin(server, admin);
      const user = await apiCreateUser(server, owner, {
        email: `visitor-${lang}@example.com`,
        displayName: `Visitor ${lang}`,
        roles: ['isms_manager'],
        locale: lang,
      });
      const tracked = await open(locale);
      const { page } = tracked;
      const scripts = await recordScripts(page);

      const html = await page.goto('/');
      expect(html?.headers()['cache-control']).toBe('no-cache');
      await page.getByRole('heading', { level: 1, name: signIn }).waitFor();
      const login = await scripts.settled();
      measure(`log-in page (${lang})`, login);
      expect(login.total, describeLoads(login.loads)).toBeLessThanOrEqual(FIRST_PAGE_JS_BUDGET);
      await expectAccessible(page, `the log-in page (${lang})`);

      await page.getByRole('textbox', { name: /^(Email address|メールアドレス)/ }).fill(user.email);
      await page.getByRole('textbox', { name: /^(Password|パスワード)/ }).fill(user.password);
      await page.getByRole('button', { name: signIn }).click();
      await page.getByRole('heading', { level: 1, name: dashboard }).waitFor();
      const both = await scripts.settled();
      measure(`log-in page, then the dashboard (${lang})`, both);
      expect(both.total, describeLoads(both.loads)).toBeLessThanOrEqual(FIRST_PAGE_JS_BUDGET);

      for (const load of both.loads) {
        const path = new URL(load.url).pathname;
        const body = await (await fetch(load.url)).text();
        // The build compresses every file over 1 KiB (smaller ones gain nothing).
        if (body.length > 1024) expect(load.encoding, path).toMatch(/^(br|gzip)$/);
        expect(load.cacheControl, path).toBe('public, max-age=31536000, immutable');
        // No source maps in production: neither a reference nor the file.
        expect(body, path).not.toContain('sourceMappingURL');
        expect((await fetch(`${load.url}.map`)).status, `${path}.map`).toBe(404);
      }

      // The dialogs axe once flagged (unnamed close buttons), in this language too.
      const [create, createTitle, importButton, importTitle] = assets;
      await page.goto('/assets');
      for (const [button, title] of [
        [create, createTitle],
        [importButton, importTitle],
      ] as const) {
        await page.getByRole('button', { name: button, exact: true }).first().click();
        const dialog = page.getByRole('dialog', { name: title });
        await expectDialogAccessible(dialog, `${title} (${lang})`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
      }
      expect(unexpectedErrors(tracked.errors)).toEqual([]);
    });
  }
});
