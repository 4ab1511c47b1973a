import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCreateUser,
  apiLogin,
  apiSetup,
  expectAccessible,
  expectDialogAccessible,
  launchBrowser,
  newPage,
  signInPage,
  SESSION_COOKIE,
  startServer,
  type ApiSession,
  type RunningServer,
  type TrackedPage,
} from '../support/index.ts';

describe('statement of applicability in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;
  let topManagement: ApiSession;
  const pages: TrackedPage[] = [];

  const open = async (session: ApiSession) => {
    const tracked = await newPage(browser, { baseURL: server.url, locale: 'en-US' });
    pages.push(tracked);
    tracked.page.setDefaultTimeout(30_000);
    await signInPage(tracked.page, server, session);
    return tracked.page;
  };

  beforeAll(async () => {
    // Other suites may share the machine: give the first migration more time.
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
    // The statement belongs to a scope: the first scope version, through the API.
    const scope = await fetch(`${server.url}/api/v1/scope`, {
      method: 'PUT',
      headers: {
        cookie: `${SESSION_COOKIE}=${admin.cookie}`,
        'x-csrf-token': admin.csrfToken,
        'content-type': 'application/json',
        'if-none-match': '*',
      },
      body: JSON.stringify({ businessActivities: 'Cloud payroll service' }),
    });
    expect(scope.status).toBe(200);
  }, 300_000);

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('decides controls, resolves blockers, is approved by top management and exports', async () => {
    const page = await open(admin);
    await page.goto('/statement-of-applicability');
    await page.getByRole('button', { name: 'Start the statement' }).click();
    await page.getByText('Version 1: Draft').waitFor();
    await page.getByText('134 controls · 134 undecided').waitFor();
    await expectAccessible(page);

    // Decide two controls in the side panel: one applicable with a reason, one excluded.
    await page
      .getByRole('button', { name: /A\.3\.1\.1\s*Information security policy document/ })
      .click();
    let panel = page.getByRole('dialog');
    await expectDialogAccessible(panel, 'the side panel of a control (en)');
    await panel.getByText('Applicable', { exact: true }).click();
    await panel.getByRole('button', { name: 'Add reason' }).click();
    await panel
      .getByRole('textbox', { name: 'Note', exact: true })
      .fill('Required by our customers');
    await panel.getByRole('button', { name: 'Save entry' }).click();
    await page.getByText('A.3.1.1 saved.').waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: /A\.3\.1\.2\s*Publication/ }).click();
    panel = page.getByRole('dialog');
    await expectDialogAccessible(panel, 'the side panel of a control (en)');
    await panel.getByText('Excluded', { exact: true }).click();
    await panel.getByRole('textbox', { name: 'Reason for exclusion' }).fill('Published elsewhere');
    await panel.getByRole('button', { name: 'Save entry' }).click();
    await page.getByText('A.3.1.2 saved.').waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    // Submitting now is refused; the blockers list names what is missing.
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.getByText(/item\(s\) block it/).waitFor();
    await page.getByRole('tab', { name: 'Blockers (133)' }).waitFor();
    const acceptance = page.getByRole('link', { name: /A\.3\.1\.2\s*Name who accepted the risk/ });
    await acceptance.waitFor();

    // Resolve: the blocker opens the entry; name who accepted the risk.
    await acceptance.click();
    panel = page.getByRole('dialog');
    await expectDialogAccessible(panel, 'the side panel of a control (en)');
    await panel.getByRole('combobox', { name: 'Risk accepted by' }).click();
    await page.getByRole('option', { name: 'Chie CEO' }).click();
    await panel.getByRole('button', { name: 'Save entry' }).click();
    await page.getByText('A.3.1.2 saved.').waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    // Decide the rest in bulk from the undecided filter.
    await page.getByRole('tab', { name: 'Controls' }).click();
    await page.getByText('Undecided', { exact: true }).click();
    await page.getByRole('checkbox', { name: 'Select all controls shown' }).check();
    await page.getByText('132 selected').waitFor();
    await page.getByRole('textbox', { name: 'Justification' }).fill('Customer contracts');
    await page.getByRole('button', { name: 'Apply to selected' }).click();
    await page.getByText('132 controls updated.').waitFor();
    await page.getByRole('tab', { name: 'Blockers (0)' }).click();
    await page.getByText('Nothing blocks submission').waitFor();

    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.getByText('Version 1: Pending approval').waitFor();

    // Top management approves it in the approvals inbox.
    const ceo = await open(topManagement);
    await ceo.goto('/approvals');
    await ceo
      .getByRole('button', { name: 'Approve Statement of Applicability (scope v1) v1' })
      .click({ timeout: 90_000 });
    const decision = ceo.getByRole('dialog', { name: 'Approve this request?' });
    await expectDialogAccessible(decision, 'Approve this request? (en)');
    await decision.getByRole('button', { name: 'Approve' }).click();
    await decision.waitFor({ state: 'detached' });

    // Approved and frozen; the exports download.
    await page.reload();
    await page.getByText('Version 1: Approved').waitFor();
    await page.getByText('This version is approved and frozen').waitFor();
    await page.getByRole('button', { name: 'Export' }).click();
    const pdf = await page.getByRole('menuitem', { name: 'PDF (Japanese)' }).getAttribute('href');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Excel (Japanese auditor layout)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('soa-v1-ja.xlsx');
    expect(await download.failure()).toBeNull();
    const response = await page.request.get(pdf!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    await expectAccessible(page);
  }, 600_000);
});
