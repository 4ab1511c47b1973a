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
  unexpectedErrors,
  type ApiSession,
  type RunningServer,
  type TrackedPage,
} from '../support/index.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

describe('records and evidence files in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;
  let approver: ApiSession;
  const pages: TrackedPage[] = [];

  beforeAll(async () => {
    // A busy machine (other suites running) can take over a minute to migrate and listen.
    server = await startServer({ timeoutMs: 240_000 });
    browser = await launchBrowser();
    admin = await apiSetup(server, { locale: 'en' });
    const credentials = await apiCreateUser(server, admin, {
      email: 'approver@example.com',
      displayName: 'Ivy Approver',
      roles: ['isms_manager'],
    });
    approver = await apiLogin(server, credentials);
  }, 300_000);

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it(
    'creates a record type and a record with a file; disposal is refused before retention end, approved after',
    { timeout: 300_000 },
    async () => {
      const tracked = await newPage(browser, { baseURL: server.url, locale: 'en-US' });
      pages.push(tracked);
      const { page } = tracked;
      // Other suites share the machine; pages and chunks can take long to arrive.
      page.setDefaultTimeout(45_000);
      await signInPage(page, server, admin);

      // A record type, in the admin page.
      await page.goto('/records/types');
      await page.getByText('No record types yet.').waitFor();
      await page.getByRole('button', { name: 'New record type' }).click();
      const typeDialog = page.getByRole('dialog', { name: 'New record type' });
      await expectDialogAccessible(typeDialog, 'New record type (en)');
      await typeDialog.getByRole('textbox', { name: /^Code/ }).fill('ACCESS-REVIEW');
      await typeDialog
        .getByRole('textbox', { name: /Name \(Japanese\)/ })
        .fill('アクセス権レビュー記録');
      await typeDialog
        .getByRole('textbox', { name: /Name \(English\)/ })
        .fill('Access review record');
      await typeDialog.getByRole('textbox', { name: 'Disposal method' }).fill('Delete from Mamoru');
      await typeDialog.getByRole('button', { name: 'Create type' }).click();
      await typeDialog.waitFor({ state: 'detached' });
      await page.getByRole('table', { name: 'Record types' }).getByText('1 years').waitFor();

      // A record of today, with an uploaded file.
      await page.goto('/records');
      await page.getByText('No records yet').waitFor();
      await page.getByRole('button', { name: 'New record' }).click();
      const recordDialog = page.getByRole('dialog', { name: 'New record' });
      await expectDialogAccessible(recordDialog, 'New record (en)');
      await recordDialog
        .getByRole('textbox', { name: /^Title/ })
        .fill('Quarterly access review Q1');
      await recordDialog.getByRole('button', { name: 'Create record' }).click();
      await page.getByRole('heading', { name: 'Quarterly access review Q1' }).waitFor();
      await page.getByText('No files attached.').waitFor();
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'review.pdf', mimeType: 'application/pdf', buffer: PDF });
      const link = page.getByRole('link', { name: 'Download review.pdf' });
      await link.waitFor();
      expect(await page.getByText('application/pdf').count()).toBe(1);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('review.pdf');

      // Disposal before the retention end is refused, with the date.
      await page.getByRole('button', { name: 'Request disposal' }).click();
      const disposal = page.getByRole('dialog', { name: 'Request disposal' });
      await expectDialogAccessible(disposal, 'Request disposal (en)');
      await disposal.getByRole('button', { name: 'Send for approval' }).click();
      await disposal.getByText(/must be kept until/).waitFor();

      await expectAccessible(page);
      await page.keyboard.press('Escape');
      await disposal.waitFor({ state: 'detached' });

      // An old record: disposal goes for approval; once approved a disposal record stays.
      const types = await apiRequest<{ items: { id: string }[] }>(
        server,
        admin,
        'GET',
        '/api/v1/record-types',
      );
      const old = await apiRequest<{ id: string }>(server, admin, 'POST', '/api/v1/records', {
        typeId: types.items[0]!.id,
        title: 'Visitor log 2001',
        recordDate: '2001-04-01',
      });
      await page.goto(`/records/${old.id}`);
      await page.getByRole('button', { name: 'Request disposal' }).click();
      const request = page.getByRole('dialog', { name: 'Request disposal' });
      await expectDialogAccessible(request, 'Request disposal (en)');
      await request.getByRole('textbox', { name: 'Reason' }).fill('Kept long enough');
      await request.getByRole('button', { name: 'Send for approval' }).click();
      await request.waitFor({ state: 'detached' });
      await page.getByText('Disposal is waiting for approval by the ISMS manager.').waitFor();
      const record = await apiRequest<{ approvalId: string }>(
        server,
        admin,
        'GET',
        `/api/v1/records/${old.id}`,
      );
      await apiRequest(
        server,
        approver,
        'POST',
        `/api/v1/approvals/${record.approvalId}/decision`,
        {
          decision: 'approved',
        },
      );
      await page.reload();
      await page.getByText('Disposed of', { exact: true }).first().waitFor();
      await page.getByText('Ivy Approver').waitFor();
      await page.getByText('Kept long enough').waitFor();

      await expectAccessible(page);
      // The refused disposal is a 409 the browser logs; nothing else may fail.
      const errors = unexpectedErrors(tracked.errors).filter((e) => !/status of 409/.test(e));
      expect(errors).toEqual([]);
    },
  );

  it(
    'the ISMS manager adds a required date field to a record type; a record of that type asks for it and shows it',
    { timeout: 180_000 },
    async () => {
      // A type of its own, so this does not depend on the test above.
      await apiRequest(server, admin, 'POST', '/api/v1/record-types', {
        code: 'VISITOR-LOG',
        name: { ja: '入館記録', en: 'Visitor log' },
        retention: { value: 3, unit: 'years' },
      });
      const tracked = await newPage(browser, { baseURL: server.url, locale: 'en-US' });
      pages.push(tracked);
      const { page } = tracked;
      page.setDefaultTimeout(45_000);
      await signInPage(page, server, admin);

      // The type gets a required date field in its edit form.
      await page.goto('/records/types');
      const types = page.getByRole('table', { name: 'Record types' });
      await types.getByText('Visitor log').waitFor();
      await page.getByRole('button', { name: 'Edit Visitor log' }).click();
      const form = page.getByRole('dialog', { name: 'Edit record type VISITOR-LOG' });
      await expectDialogAccessible(form, 'Edit record type VISITOR-LOG (en)');
      await form.getByRole('button', { name: 'Add field' }).click();
      await form.getByRole('textbox', { name: /^Key \(field 1\)/ }).fill('visitDate');
      await form.getByRole('textbox', { name: /^Label in Japanese \(field 1\)/ }).fill('訪問日');
      await form.getByRole('textbox', { name: /^Label in English \(field 1\)/ }).fill('Visit date');
      await form.getByRole('combobox', { name: 'Kind (field 1)' }).click();
      await page.getByRole('option', { name: 'Date', exact: true }).click();
      await form.getByRole('checkbox', { name: 'Required (field 1)' }).check();
      await form.getByRole('button', { name: 'Save changes' }).click();
      await form.waitFor({ state: 'detached' });
      const row = types.getByRole('row').filter({ hasText: 'VISITOR-LOG' });
      await row.getByRole('cell', { name: 'Visit date', exact: true }).waitFor();

      // A new record of the type has an input for the field; left empty, the field says so.
      await page.goto('/records');
      await page.getByRole('button', { name: 'New record' }).click();
      const dialog = page.getByRole('dialog', { name: 'New record' });
      await expectDialogAccessible(dialog, 'New record (en)');
      await dialog.getByRole('combobox', { name: /^Record type/ }).click();
      await page.getByRole('option', { name: 'Visitor log', exact: true }).click();
      await dialog.getByRole('textbox', { name: /^Title/ }).fill('Visitors, April');
      const visitDate = dialog.getByLabel(/^Visit date/);
      await visitDate.waitFor();
      expect(await visitDate.getAttribute('type')).toBe('date');
      expect(await visitDate.getAttribute('required')).not.toBeNull();
      await dialog.getByRole('button', { name: 'Create record' }).click();
      await dialog.getByText('Required', { exact: true }).waitFor();
      expect(await visitDate.getAttribute('aria-invalid')).toBe('true');
      // The message is the one this input points to, not another field's.
      const describedBy = (await visitDate.getAttribute('aria-describedby')) ?? '';
      const messages = await Promise.all(
        describedBy
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => page.locator(`[id="${id}"]`).textContent()),
      );
      expect(messages).toContain('Required');
      expect(await dialog.getByText('Required', { exact: true }).count()).toBe(1);

      // Filled in, the record is created and shows the entry under the field's label.
      await visitDate.fill('2026-04-15');
      await dialog.getByRole('button', { name: 'Create record' }).click();
      await page.getByRole('heading', { name: 'Visitors, April' }).waitFor();
      const entries = page.getByRole('region', { name: 'Entries' });
      await entries.getByRole('term').filter({ hasText: 'Visit date' }).waitFor();
      expect(await entries.getByRole('definition').allTextContents()).toEqual(['15 Apr 2026']);

      await expectAccessible(page);
      expect(unexpectedErrors(tracked.errors)).toEqual([]);
    },
  );
});
