import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiRequest,
  apiSetup,
  formatViolations,
  launchBrowser,
  newPage,
  runAxe,
  seriousViolations,
  signInPage,
  startServer,
  type ApiSession,
  type RunningServer,
  type TrackedPage,
} from '../support/index.ts';

function csvFile(name: string, lines: string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n') + '\r\n') };
}

describe('asset register in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;
  const pages: TrackedPage[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await apiSetup(server, { locale: 'en' });
    await apiRequest(server, admin, 'POST', '/api/v1/org-units', { code: 'SALES', name: 'Sales' });
    await apiRequest(server, admin, 'POST', '/api/v1/locations', {
      code: 'HQ',
      name: 'Head office',
      kind: 'building',
    });
  });

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('creates and classifies an asset, imports a CSV after fixing it, and filters', async () => {
    const tracked = await newPage(browser, { baseURL: server.url, locale: 'en-US' });
    pages.push(tracked);
    const { page } = tracked;
    await signInPage(page, server, admin);
    await page.goto('/assets');
    await page.getByText('No information assets yet').waitFor();

    // Create one asset in the UI, owned by the Sales unit and classified.
    await page.getByRole('button', { name: 'Create asset' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create information asset' });
    await dialog.getByRole('textbox', { name: /^Code/ }).fill('A-001');
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Customer database');
    await dialog.getByText('An organization unit').click();
    await dialog.getByRole('combobox', { name: /^Owner/ }).click();
    await page.getByRole('option', { name: 'SALES Sales' }).click();
    await dialog.getByRole('combobox', { name: 'Classification' }).click();
    await page.getByRole('option').nth(1).click();
    await dialog.getByRole('combobox', { name: 'Confidentiality' }).click();
    await page.getByRole('option', { name: '3' }).click();
    await dialog.getByRole('button', { name: 'Create asset' }).click();
    await dialog.waitFor({ state: 'detached' });
    const table = page.getByRole('table', { name: 'Asset inventory' });
    await table.getByText('A-001').waitFor();
    expect(await table.getByRole('row').nth(1).textContent()).toContain('3 / – / –');

    // Import: the first file has a row without a name; the report shows it before any commit.
    await page.getByRole('button', { name: 'Import' }).click();
    const importer = page.getByRole('dialog', { name: 'Import the asset inventory' });
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
    await importer.getByRole('button', { name: 'Import', exact: true }).click();
    await importer.getByText('Imported').waitFor();
    await importer.getByRole('button', { name: 'Close' }).last().click();

    await table.getByText('B-002').waitFor();
    const violations = seriousViolations(await runAxe(page));
    expect(violations, formatViolations(violations)).toEqual([]);

    // Filter: the search goes to the server.
    await page.getByRole('searchbox', { name: 'Search assets' }).fill('Payroll');
    await table.getByText('A-001').waitFor({ state: 'detached' });
    await table.getByText('B-001').waitFor();
    expect(await table.getByText('A-001').count()).toBe(0);
  });

  it('shows the classification scheme and the scope without accessibility violations', async () => {
    const tracked = await newPage(browser, { baseURL: server.url, locale: 'en-US' });
    pages.push(tracked);
    const { page } = tracked;
    await signInPage(page, server, admin);

    await page.goto('/classifications');
    await page.getByRole('heading', { level: 1, name: 'Classification scheme' }).waitFor();
    await page.getByRole('table').first().waitFor();
    let violations = seriousViolations(await runAxe(page));
    expect(violations, formatViolations(violations)).toEqual([]);

    await page.goto('/scope');
    await page.getByText('No scope has been written yet', { exact: false }).waitFor();
    await page.getByRole('textbox', { name: 'Business activities in the scope' }).fill('Payroll');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Version 1: Draft').waitFor();
    violations = seriousViolations(await runAxe(page));
    expect(violations, formatViolations(violations)).toEqual([]);
  });
});
