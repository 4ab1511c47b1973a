import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SESSION_COOKIE,
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

/**
 * The operating areas of issue 21 in a real browser, one server for all:
 * objectives and their measurements, control operation and checks, the
 * resources plan, the legal register (in Japanese) and attestations.
 * Setup goes through the API; what a user does goes through the pages.
 */
describe('objectives, controls, resources, legal register and attestations', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession; // administrator and ISMS manager
  let top: ApiSession; // top management: decides attestations
  const pages: TrackedPage[] = [];
  const CONTROL = '9.2.3';

  /** A request with headers apiRequest does not set (If-None-Match, If-Match). */
  async function send<T>(path: string, method: string, body: unknown, headers = {}) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie: `${SESSION_COOKIE}=${admin.cookie}`,
        'x-csrf-token': admin.csrfToken,
        'content-type': 'application/json',
        ...headers,
      },
      body: JSON.stringify(body),
    });
    expect(response.ok, `${method} ${path}: ${await response.clone().text()}`).toBe(true);
    return (await response.json()) as T;
  }

  async function open(session: ApiSession, locale = 'en-US'): Promise<Page> {
    const tracked = await newPage(browser, { baseURL: server.url, locale });
    pages.push(tracked);
    // Other suites share the machine; pages and chunks can take long to arrive.
    tracked.page.setDefaultTimeout(45_000);
    await signInPage(tracked.page, server, session);
    return tracked.page;
  }

  beforeAll(async () => {
    server = await startServer({ timeoutMs: 240_000 });
    browser = await launchBrowser();
    admin = await apiSetup(server, { locale: 'en' });
    const credentials = await apiCreateUser(server, admin, {
      email: 'ceo@example.com',
      displayName: 'Kenji President',
      roles: ['top_management'],
    });
    top = await apiLogin(server, credentials);
    // A scope and a statement in which one control is applicable, with a check.
    await send(
      '/api/v1/scope',
      'PUT',
      { businessActivities: 'Payroll service' },
      {
        'if-none-match': '*',
      },
    );
    const soa = await send<{ id: string; current: { version: number } }>('/api/v1/soa', 'POST', {});
    await send(
      `/api/v1/soa/${soa.id}/entries/bulk`,
      'POST',
      { controlIds: [CONTROL], change: { applicable: true } },
      { 'if-match': `"${soa.current.version}"` },
    );
    await apiRequest(server, admin, 'POST', `/api/v1/controls/${CONTROL}/checks`, {
      title: 'Quarterly access review',
      method: 'Compare the accounts with the HR list',
      frequency: 'quarterly',
      nextDue: '2026-01-31',
    });
    await apiRequest(server, admin, 'POST', '/api/v1/documents', {
      code: 'PRC-021',
      title: '個人情報取扱手順',
      type: 'procedure',
    });
  }, 300_000);

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('creates an objective, records a measurement and shows its status and chart', async () => {
    const page = await open(admin);
    await page.goto('/objectives');
    await page.getByRole('button', { name: 'New objective' }).first().click();
    const form = page.getByRole('dialog', { name: 'New objective' });
    await expectDialogAccessible(form, 'New objective (en)');
    await form.getByRole('textbox', { name: /^Title/ }).fill('Patch servers within 14 days');
    await form.getByRole('textbox', { name: /^What is measured/ }).fill('Share patched in time');
    await form.getByRole('textbox', { name: /^Baseline/ }).fill('0');
    await form.getByRole('textbox', { name: /^Target/ }).fill('100');
    const due = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel(/^Due date/).fill(due);
    await form.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Patch servers within 14 days' }).waitFor();

    const record = page.getByRole('form', { name: 'Record measurement' });
    await record.getByRole('textbox', { name: /^Value/ }).fill('60');
    await record.getByRole('button', { name: 'Record measurement' }).click();
    await page.getByRole('table', { name: 'Measurements' }).getByText('60').first().waitFor();
    // Ahead of the plan drawn from the start to the due date: on track.
    await page.getByText('On track', { exact: true }).first().waitFor();
    await page
      .getByRole('img', { name: 'Measurements of Patch servers within 14 days against the target' })
      .waitFor();
    await expectAccessible(page, 'objective (en)');
    expect(unexpectedErrors(pages.at(-1)!.errors)).toEqual([]);
  });

  it("sets a control's operation and raises a nonconformity from a failed check", async () => {
    const page = await open(admin);
    await page.goto(`/controls/${CONTROL}`);
    await page.getByRole('button', { name: 'Record operation' }).click();
    await page.getByRole('combobox', { name: /^Operation status/ }).click();
    await page.getByRole('option', { name: 'In operation', exact: true }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Operation saved.').waitFor();

    await page.getByRole('button', { name: 'Record result' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Record result: Quarterly access review' });
    await expectDialogAccessible(dialog, 'Record result (en)');
    await dialog.getByRole('combobox', { name: /^Result/ }).click();
    await page.getByRole('option', { name: 'Not effective', exact: true }).click();
    await dialog.getByRole('textbox', { name: /^What was found/ }).fill('Two leavers active');
    await dialog.getByRole('button', { name: 'Record result' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Raise nonconformity' }).click();
    const raise = page.getByRole('dialog', { name: 'Raise a nonconformity' });
    await expectDialogAccessible(raise, 'Raise a nonconformity (en)');
    await raise.getByRole('button', { name: 'Raise nonconformity' }).click();
    await raise.waitFor({ state: 'detached' });
    const link = page.getByRole('link', { name: /^Nonconformity NC-/ });
    await link.waitFor();
    await link.click();
    await page.waitForURL(/\/corrective-actions\/[0-9a-f-]{36}$/);
    // The nonconformity names the check and what it found.
    await page
      .getByRole('heading', { name: /Quarterly access review: .* \/ not effective/ })
      .waitFor();
    await expectAccessible(page, 'nonconformity from a check (en)');
    expect(unexpectedErrors(pages.at(-1)!.errors)).toEqual([]);
  });

  it('enters a planned figure and sees it in the year', async () => {
    const page = await open(admin);
    await page.goto('/resources');
    await page.getByRole('button', { name: 'Add resource' }).first().click();
    const form = page.getByRole('dialog', { name: /^Add a resource to FY\d{4}$/ });
    await expectDialogAccessible(form, 'Add a resource (en)');
    await form.getByRole('textbox', { name: /^Resource/ }).fill('Vulnerability scanner licence');
    await form.getByRole('textbox', { name: /^Planned amount/ }).fill('480000');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    const register = page.getByRole('table', { name: 'Resources register' });
    const row = register.getByRole('row').filter({ hasText: 'Vulnerability scanner licence' });
    await row.getByText(/480,000/).waitFor();
    await page
      .getByText(/480,000/)
      .first()
      .waitFor();
    await expectAccessible(page, 'resources (en)');
    expect(unexpectedErrors(pages.at(-1)!.errors)).toEqual([]);
  });

  it('法的要求事項を文書付きで登録し、レビューを記録する（日本語）', async () => {
    await apiRequest(server, admin, 'PATCH', '/api/v1/me', { locale: 'ja' });
    const page = await open(admin, 'ja-JP');
    try {
      await page.goto('/legal');
      await page.getByRole('button', { name: '要求事項を追加' }).first().click();
      const form = page.getByRole('dialog', { name: '法的・契約上の要求事項の追加' });
      await expectDialogAccessible(form, '要求事項の追加 (ja)');
      await form.getByRole('combobox', { name: /^種類/ }).click();
      await page.getByRole('option', { name: '法律', exact: true }).click();
      await form.getByRole('textbox', { name: /^名称/ }).fill('個人情報の保護に関する法律');
      await form.getByRole('textbox', { name: /^対応する附属書の管理策/ }).fill('12.1.1');
      const picker = form.getByRole('combobox', { name: '対応する文書' });
      await picker.fill('個人情報');
      await page.getByRole('option', { name: 'PRC-021 個人情報取扱手順' }).click();
      await form.getByRole('button', { name: '追加', exact: true }).click();
      await form.waitFor({ state: 'detached' });
      await page.getByRole('link', { name: '個人情報の保護に関する法律' }).click();
      await page.getByRole('link', { name: /個人情報取扱手順/ }).waitFor();

      await page.getByRole('button', { name: 'レビューを記録' }).click();
      const review = page.getByRole('dialog', { name: /のレビュー$/ });
      await expectDialogAccessible(review, 'レビュー (ja)');
      await review.getByRole('radio', { name: /^登録内容のとおり/ }).check();
      await review.getByRole('button', { name: 'レビューを記録' }).click();
      await review.waitFor({ state: 'detached' });
      await page.getByText('まだレビューされていません。').waitFor({ state: 'detached' });
      await expectAccessible(page, '法的要求事項 (ja)');
      expect(unexpectedErrors(pages.at(-1)!.errors)).toEqual([]);
    } finally {
      await apiRequest(server, admin, 'PATCH', '/api/v1/me', { locale: 'en' });
    }
  });

  it('the ISMS manager attests to an item, another person approves it, the item is met by attestation', async () => {
    const item = '4.2.2.c';
    const manager = await open(admin);
    await manager.goto(`/conformity?item=${item}`);
    await manager.getByRole('button', { name: 'Record an attestation' }).click();
    const form = manager.getByRole('dialog', { name: /^Attest to / });
    await expectDialogAccessible(form, 'Attest (en)');
    await form
      .getByRole('textbox', { name: /^Statement/ })
      .fill('The server room door log was checked on site by the ISMS manager.');
    await form.getByRole('button', { name: 'Record', exact: true }).click();
    await form.getByRole('button', { name: 'Close' }).first().click();
    await manager.getByText('You recorded it: someone else decides.').waitFor();

    const ceo = await open(top);
    await ceo.goto(`/conformity?item=${item}`);
    // The item's drawer holds the attestation waiting for a decision.
    const drawer = ceo.getByRole('dialog');
    await drawer.getByRole('button', { name: 'Approve', exact: true }).click();
    await ceo.getByText(/^Met by attestation, valid until \d{4}-\d{2}-\d{2}$/).waitFor();
    await expectAccessible(ceo, 'attestation approved (en)');
    for (const tracked of pages.slice(-2)) expect(unexpectedErrors(tracked.errors)).toEqual([]);
  });
});
