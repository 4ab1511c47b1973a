import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCreateUser,
  apiLogin,
  apiSetup,
  expectAccessible,
  launchBrowser,
  newPage,
  signInPage,
  startServer,
  startSmtpCapture,
  unexpectedErrors,
  SESSION_COOKIE,
  type ApiSession,
  type RunningServer,
  type SmtpCapture,
  type TrackedPage,
} from '../support/index.ts';

/** A request as a signed-in user with extra headers (If-Match, If-None-Match). */
async function send(
  server: RunningServer,
  session: ApiSession,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      cookie: `${SESSION_COOKIE}=${session.cookie}`,
      'x-csrf-token': session.csrfToken,
      'content-type': 'application/json',
      ...headers,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return { json: JSON.parse(text) as Record<string, unknown>, etag: response.headers.get('etag') };
}

/**
 * An approval request reaches its approver twice: in the bell of the app and,
 * with SMTP configured, by email, both in the approver's language (Japanese
 * here, while the requester works in English).
 */
describe('notifications in a real browser, with real mail', () => {
  let server: RunningServer;
  let smtp: SmtpCapture;
  let browser: Browser;
  let admin: ApiSession;
  let approver: ApiSession;
  const pages: TrackedPage[] = [];

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    server = await startServer({
      timeoutMs: 240_000,
      env: { MAMORU_SMTP_URL: smtp.url, MAMORU_MAIL_FROM: 'Mamoru <isms@example.com>' },
    });
    browser = await launchBrowser();
    admin = await apiSetup(server, { locale: 'en' });
    const credentials = await apiCreateUser(server, admin, {
      email: 'approver@example.com',
      displayName: '承認 花子',
      roles: ['top_management'],
      locale: 'ja',
    });
    approver = await apiLogin(server, credentials);
    // Only the organization's own domain is mailed.
    const current = await fetch(`${server.url}/api/v1/notification-settings`, {
      headers: { cookie: `${SESSION_COOKIE}=${admin.cookie}` },
    });
    await send(
      server,
      admin,
      'PUT',
      '/api/v1/notification-settings',
      { mailDomains: ['example.com'] },
      {
        'if-match': current.headers.get('etag')!,
      },
    );
  }, 300_000);

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  it(
    "shows an approval request in the approver's bell and mails it in Japanese",
    { timeout: 300_000 },
    async () => {
      const scope = await send(
        server,
        admin,
        'PUT',
        '/api/v1/scope',
        { businessActivities: 'クラウドサービスの開発と運用' },
        { 'if-none-match': '*' },
      );
      await send(
        server,
        admin,
        'POST',
        `/api/v1/scope/versions/${String(scope.json.id)}/approval`,
        {},
        { 'if-match': `"${String(scope.json.version)}"` },
      );

      // The mail, sent right after the request committed (no scheduled job runs here).
      const mails = await smtp.waitFor(1, 60_000);
      const mail = mails.find((m) => m.to.includes('approver@example.com'))!;
      expect(mail.subject).toBe('[Mamoru] 承認依頼: 適用範囲（第1版）');
      expect(mail.text).toContain('承認 花子 様');
      expect(mail.text).toMatch(/https?:\/\/[^/\s]+\/approvals/);
      expect(mail.unsubscribeLinks).toHaveLength(1);
      expect(mail.listUnsubscribe).toBe(`<${mail.unsubscribeLinks[0]}>`);

      // The bell, in Japanese, with one unread notification.
      const tracked = await newPage(browser, { baseURL: server.url, locale: 'ja-JP' });
      pages.push(tracked);
      const { page } = tracked;
      page.setDefaultTimeout(45_000);
      await signInPage(page, server, approver);
      await page.goto('/');
      const bell = page.getByRole('link', { name: '通知（未読 1 件）' });
      await bell.waitFor();
      await bell.click();
      await page.getByRole('heading', { name: '通知', exact: true }).waitFor();
      const item = page.getByTestId('notification').first();
      await item.getByText('適用範囲（第1版）があなたの承認を待っています').waitFor();
      await item.getByText('メール送信済み', { exact: false }).waitFor();
      await expectAccessible(page, 'notifications (ja)');

      // Marking it read empties the bell.
      await item.getByRole('button', { name: '既読にする' }).click();
      await page.getByRole('link', { name: '通知', exact: true }).waitFor();
      expect(unexpectedErrors(tracked.errors)).toEqual([]);
    },
  );

  it('tells the administrator that email is on', { timeout: 120_000 }, async () => {
    const tracked = await newPage(browser, { baseURL: server.url, locale: 'en-US' });
    pages.push(tracked);
    const { page } = tracked;
    page.setDefaultTimeout(45_000);
    await signInPage(page, server, admin);
    await page.goto('/admin/notifications');
    await page.getByTestId('email-status').getByText('Email is on').waitFor();
    await expect(page.getByRole('textbox', { name: /Mail domains/ }).inputValue()).resolves.toBe(
      'example.com',
    );
    expect(unexpectedErrors(tracked.errors)).toEqual([]);
  });
});
