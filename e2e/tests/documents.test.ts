import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCreateUser,
  apiLogin,
  apiRequest,
  apiSetup,
  expectAccessible,
  expectDialogAccessible,
  launchBrowser,
  newPage,
  signInPage,
  startServer,
  type ApiSession,
  type RunningServer,
  type TrackedPage,
} from '../support/index.ts';

const TITLE = 'Information security policy';

describe('documents in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;
  let topManagement: ApiSession;
  let staff: ApiSession;
  const pages: TrackedPage[] = [];

  const open = async (session: ApiSession) => {
    const tracked = await newPage(browser, { baseURL: server.url, locale: 'en-US' });
    pages.push(tracked);
    await signInPage(tracked.page, server, session);
    return tracked.page;
  };

  beforeAll(async () => {
    // A busy machine (other suites running) can take a minute to migrate and start.
    server = await startServer({ timeoutMs: 240_000 });
    browser = await launchBrowser();
    admin = await apiSetup(server, { locale: 'en' });
    topManagement = await apiLogin(
      server,
      await apiCreateUser(server, admin, {
        email: 'ceo@example.com',
        displayName: 'Chie CEO',
        roles: ['top_management'],
      }),
    );
    staff = await apiLogin(
      server,
      await apiCreateUser(server, admin, {
        email: 'staff@example.com',
        displayName: 'Sato Staff',
        roles: ['staff'],
      }),
    );
  }, 360_000);

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it(
    'writes a policy, has top management approve it, issues it, and staff acknowledge it',
    { timeout: 240_000 },
    async () => {
      // The ISMS manager writes the policy and sends it for approval.
      const page = await open(admin);
      await page.goto('/documents');
      await page.getByText('No documents yet').waitFor();
      await page.getByRole('button', { name: 'New document' }).click();
      const dialog = page.getByRole('dialog', { name: 'New document' });
      await expectDialogAccessible(dialog, 'New document (en)');
      await dialog.getByRole('textbox', { name: /^Code/ }).fill('POL-001');
      await dialog.getByRole('textbox', { name: /^Title/ }).fill(TITLE);
      await dialog.getByRole('combobox', { name: /^Type/ }).click();
      await page.getByRole('option', { name: 'Policy', exact: true }).click();
      await dialog.getByRole('checkbox', { name: 'This is the ISMS policy' }).check();
      const roles = dialog.getByLabel('Distribute to roles');
      await roles.click({ force: true });
      await page.getByRole('option', { name: 'Staff', exact: true }).click();
      await roles.press('Escape');
      await dialog
        .getByRole('textbox', { name: /^Text \(Markdown\)/ })
        .fill('# Our policy\n\n当社は顧客情報を適切に保護する。');
      await dialog.getByRole('button', { name: 'Create document' }).click();
      await page.getByRole('heading', { level: 1, name: `POL-001 ${TITLE}` }).waitFor();
      await page.getByText('No version has been issued yet').waitFor();
      await expectAccessible(page);

      await page.getByRole('tab', { name: 'Draft' }).click();
      await page.getByRole('textbox', { name: /^Summary of changes/ }).fill('First issue');
      await page
        .getByRole('textbox', { name: /^Framework for setting objectives/ })
        .fill('Objectives are set yearly by the ISMS committee.');
      await page
        .getByRole('textbox', { name: /^Business, legal and contractual obligations/ })
        .fill('Privacy law and customer contracts.');
      await page
        .getByRole('textbox', { name: /^Risk evaluation criteria/ })
        .fill('Risk method, acceptance level 6.');
      await page.getByRole('button', { name: 'Send for approval' }).click();
      await page.getByText('This version is waiting for approval').waitFor();
      await expectAccessible(page);

      // Top management approves it in the approvals inbox.
      const ceo = await open(topManagement);
      await ceo.goto('/approvals');
      await ceo.getByRole('button', { name: `Approve POL-001 ${TITLE} rev. 1` }).click();
      const decision = ceo.getByRole('dialog', { name: 'Approve this request?' });
      await expectDialogAccessible(decision, 'Approve this request? (en)');
      await decision.getByRole('button', { name: 'Approve' }).click();
      await decision.waitFor({ state: 'detached' });

      // The manager issues the approved version; it becomes the current version.
      await page.reload();
      await page.getByRole('tab', { name: 'Draft' }).click();
      await page.getByRole('button', { name: 'Issue this version' }).click();
      await page.getByRole('tab', { name: 'Current version' }).click();
      await page.getByRole('heading', { name: 'Our policy' }).waitFor();
      await page.getByText('Rev. 1: Issued').first().waitFor();

      // The issued version exports as a PDF, in the page's language.
      const pdfLink = page.getByRole('link', { name: 'Export PDF' });
      const href = await pdfLink.getAttribute('href');
      expect(href).toMatch(/^\/api\/v1\/documents\/[^/]+\/versions\/[^/]+\/export\.pdf\?lang=en$/);
      const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
      expect(download.suggestedFilename()).toMatch(/^POL-001.*\.pdf$/);
      const saved = await readFile((await download.path())!);
      expect(saved.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // The same link fetched with the page's cookies: status and type as the browser got them.
      const pdf = await page.request.get(href!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/);
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

      // Staff find it on their reading list and acknowledge it.
      const reader = await open(staff);
      await reader.goto('/documents/to-read');
      await reader.getByRole('heading', { level: 1, name: 'Documents to read' }).waitFor();
      await expectAccessible(reader);
      await reader.getByRole('link', { name: `Read ${TITLE}` }).click();
      await reader.getByText('当社は顧客情報を適切に保護する。').waitFor();
      await reader.getByRole('button', { name: 'I have read this document' }).click();
      await reader.getByText(/You confirmed reading this version/).waitFor();
      await expectAccessible(reader);
      await reader.goto('/documents/to-read');
      await reader.getByText('You have read everything distributed to you.').waitFor();

      // The owner sees who has read it.
      await page.getByRole('tab', { name: 'Acknowledgements' }).click();
      const done = page.getByRole('table', { name: 'Acknowledged' });
      await done.getByText('Sato Staff').waitFor();
      expect(await page.getByText('Everyone has acknowledged it.').isVisible()).toBe(true);
      await expectAccessible(page);

      const report = await apiRequest<{ pending: unknown[] }>(
        server,
        admin,
        'GET',
        `/api/v1/documents/${page.url().split('/').pop()}/acknowledgements`,
      );
      expect(report.pending).toEqual([]);
    },
  );
});
