import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCreateUser,
  apiLogin,
  apiRequest,
  apiSetup,
  launchBrowser,
  newPage,
  SESSION_COOKIE,
  signInPage,
  startServer,
  type ApiSession,
  type RunningServer,
  type TrackedPage,
} from '../support/index.ts';

interface ScopeAnswer {
  current: { orgUnitIds: string[]; locationIds: string[] } | null;
}

/** Plan-phase forms: what a dialog saves, and where a refused save's field errors show. */
describe('plan forms in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;
  let topManagement: ApiSession;
  let manager: ApiSession;
  const pages: TrackedPage[] = [];

  const open = async (session: ApiSession, locale: 'en-US' | 'ja-JP') => {
    const tracked = await newPage(browser, { baseURL: server.url, locale });
    pages.push(tracked);
    // Other suites share the machine; pages and chunks can take long to arrive.
    tracked.page.setDefaultTimeout(45_000);
    await signInPage(tracked.page, server, session);
    return tracked.page;
  };

  /** An API call with an If-Match header, which apiRequest does not send. */
  const withIfMatch = async <T>(session: ApiSession, path: string, version: number) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        cookie: `${SESSION_COOKIE}=${session.cookie}`,
        'x-csrf-token': session.csrfToken,
        'content-type': 'application/json',
        'if-match': `"${version}"`,
      },
      body: '{}',
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    // A busy machine (other suites running) can take over a minute to migrate and listen.
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
    // A Japanese ISMS manager: the app speaks the user's language.
    manager = await apiLogin(
      server,
      await apiCreateUser(server, admin, {
        email: 'manager@example.com',
        displayName: '佐藤 花子',
        roles: ['isms_manager'],
        locale: 'ja',
      }),
    );
  }, 300_000);

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('adds a new unit and location to the scope being edited, saving nothing until Save', async () => {
    const page = await open(admin, 'en-US');
    const scopeWrites: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET' && new URL(request.url()).pathname === '/api/v1/scope') {
        scopeWrites.push(request.method());
      }
    });
    await page.goto('/scope');
    await page.getByText('No scope has been written yet', { exact: false }).waitFor();
    await page
      .getByRole('textbox', { name: 'Business activities in the scope' })
      .fill('Cloud payroll');

    await page.getByRole('button', { name: 'New organization unit' }).click();
    let dialog = page.getByRole('dialog', { name: 'New organization unit' });
    await dialog.getByRole('textbox', { name: /^Code/ }).fill('HR');
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Human resources');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'New location' }).click();
    dialog = page.getByRole('dialog', { name: 'New location' });
    await dialog.getByRole('textbox', { name: /^Code/ }).fill('DC1');
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Tokyo data centre');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Both joined the form, the text typed before is still there, and nothing was saved.
    await page.getByText('HR Human resources').first().waitFor();
    await page.getByText('DC1 Tokyo data centre').first().waitFor();
    expect(
      await page.getByRole('textbox', { name: 'Business activities in the scope' }).inputValue(),
    ).toBe('Cloud payroll');
    expect(scopeWrites).toEqual([]);
    expect(
      (await apiRequest<ScopeAnswer>(server, admin, 'GET', '/api/v1/scope')).current,
    ).toBeNull();

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Version 1: Draft').waitFor();
    expect(scopeWrites).toHaveLength(1);
    const saved = (await apiRequest<ScopeAnswer>(server, admin, 'GET', '/api/v1/scope')).current!;
    expect(saved.orgUnitIds).toHaveLength(1);
    expect(saved.locationIds).toHaveLength(1);
  });

  it('puts a refused justification (422) on its control, labelled in Japanese', async () => {
    // A method in force and the risks of one asset, made through the API.
    const method = await apiRequest<{ id: string; version: number }>(
      server,
      admin,
      'POST',
      '/api/v1/risk-methods',
      { name: 'Method', preset: 'multiplicative' },
    );
    const submitted = await withIfMatch<{ approvalId: string }>(
      admin,
      `/api/v1/risk-methods/${method.id}/approval`,
      method.version,
    );
    await apiRequest(
      server,
      topManagement,
      'POST',
      `/api/v1/approvals/${submitted.approvalId}/decision`,
      { decision: 'approved' },
    );
    const asset = await apiRequest<{ id: string }>(server, admin, 'POST', '/api/v1/assets', {
      code: 'A-001',
      name: '顧客データベース',
      category: 'information',
      owner: { type: 'user', id: admin.user.id },
      confidentiality: 3,
      integrity: 3,
      availability: 3,
    });
    await apiRequest(server, admin, 'POST', '/api/v1/risks/generate', { assetIds: [asset.id] });
    const risks = await apiRequest<{ items: { code: string }[] }>(
      server,
      admin,
      'GET',
      '/api/v1/risks?limit=1',
    );
    const code = risks.items[0]!.code;

    const page: Page = await open(manager, 'ja-JP');
    await page.goto('/risks?q=A-001');
    await page.getByRole('button', { name: code, exact: true }).click();
    const drawer = page.getByRole('dialog', { name: `リスク ${code}` });
    await drawer.getByRole('radio', { name: /管理策の適用/ }).check();
    const picker = drawer.getByRole('combobox', { name: '選択した管理策に追加' });
    await picker.click();
    await picker.fill('8.1.3');
    // Japanese readers see the control as the standard writes it.
    await page.getByRole('option', { name: /^8\(1\)③ / }).click();
    // The justification is left blank: the server refuses it.
    await drawer.getByRole('button', { name: 'リスク対応を保存' }).click();

    const justification = drawer.getByRole('textbox', { name: '対応する内容: 8.1.3' });
    await expect
      .poll(() => justification.getAttribute('aria-invalid'), { timeout: 30_000 })
      .toBe('true');
    // The message sits under the control's own input, in the user's language.
    await drawer
      .getByRole('table', { name: '選択した管理策' })
      .getByText('必須項目です。')
      .waitFor();
    expect(await drawer.getByRole('alert').first().textContent()).not.toContain('selectedControls');
  });
});
