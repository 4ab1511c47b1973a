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

type Selection = { count: number; tag: string };
type RiskPage = { items: { id: string; treatmentOption: string | null; owner: unknown }[] };

describe('bulk treatment of a filtered set of risks in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;
  const pages: TrackedPage[] = [];
  // All high risks of the information assets.
  const filter = 'assetCategory=information&level=3';

  beforeAll(async () => {
    // The generous limits are for a busy machine; nothing here is timed.
    server = await startServer({ timeoutMs: 240_000 });
    browser = await launchBrowser();
    admin = await apiSetup(server, { locale: 'en' });
    const top = await apiLogin(
      server,
      await apiCreateUser(server, admin, {
        email: 'ceo@example.com',
        displayName: 'Chie CEO',
        roles: ['top_management'],
      }),
    );
    // A method in force: created, submitted (If-Match) and approved by top management.
    const method = await apiRequest<{ id: string; version: number }>(
      server,
      admin,
      'POST',
      '/api/v1/risk-methods',
      { name: 'Method', preset: 'multiplicative' },
    );
    const submitted = await fetch(`${server.url}/api/v1/risk-methods/${method.id}/approval`, {
      method: 'POST',
      headers: {
        cookie: `${SESSION_COOKIE}=${admin.cookie}`,
        'x-csrf-token': admin.csrfToken,
        'content-type': 'application/json',
        'if-match': `"${method.version}"`,
      },
      body: '{}',
    });
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    const { approvalId } = (await submitted.json()) as { approvalId: string };
    await apiRequest(server, top, 'POST', `/api/v1/approvals/${approvalId}/decision`, {
      decision: 'approved',
    });
    const owner = { type: 'user', id: admin.user.id };
    for (const [code, name, category] of [
      ['A-001', 'Customer database', 'information'],
      ['A-002', 'Design drawings', 'information'],
      ['A-003', 'Payroll system', 'software'],
    ] as const) {
      await apiRequest(server, admin, 'POST', '/api/v1/assets', {
        code,
        name,
        category,
        owner,
        confidentiality: 3,
        integrity: 3,
        availability: 3,
      });
    }
    // Every asset in use: a job, followed until it has finished.
    const job = await apiRequest<{ id: string }>(
      server,
      admin,
      'POST',
      '/api/v1/risks/generate',
      {},
    );
    for (let status = ''; status !== 'succeeded';) {
      status = (
        await apiRequest<{ status: string }>(server, admin, 'GET', `/api/v1/risks/jobs/${job.id}`)
      ).status;
      if (status === 'failed') throw new Error('risk generation failed');
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }, 300_000);

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('treats every high risk of the information assets at once, plans the actions and asks for approval', async () => {
    const expected = await apiRequest<Selection>(
      server,
      admin,
      'GET',
      `/api/v1/risks/selection?${filter}`,
    );
    expect(expected.count).toBeGreaterThan(1);
    const others = await apiRequest<RiskPage>(
      server,
      admin,
      'GET',
      '/api/v1/risks?assetCategory=software&limit=200',
    );

    const tracked = await newPage(browser, { baseURL: server.url, locale: 'en-US' });
    pages.push(tracked);
    const { page } = tracked;
    page.setDefaultTimeout(30_000);
    await signInPage(page, server, admin);

    // Filter the register by asset category and level, as a person would.
    await page.goto('/risks');
    const register = page.getByRole('table', { name: 'Risk register' });
    await register.getByText('Customer database').first().waitFor();
    await page.getByRole('combobox', { name: 'Asset category' }).click();
    await page.getByRole('option', { name: 'Information', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/assetCategory=information/);
    await page.getByRole('combobox', { name: 'Risk level' }).click();
    await page.getByRole('option', { name: 'High', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/level=3/);
    expect(page.url()).toMatch(/assetCategory=information/);

    await page.getByRole('button', { name: 'Treat all filtered' }).click();
    const dialog = page.getByRole('dialog', { name: 'Treat the filtered risks together' });
    await dialog.getByText(`${expected.count} risks match the filter`).waitFor();
    await expectAccessible(page);

    await dialog.getByRole('textbox', { name: 'Rationale' }).fill('Physical protection');
    const controls = dialog.getByRole('combobox', { name: 'Selected controls' });
    await controls.click();
    await controls.fill('7.1.3');
    await page.getByRole('option', { name: /^7\.1\.3 / }).click();
    await page.keyboard.press('Escape');
    await dialog
      .getByRole('textbox', { name: 'Justification of the controls' })
      .fill('Protects the rooms that hold the information');
    await dialog.getByRole('button', { name: `Apply to ${expected.count} risks` }).click();
    await dialog.getByText(`The treatment was recorded for ${expected.count} risks.`).waitFor();

    // The actions the decision implies, confirmed before they are created.
    await dialog.getByRole('group', { name: 'Treatment actions for the plan' }).waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Add 1 action to the plan' }).click();
    await dialog.getByText('1 action was added to the treatment plan.').waitFor();

    // The batch goes to top management as one request.
    await dialog.getByRole('button', { name: `Send ${expected.count} for sign-off` }).click();
    const send = page.getByRole('dialog', { name: 'Send residual risks for sign-off' });
    await send.getByRole('button', { name: 'Send for sign-off' }).click();
    await send.getByText(new RegExp(`Sent: ${expected.count} risks`)).waitFor();
    await expectAccessible(page);

    const treated = await apiRequest<RiskPage>(
      server,
      admin,
      'GET',
      `/api/v1/risks?${filter}&limit=200`,
    );
    expect(treated.items).toHaveLength(expected.count);
    expect(treated.items.every((r) => r.treatmentOption === 'apply_controls')).toBe(true);
    const untouched = await apiRequest<RiskPage>(
      server,
      admin,
      'GET',
      '/api/v1/risks?assetCategory=software&limit=200',
    );
    expect(untouched.items.map((r) => r.treatmentOption)).toEqual(
      others.items.map((r) => r.treatmentOption),
    );
    const plan = await apiRequest<{ items: { riskIds: string[]; controlIds: string[] }[] }>(
      server,
      admin,
      'GET',
      '/api/v1/treatment-plan',
    );
    expect(plan.items).toHaveLength(1);
    expect(plan.items[0]!.controlIds).toEqual(['7.1.3']);
    expect(plan.items[0]!.riskIds).toHaveLength(expected.count);
    const audit = await apiRequest<{ items: { entityId: string }[] }>(
      server,
      admin,
      'GET',
      '/api/v1/audit/events?action=risk.treatment_set&limit=500',
    );
    expect(new Set(audit.items.map((e) => e.entityId))).toEqual(
      new Set(treated.items.map((r) => r.id)),
    );
  }, 600_000);
});
