import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCreateUser,
  apiLogin,
  apiRequest,
  apiSetup,
  expectAccessible,
  launchBrowser,
  newPage,
  signInPage,
  startServer,
  type ApiSession,
  type RunningServer,
  type TrackedPage,
} from '../support/index.ts';

interface DocumentDetail {
  id: string;
  controlIds: string[];
  requirementIds: string[];
}

describe('the catalog picker and approving from a summary, in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession; // English
  let managerJa: ApiSession; // ISMS manager reading Japanese
  let topJa: ApiSession; // top management reading Japanese
  const pages: TrackedPage[] = [];

  const open = async (session: ApiSession, locale: string) => {
    const tracked = await newPage(browser, { baseURL: server.url, locale });
    pages.push(tracked);
    await signInPage(tracked.page, server, session);
    return tracked;
  };
  /** Types into a picker and chooses the option the server found. */
  const pick = async (page: Page, field: string, text: string, option: string) => {
    const input = page.getByRole('dialog').getByRole('combobox', { name: field });
    await input.click();
    await input.fill(text);
    await page.getByRole('option', { name: option }).click();
  };

  beforeAll(async () => {
    server = await startServer({ timeoutMs: 240_000 });
    browser = await launchBrowser();
    admin = await apiSetup(server, { locale: 'en' });
    const user = async (email: string, displayName: string, roles: string[]) =>
      apiLogin(
        server,
        await apiCreateUser(server, admin, { email, displayName, roles, locale: 'ja' }),
      );
    managerJa = await user('manager@example.com', '管理 真奈', ['isms_manager']);
    topJa = await user('ceo@example.com', '社長 千恵', ['top_management']);
  }, 360_000);

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it(
    'tags a document with a control and a requirement picked by title, in Japanese and English',
    { timeout: 240_000 },
    async () => {
      const ja = await open(managerJa, 'ja-JP');
      const page = ja.page;
      await page.goto('/documents');
      await page.getByRole('button', { name: '文書を作成' }).first().click();
      const dialog = page.getByRole('dialog', { name: '文書を作成' });
      await dialog.getByRole('textbox', { name: /^コード/ }).fill('PRC-010');
      await dialog.getByRole('textbox', { name: /^表題/ }).fill('構外装置の手順');
      await dialog.getByRole('combobox', { name: /^種別/ }).click();
      await page.getByRole('option', { name: '手順', exact: true }).click();
      // Found by words of the title; named by the criteria's display ID.
      await pick(page, '附属書の管理策', '構外', '7(2)⑥ 構外にある装置のセキュリティ');
      const requirement = dialog.getByRole('combobox', { name: '要求事項' });
      await requirement.click();
      await requirement.fill('文書管理');
      await page.getByRole('option', { name: '第4 3.(2) 文書管理' }).waitFor();
      await expectAccessible(page, 'the document dialog with the requirement picker open (ja)');
      await page.getByRole('option', { name: '第4 3.(2) 文書管理' }).click();
      // A multi-select stays open for the next choice; leave it, so its list no longer
      // covers the dialog's button (on a slow machine it still did when clicked).
      await requirement.blur();
      await page.getByRole('option', { name: '第4 3.(2) 文書管理' }).waitFor({ state: 'hidden' });
      await dialog.getByRole('button', { name: '文書を作成' }).click();
      await page.getByRole('heading', { level: 1, name: 'PRC-010 構外装置の手順' }).waitFor();
      const id = page.url().split('/').pop()!;
      // The API receives IDs, as it always did.
      const doc = await apiRequest<DocumentDetail>(server, admin, 'GET', `/api/v1/documents/${id}`);
      expect(doc.controlIds).toEqual(['7.2.6']);
      expect(doc.requirementIds).toEqual(['4.3.2']);
      expect(ja.errors).toEqual([]);

      // In English the same control is named by its ID and English title.
      const en = await open(admin, 'en-US');
      await en.page.goto('/documents');
      await en.page.getByRole('button', { name: 'New document' }).first().click();
      const controls = en.page
        .getByRole('dialog', { name: 'New document' })
        .getByRole('combobox', { name: 'Annex controls' });
      await controls.click();
      await controls.fill('off-premises');
      await en.page
        .getByRole('option', { name: 'A.7.2.6 Security of equipment off-premises' })
        .waitFor();
      await expectAccessible(en.page, 'the document dialog with the control picker open (en)');
      expect(en.errors).toEqual([]);
    },
  );

  it(
    'has top management approve a scope change from its summary',
    { timeout: 240_000 },
    async () => {
      const headers = async (method: string, path: string, body: unknown, ifMatch: string) => {
        const res = await fetch(`${server.url}${path}`, {
          method,
          headers: {
            cookie: `mamoru_session=${admin.cookie}`,
            'x-csrf-token': admin.csrfToken,
            'content-type': 'application/json',
            ...(ifMatch === '*' ? { 'if-none-match': '*' } : { 'if-match': ifMatch }),
          },
          body: JSON.stringify(body),
        });
        expect(res.status, await res.clone().text()).toBe(200);
        return {
          etag: res.headers.get('etag')!,
          json: (await res.json()) as Record<string, string>,
        };
      };
      const content = (technology: string) => ({
        businessActivities: 'クラウド給与計算サービス',
        technology,
      });
      const decideAsTop = (approvalId: string) =>
        apiRequest(server, topJa, 'POST', `/api/v1/approvals/${approvalId}/decision`, {
          decision: 'approved',
        });
      const v1 = await headers('PUT', '/api/v1/scope', content('AWS 東京リージョン'), '*');
      const sent1 = await headers(
        'POST',
        `/api/v1/scope/versions/${v1.json.id}/approval`,
        {},
        v1.etag,
      );
      await decideAsTop(sent1.json.approvalId!);
      const current = await fetch(`${server.url}/api/v1/scope`, {
        headers: { cookie: `mamoru_session=${admin.cookie}` },
      });
      const v2 = await headers(
        'PUT',
        '/api/v1/scope',
        content('Azure 東日本リージョン'),
        current.headers.get('etag')!,
      );
      const sent2 = await headers(
        'POST',
        `/api/v1/scope/versions/${v2.json.id}/approval`,
        {},
        v2.etag,
      );

      const { page, errors } = await open(topJa, 'ja-JP');
      await page.goto('/approvals');
      await page.getByRole('button', { name: '適用範囲 第2版 の内容を確認' }).click();
      const dialog = page.getByRole('dialog', { name: '承認依頼の内容' });
      const summary = dialog.getByTestId('approval-summary');
      await summary.getByText('承認済みの第 1 版からの変更').waitFor();
      const row = summary.getByRole('row', { name: /適用範囲に含むネットワーク/ });
      await row.getByText('AWS 東京リージョン').waitFor();
      await row.getByText('Azure 東日本リージョン').waitFor();
      expect(await summary.getByText('依頼者：Aiko Admin', { exact: false }).count()).toBe(1);
      expect(await summary.getByRole('link', { name: '開く' }).getAttribute('href')).toBe('/scope');
      await expectAccessible(page, 'the approval summary dialog (ja)');
      await dialog.getByRole('button', { name: '承認', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      const approval = await apiRequest<{ status: string }>(
        server,
        admin,
        'GET',
        `/api/v1/approvals/${sent2.json.approvalId}`,
      );
      expect(approval.status).toBe('approved');
      await expectAccessible(page, 'the approvals page after the decision (ja)');
      expect(errors).toEqual([]);
    },
  );
});
