import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { artifactsDir } from './paths.ts';

/** Debian's chromium; no browser download. Override with MAMORU_CHROMIUM. */
export const chromiumPath = process.env.MAMORU_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface NewPageOptions extends BrowserContextOptions {
  /** The server's base URL; page.goto('/path') resolves against it. */
  baseURL: string;
  /** Browser language, e.g. 'ja-JP' or 'en-US' (sets navigator.languages and Accept-Language). */
  locale?: string;
}

export interface TrackedPage {
  page: Page;
  /** Uncaught exceptions and console errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** A page in its own context (fresh storage), collecting uncaught errors. */
export async function newPage(browser: Browser, options: NewPageOptions): Promise<TrackedPage> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'en-US',
    ...options,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { page, errors, close: () => context.close() };
}

/** Saves a screenshot (of the viewport unless fullPage) to e2e/artifacts/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string, { fullPage = false } = {}) {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * Errors other than the browser's own "401 (Unauthorized)" line for the
 * session probe: signed out, GET /api/v1/auth/session answers 401 by design.
 */
export function unexpectedErrors(errors: string[]) {
  return errors.filter((error) => !/status of 401 \(Unauthorized\)/.test(error));
}
