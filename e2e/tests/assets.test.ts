import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCreateUser,
  apiLogin,
  apiSetup,
  expectAccessible,
  expectDialogAccessible,
  launchBrowser,
  newPage,
  screenshot,
  signInPage,
  startServer,
  type ApiSession,
  type RunningServer,
  type TrackedPage,
} from '../support/index.ts';

function csvFile(name: string, lines: string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n') + '\r\n') };
}

describe('scope and asset register in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;
  let japanese: ApiSession;
  const pages: TrackedPage[] = [];

  async function open(session: ApiSession, locale = 'en-US') {
    const tracked = await newPage(browser, { baseURL: server.url, locale });
    pages.push(tracked);
    // Several browser contexts and imports share the embedded database: allow slow answers.
    tracked.page.setDefaultTimeout(60_000);
    await signInPage(tracked.page, server, session);
    return tracked.page;
  }

  // A generous start-up: the embedded database migrates and loads the catalog first.
  beforeAll(async () => {
    server = await startServer({ timeoutMs: 180_000 });
    browser = await launchBrowser();
    admin = await apiSetup(server, { locale: 'en' });
    japanese = await apiLogin(
      server,
      await apiCreateUser(server, admin, {
        email: 'kei@example.com',
        displayName: '佐藤 圭',
        roles: ['isms_manager'],
        locale: 'ja',
      }),
    );
  }, 240_000);

  // On failure, what each open page showed (e2e/artifacts/).
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    for (const [i, tracked] of pages.entries()) {
      await screenshot(tracked.page, `assets-failure-${i}`).catch(() => {});
      if (tracked.errors.length) console.error(`page ${i}:`, tracked.errors.join('\n'));
    }
  });

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('creates a unit, a location and an asset, classifies it, imports a fixed CSV and filters', async () => {
    const page = await open(admin);

    // The organization unit and the location, from the scope page where they are needed.
    await page.goto('/scope');
    await page.getByText('No scope has been written yet', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'New organization unit' }).click();
    let dialog = page.getByRole('dialog', { name: 'New organization unit' });
    await expectDialogAccessible(dialog, 'New organization unit (en)');
    await dialog.getByRole('textbox', { name: /^Code/ }).fill('SALES');
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Sales');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'New location' }).click();
    dialog = page.getByRole('dialog', { name: 'New location' });
    await expectDialogAccessible(dialog, 'New location (en)');
    await dialog.getByRole('textbox', { name: /^Code/ }).fill('HQ');
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Head office');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('textbox', { name: 'Business activities in the scope' }).fill('Payroll');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Version 1: Draft').waitFor();

    // One asset, owned by the Sales unit, at the head office.
    await page.goto('/assets');
    await page.getByText('No information assets yet').waitFor();
    await page.getByRole('button', { name: 'Create asset' }).first().click();
    dialog = page.getByRole('dialog', { name: 'Create information asset' });
    await expectDialogAccessible(dialog, 'Create information asset (en)');
    await dialog.getByRole('textbox', { name: /^Code/ }).fill('A-001');
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Customer database');
    await dialog.getByText('An organization unit').click();
    await dialog.getByRole('combobox', { name: /^Owner/ }).click();
    await page.getByRole('option', { name: 'SALES Sales' }).click();
    await dialog.getByRole('combobox', { name: 'Location' }).click();
    await page.getByRole('option', { name: 'HQ Head office' }).click();
    await dialog.getByRole('combobox', { name: 'Confidentiality' }).click();
    await page.getByRole('option', { name: '3' }).click();
    await dialog.getByRole('button', { name: 'Create asset' }).click();
    await dialog.waitFor({ state: 'detached' });
    const table = page.getByRole('table', { name: 'Asset inventory' });
    await table.getByText('A-001', { exact: true }).waitFor();
    expect(await table.getByRole('row').nth(1).textContent()).toContain('3 / – / –');

    // Classified in place, in the register (If-Match of the row read).
    await table.getByRole('button', { name: /^Change Classification of A-001:/ }).click();
    const editor = page.getByRole('dialog').filter({ has: page.getByRole('combobox') });
    await expectDialogAccessible(editor, 'the classification editor in the register (en)');
    await editor.getByRole('combobox', { name: 'Classification' }).click();
    await page.getByRole('option', { name: 'Confidential', exact: true }).click();
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    await table.getByRole('row').nth(1).getByText('Confidential', { exact: true }).waitFor();

    // Import: the first file has a row without a name; the report shows it before any commit.
    await page.getByRole('button', { name: 'Import' }).click();
    const importer = page.getByRole('dialog', { name: 'Import the asset inventory' });
    await expectDialogAccessible(importer, 'Import the asset inventory (en)');
    const header = 'Code,Name,Category,Owner';
    await importer
      .locator('input[type="file"]')
      .setInputFiles(
        csvFile('bad.csv', [header, 'B-001,Payroll,information,SALES', 'B-002,,software,SALES']),
      );
    await importer.getByRole('button', { name: 'Check the file' }).click();
    const report = importer.getByRole('table', { name: 'Problems found in the file' });
    await report.waitFor();
    expect(await report.textContent()).toContain('3');
    expect(await importer.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(
      true,
    );

    await importer
      .locator('input[type="file"]')
      .setInputFiles(
        csvFile('good.csv', [
          header,
          'B-001,Payroll,information,SALES',
          'B-002,HR system,software,SALES',
        ]),
      );
    await importer.getByRole('button', { name: 'Check the file' }).click();
    await importer.getByText(/2 rows: 2 new/).waitFor();
    // The preview shows each row and what importing it does, before the commit.
    const preview = importer.getByRole('table', {
      name: 'Rows of the file and what importing them does',
    });
    await preview.waitFor();
    expect(await preview.getByRole('row').nth(2).textContent()).toBe('3B-002HR systemNew');
    await expectDialogAccessible(importer, 'the import preview (en)');
    await importer.getByRole('button', { name: 'Import', exact: true }).click();
    await importer.getByText('Imported').waitFor();
    await importer.getByRole('button', { name: 'Close' }).last().click();

    await table.getByText('B-002', { exact: true }).waitFor();
    await expectAccessible(page, 'the register (en)');

    // Filters go to the server: by classification, then by search.
    await page.getByRole('combobox', { name: 'Classification' }).click();
    await page.getByRole('option', { name: 'Confidential', exact: true }).click();
    await table.getByText('B-001', { exact: true }).waitFor({ state: 'detached' });
    expect(await table.getByText('A-001', { exact: true }).count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search assets' }).fill('Payroll');
    await page.getByText('No assets match these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await table.getByText('B-002', { exact: true }).waitFor();
    await page.getByRole('searchbox', { name: 'Search assets' }).fill('Payroll');
    await table.getByText('A-001', { exact: true }).waitFor({ state: 'detached' });
    await table.getByText('B-001', { exact: true }).waitFor();
    expect(await table.getByText('B-002', { exact: true }).count()).toBe(0);
  });

  it('keeps a saved view of the register on the server, for the next browser too', async () => {
    const page = await open(admin);
    await page.goto('/assets');
    const table = page.getByRole('table', { name: 'Asset inventory' });
    await table.getByText('A-001', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Category' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('searchbox', { name: 'Search assets' }).fill('B-00');
    await table.getByText('A-001', { exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('menuitem', { name: 'Save as a new view…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save the current view' });
    await expectDialogAccessible(dialog, 'Save the current view (en)');
    await dialog.getByRole('textbox', { name: /Name of the view/ }).fill('Imported ones');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Another browser (a fresh context) of the same user finds the view and applies it.
    const other = await open(admin);
    await other.goto('/assets');
    const otherTable = other.getByRole('table', { name: 'Asset inventory' });
    await otherTable.getByText('A-001', { exact: true }).waitFor();
    await other.getByRole('button', { name: 'Views' }).click();
    await other.getByRole('menuitem', { name: 'Imported ones' }).click();
    await otherTable.getByText('A-001', { exact: true }).waitFor({ state: 'detached' });
    expect(await otherTable.getByRole('columnheader', { name: 'Category' }).count()).toBe(0);
    expect(await other.getByRole('searchbox', { name: 'Search assets' }).inputValue()).toBe('B-00');
  });

  it('edits the scope interfaces and has no accessibility violations, in English and Japanese', async () => {
    const page = await open(admin);
    await page.goto('/classifications');
    await page.getByRole('heading', { level: 1, name: 'Classification scheme' }).waitFor();
    await page.getByRole('table').first().waitFor();
    await expectAccessible(page, 'the classification scheme (en)');

    await page.goto('/scope');
    await page.getByText('Version 1: Draft').waitFor();
    await page.getByRole('button', { name: 'Add interface' }).click();
    await page
      .getByRole('group', { name: 'Interface 1' })
      .getByRole('textbox', { name: /^Interface/ })
      .fill('Payroll SaaS');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/scope') && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect((await saved).status()).toBe(200);
    await page.reload();
    await page.getByRole('group', { name: 'Interface 1' }).waitFor();
    expect(
      await page
        .getByRole('group', { name: 'Interface 1' })
        .getByRole('textbox', { name: /^Interface/ })
        .inputValue(),
    ).toBe('Payroll SaaS');
    await expectAccessible(page, 'the scope (en)');

    // The same pages for a user who reads Japanese.
    const ja = await open(japanese, 'ja-JP');
    await ja.goto('/assets');
    await ja.getByRole('heading', { level: 1, name: '資産台帳' }).waitFor();
    await ja.getByRole('table', { name: '資産台帳' }).getByText('A-001', { exact: true }).waitFor();
    await expectAccessible(ja, 'the register (ja)');
    await ja.goto('/classifications');
    await ja.getByRole('heading', { level: 1, name: '分類体系' }).waitFor();
    await ja.getByRole('table').first().waitFor();
    await expectAccessible(ja, 'the classification scheme (ja)');
    await ja.goto('/scope');
    await ja.getByText('第1版：下書き').waitFor();
    await expectAccessible(ja, 'the scope (ja)');
  });
});
