import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiLogin,
  apiRequest,
  demoDataFolder,
  expectAccessible,
  expectDialogAccessible,
  launchBrowser,
  newPage,
  signInPage,
  startServer,
  STRONG_PASSWORD,
  type RunningServer,
  type TrackedPage,
} from '../support/index.ts';

/**
 * The migration assistant over the demo company: its Ver.2.0 statement is in
 * force (`mamoru demo --complete` has it approved by the president); the
 * assistant drafts the ISO/IEC 27001:2022 statement, a reviewer confirms one
 * control, and both statements download side by side as XLSX.
 */

const EMAIL = 'migration@example.com';

describe('the migration to ISO/IEC 27001:2022 in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let tracked: TrackedPage;
  let dataDir: string;
  const downloads = mkdtempSync(join(tmpdir(), 'mamoru-e2e-migration-dl-'));

  beforeAll(async () => {
    dataDir = demoDataFolder({
      prefix: 'mamoru-e2e-migration-',
      email: EMAIL,
      name: '移行 担当',
      complete: true,
    });
    server = await startServer({ env: { MAMORU_DATA_DIR: dataDir } });
    browser = await launchBrowser();
    const session = await apiLogin(server, { email: EMAIL, password: STRONG_PASSWORD });
    await apiRequest(server, session, 'PATCH', '/api/v1/me', { locale: 'en' });
    tracked = await newPage(browser, { baseURL: server.url, locale: 'en-US' });
    tracked.page.setDefaultTimeout(30_000);
    await signInPage(tracked.page, server, session);
  }, 300_000);

  afterAll(async () => {
    await tracked?.close().catch(() => {});
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
  });

  it('drafts the 2022 statement, confirms a control and downloads both side by side', async () => {
    const page = tracked.page;
    await page.goto('/statement-of-applicability');
    await page.getByRole('link', { name: 'Migrate to ISO/IEC 27001:2022' }).click();
    await page.getByText(/Starting point: “.+”, version \d+ \(approved\)\./).waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Draft the 2022 statement' }).click();
    await page.getByText(/Drafted 93 controls; \d+ await review\./).waitFor();
    const progress = page.getByText(/^\d+ of 93 confirmed · \d+ awaiting review/);
    await progress.waitFor();
    const before = Number(/^(\d+) of/.exec((await progress.textContent())!)![1]);
    await expectAccessible(page);

    // The newcomers of 2022 wait for a person; threat information is one of them.
    await page.getByText('New in 2022', { exact: true }).first().click();
    const row = page.getByRole('button', { name: /A\.5\.7\s*Threat information/ });
    await row.click();
    const drawer = page.getByRole('dialog');
    await expectDialogAccessible(drawer, 'the review drawer of a migrated control (en)');
    await drawer.getByText('No Ver.2.0 control maps to this one').waitFor();
    await drawer.getByText('Applicable', { exact: true }).click();
    await drawer.getByRole('button', { name: 'Add reason' }).click();
    await drawer.getByRole('textbox', { name: 'Note', exact: true }).fill('Threat feeds we follow');
    await drawer.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('A.5.7 confirmed.').waitFor();
    await drawer.waitFor({ state: 'detached' });
    await page.getByText(new RegExp(`^${before + 1} of 93 confirmed`)).waitFor();

    // The side-by-side workbook: one row per 2022 control, the confirmed one marked.
    await page.getByRole('button', { name: 'Side-by-side XLSX' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'XLSX (English)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('soa-migration-iso-iec-27001-2022-en.xlsx');
    expect(await download.failure()).toBeNull();
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(94);
    expect(sheet.getRow(1).getCell(1).value).toBe('Control No.');
    const confirmed = sheet.getRows(2, 93)!.find((r) => r.getCell(1).value === 'A.5.7')!;
    expect(confirmed.getCell(3).value).toBe('Yes');
    expect(String(confirmed.getCell(4).value)).toContain('Threat feeds we follow');
    expect(String(confirmed.getCell(6).value)).toMatch(/^Confirmed/);
    const policies = sheet.getRows(2, 93)!.find((r) => r.getCell(1).value === 'A.5.1')!;
    expect(String(policies.getCell(8).value)).toContain('A.3.1.1');
    expect(workbook.worksheets[1]!.name).toBe('Current controls unmapped');
  }, 300_000);
});
