import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCreateUser,
  apiLogin,
  apiRequest,
  apiSetup,
  expectAccessible,
  launchBrowser,
  newPage,
  SESSION_COOKIE,
  signInPage,
  startServer,
  type ApiSession,
  type RunningServer,
  type TrackedPage,
} from '../support/index.ts';

/**
 * An internal audit end to end: the ISMS manager plans it under an approved
 * programme; the internal auditor, in the browser, records the checklist's
 * results (one a minor nonconformity), the lead auditor approves the report,
 * and the conformity view's 6.4 items change.
 */

type Versioned = { id: string; version: number };
interface ConformityItem {
  id: string;
  status: string;
  data: Record<string, unknown>;
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const fiscalYear = (d = new Date()) =>
  d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;

describe('internal audits in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;
  let top: ApiSession;
  let auditor: ApiSession;
  const pages: TrackedPage[] = [];

  /** A write with If-Match, which apiRequest does not send. */
  async function writeIfMatch<T>(
    session: ApiSession,
    method: string,
    path: string,
    version: number,
    body?: unknown,
  ): Promise<T> {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie: `${SESSION_COOKIE}=${session.cookie}`,
        'x-csrf-token': session.csrfToken,
        'if-match': `"${version}"`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as T;
  }

  const conformity = async (id: string) => {
    const report = await apiRequest<{ items: ConformityItem[] }>(
      server,
      admin,
      'GET',
      '/api/v1/conformity',
    );
    return report.items.find((i) => i.id === id)!;
  };

  beforeAll(async () => {
    server = await startServer({ timeoutMs: 240_000 });
    browser = await launchBrowser();
    admin = await apiSetup(server, { locale: 'en' });
    const user = async (email: string, displayName: string, roles: string[]) =>
      apiLogin(server, await apiCreateUser(server, admin, { email, displayName, roles }));
    top = await user('ceo@example.com', 'Chie President', ['top_management']);
    auditor = await user('auditor@example.com', 'Ilse Auditor', ['internal_auditor']);
  }, 360_000);

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it(
    'an auditor fills the checklist with a minor nonconformity; the approved report moves 6.4',
    { timeout: 300_000 },
    async () => {
      // Planning by the ISMS manager (the administrator holds that role), through the API.
      const unit = await apiRequest<{ id: string }>(server, admin, 'POST', '/api/v1/org-units', {
        code: 'IT',
        name: 'Information Systems',
      });
      await apiRequest(server, admin, 'POST', '/api/v1/internal-auditors', {
        userId: auditor.user.id,
        qualifications: 'Internal auditor course',
      });
      const programme = await apiRequest<Versioned>(
        server,
        admin,
        'POST',
        '/api/v1/audit-programmes',
        { fiscalYear: fiscalYear(), title: 'Audit programme' },
      );
      const requested = await writeIfMatch<{ approvalId: string }>(
        admin,
        'POST',
        `/api/v1/audit-programmes/${programme.id}/approval`,
        programme.version,
        {},
      );
      await apiRequest(server, top, 'POST', `/api/v1/approvals/${requested.approvalId}/decision`, {
        decision: 'approved',
      });
      const created = await apiRequest<Versioned>(server, admin, 'POST', '/api/v1/audits', {
        title: 'Audit of Information Systems',
        programmeId: programme.id,
        plannedStart: day(0),
        plannedEnd: day(7),
        auditeeUnitIds: [unit.id],
        requirementIds: ['6.4.a', '4.2.3.d'],
      });
      const staffed = await writeIfMatch<Versioned>(
        admin,
        'PUT',
        `/api/v1/audits/${created.id}/team`,
        created.version,
        { leadUserId: auditor.user.id, memberUserIds: [] },
      );
      await writeIfMatch(auditor, 'POST', `/api/v1/audits/${created.id}/status`, staffed.version, {
        status: 'in_progress',
      });
      await apiRequest(server, auditor, 'POST', `/api/v1/audits/${created.id}/checklist/generate`);

      const before = await conformity('6.4.a');
      expect(before.data.unauditedIds).toEqual(expect.arrayContaining(['6.4.a', '4.2.3.d']));

      // The auditor, in the browser: results on the checklist, then the report.
      const tracked = await newPage(browser, { baseURL: server.url, locale: 'en-US' });
      pages.push(tracked);
      const { page } = tracked;
      page.setDefaultTimeout(45_000);
      await signInPage(page, server, auditor);
      await page.goto(`/internal-audits/${created.id}`);
      await page.getByRole('tab', { name: 'Checklist' }).click();

      const record = async (no: number, result: string, notes: string) => {
        await page.getByRole('button', { name: `Actions for line ${no}` }).click();
        await page.getByRole('menuitem', { name: 'Record result' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('combobox', { name: 'Result' }).click();
        await page.getByRole('option', { name: result, exact: true }).click();
        await dialog.getByRole('textbox', { name: 'Notes' }).fill(notes);
        await dialog.getByRole('button', { name: 'Save result' }).click();
        await dialog.waitFor({ state: 'detached' });
      };
      await record(1, 'Minor nonconformity', 'Findings have no due dates.');
      await record(2, 'Conform', 'Audits run as planned.');
      await page.getByText('2 of 2 answered').waitFor();

      await page.getByRole('tab', { name: 'Findings' }).click();
      await page.getByText('Findings have no due dates.').first().waitFor();

      await page.getByRole('tab', { name: 'Report' }).click();
      await page.getByRole('textbox', { name: 'Summary' }).fill('Audited as planned.');
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByText('The draft was saved.').waitFor();
      await page.getByRole('button', { name: 'Approve report' }).click();
      await page.getByText('The report was approved and is now frozen.').waitFor();
      await page.getByText('Approved', { exact: true }).waitFor();
      await expectAccessible(page, 'the approved audit report (en)');

      // The conformity view: the audited clauses are no longer named as not audited.
      const after = await conformity('6.4.a');
      expect(after.data.unauditedIds).not.toContain('6.4.a');
      expect(after.data.unauditedIds).not.toContain('4.2.3.d');
      expect(Number(after.data.unaudited)).toBe(Number(before.data.unaudited) - 2);
      expect(after.status).toBe('partly_met');
      expect((await conformity('4.2.3.d')).status).not.toBe('not_met');
    },
  );
});
