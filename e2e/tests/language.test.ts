import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiLogin,
  demoDataFolder,
  expectAccessible,
  apiRequest,
  launchBrowser,
  newPage,
  signInPage,
  startServer,
  STRONG_PASSWORD,
  type RunningServer,
  type TrackedPage,
} from '../support/index.ts';

/**
 * The Japanese UI over the demo company, page by page: no English word and no
 * raw code (`draft`, `confidential`, `approval.requested`) may show outside the
 * places that hold codes or IDs. Those places say so with `code`, `kbd`,
 * `translate="no"` or `data-ascii-ok`, and text in another language says so with
 * `lang`; e-mail addresses and URLs are data.
 */
const PAGES = [
  '/',
  '/scope',
  '/assets',
  '/classifications',
  '/risks',
  '/treatment-plan',
  '/statement-of-applicability',
  '/catalog',
  '/documents',
  '/records',
  '/conformity',
  '/management-review',
  '/approvals',
  '/admin/users',
  '/admin/roles',
  '/admin/audit',
  '/admin/approvals',
];

/**
 * Words Japanese ISMS writing uses as they are: the product's and tools' names,
 * the PDCA phases (計画（Plan）), and the criteria's own version name (Ver.2.0).
 */
const ALLOWED = new Set(['Mamoru', 'Excel', 'Markdown', 'Enter', 'Plan', 'Check', 'Act', 'Ver']);

const EMAIL = 'kanri@example.com';

/** Visible text of the page, less the parts marked as codes, as `[text, where]` pairs. */
async function visibleTexts(page: Page) {
  return page.evaluate(() => {
    const skip = 'code, kbd, script, style, svg, [translate="no"], [data-ascii-ok], [hidden]';
    const out: [string, string][] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!parent || !text || parent.closest(skip)) continue;
      // Text marked as another language (the switch's 「English」) is meant to be.
      if (!(parent.closest('[lang]')?.getAttribute('lang') ?? 'ja').startsWith('ja')) continue;
      if (parent.getClientRects().length === 0) continue;
      const where = parent.closest('[aria-label], h1, h2, h3, th, label, button, a');
      out.push([text, where?.getAttribute('aria-label') ?? where?.tagName ?? parent.tagName]);
    }
    return out;
  });
}

/** Latin words of three letters or more with a lower-case letter: English or a raw code. */
export function englishWords(text: string) {
  const cleaned = text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\/[\w/?=&.-]*/g, ' ');
  return [...cleaned.matchAll(/[A-Za-z_]*[a-z][A-Za-z_]*/g)]
    .map((m) => m[0])
    .filter((word) => word.length >= 3 && !ALLOWED.has(word));
}

describe('the Japanese UI speaks Japanese', () => {
  let server: RunningServer;
  let browser: Browser;
  let tracked: TrackedPage;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = demoDataFolder({ prefix: 'mamoru-e2e-language-', email: EMAIL, name: '管理 花子' });
    server = await startServer({ env: { MAMORU_DATA_DIR: dataDir } });
    browser = await launchBrowser();
    const session = await apiLogin(server, { email: EMAIL, password: STRONG_PASSWORD });
    await apiRequest(server, session, 'PATCH', '/api/v1/me', { locale: 'ja' });
    tracked = await newPage(browser, { baseURL: server.url, locale: 'ja-JP' });
    await signInPage(tracked.page, server, session);
  }, 240_000);

  afterAll(async () => {
    await tracked?.close().catch(() => {});
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('recognises English words and raw codes, and lets data and codes be (self-check)', () => {
    expect(englishWords('状態：draft（Statement of Applicability）')).toEqual([
      'draft',
      'Statement',
      'Applicability',
    ]);
    expect(englishWords('ISMS 管理 R-000001 PDF kanri@example.com /assets?x=1 第1版')).toEqual([]);
  });

  it('has no English words on the main pages over the demo company, and passes axe', async () => {
    const { page } = tracked;
    const found: string[] = [];
    for (const path of PAGES) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await page
        .locator('[aria-busy="true"]')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => {});
      for (const [text, where] of await visibleTexts(page)) {
        const words = englishWords(text);
        if (words.length) found.push(`${path} · ${where} · ${words.join(' ')} ← “${text}”`);
      }
      // The same walk holds every main page to axe in Japanese.
      await expectAccessible(page, `${path} (ja, demo company)`);
    }
    expect(found, found.join('\n')).toEqual([]);
  }, 240_000);
});
