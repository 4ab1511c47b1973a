import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
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
  screenshot,
  signInPage,
  startServer,
  type ApiSession,
  type RunningServer,
  type TrackedPage,
} from '../support/index.ts';

/** The residual heat map as a table of counts, for comparing before and after a treatment. */
async function residualCounts(page: Page) {
  await page.goto('/risks/heatmap?residual=true');
  const empty = page.getByText('No risks to place yet');
  const chart = page.getByRole('img', { name: /^Heat map of/ });
  await chart
    .or(empty)
    .waitFor()
    .catch(async (e: unknown) => {
      await screenshot(page, 'risks-heatmap-failure', { fullPage: true });
      throw e;
    });
  if (await empty.count()) return 'empty';
  await page.locator('label', { hasText: /^Table$/ }).click();
  const table = page.getByRole('table', { name: 'Risks by likelihood and impact' });
  return (await table.textContent()) ?? '';
}

describe('risk assessment and treatment in a real browser', () => {
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
    // The generous limits are for a busy machine; nothing here is timed.
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
    const owner = { type: 'user', id: admin.user.id };
    for (const [code, name, category, cia] of [
      ['A-001', 'Customer database', 'information', 3],
      ['A-002', 'Payroll system', 'software', 2],
      ['A-003', 'Server room', 'physical', 1],
    ] as const) {
      await apiRequest(server, admin, 'POST', '/api/v1/assets', {
        code,
        name,
        category,
        owner,
        confidentiality: cia,
        integrity: cia,
        availability: cia,
      });
    }
  }, 300_000);

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('sets a method, generates and treats risks, has the residual risk accepted and exports the plan', async () => {
    const page = await open(admin);

    // The method: the multiplicative preset, the acceptable level raised, sent for approval.
    await page.goto('/risks/method');
    await page.getByText('No risk method yet').waitFor();
    await page.getByRole('button', { name: 'Create the method' }).click();
    await page.getByText('Version 1: Draft').waitFor();
    await page.getByRole('table', { name: 'Preview of every risk value' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('textbox', { name: /^Acceptable level/ }).fill('6');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Unsaved changes').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.getByText('Version 1: Awaiting approval').waitFor();

    // Top management approves it; it comes into force.
    const ceo = await open(topManagement);
    await ceo.goto('/approvals');
    await ceo
      .getByRole('button', { name: 'Approve Risk method v1: Risk assessment method' })
      .click();
    const decision = ceo.getByRole('dialog', { name: 'Approve this request?' });
    await expectDialogAccessible(decision, 'Approve this request? (en)');
    await decision.getByRole('button', { name: 'Approve' }).click();
    await decision.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByText('Version 1: In force').waitFor();

    // Generate the risks of every asset in use.
    await page.goto('/risks');
    await page.getByText('No risks yet').waitFor();
    await page.getByRole('button', { name: 'Generate risks' }).first().click();
    const generate = page.getByRole('dialog', { name: 'Generate risks from assets and threats' });
    await expectDialogAccessible(generate, 'Generate risks from assets and threats (en)');
    await generate.getByRole('button', { name: 'Generate', exact: true }).click();
    await generate.getByText(/new risks for 3 assets/).waitFor({ timeout: 60_000 });
    await page.keyboard.press('Escape');
    await generate.waitFor({ state: 'detached' });
    const register = page.getByRole('table', { name: 'Risk register' });
    await register.getByText('Customer database').first().waitFor();
    await expectAccessible(page);

    const before = await residualCounts(page);

    // Treat the first risk of the customer database above the acceptable level.
    await page.goto('/risks?evaluation=treat&q=A-001');
    await register.getByRole('row').nth(1).waitFor();
    const code = (await register
      .getByRole('row')
      .nth(1)
      .getByRole('button')
      .first()
      .textContent())!;
    await register.getByRole('button', { name: code, exact: true }).click();
    const drawer = page.getByRole('dialog', { name: `Risk ${code}` });
    await expectDialogAccessible(drawer, `Risk ${code} (en)`);
    await drawer.getByRole('radio', { name: /Apply controls/ }).check();
    for (const control of ['10.4.1', '8.1.3']) {
      const picker = drawer.getByRole('combobox', { name: 'Add to Selected controls' });
      await picker.click();
      await picker.fill(control);
      await page
        // English readers see annex controls as A.10.4.1.
        .getByRole('option', { name: new RegExp(`^A\\.${control.replace(/\./g, '\\.')} `) })
        .click();
      await drawer
        .getByRole('textbox', { name: `What it treats: ${control}` })
        .fill(`Lowers the likelihood (${control})`);
    }
    await drawer.getByRole('textbox', { name: 'Rationale' }).fill('Cheaper than the loss.');
    await drawer.getByRole('combobox', { name: 'Likelihood once treated' }).click();
    await page.getByRole('option', { name: /^Low \(1\)/ }).click();
    await drawer.getByText('Expected residual').waitFor();
    await drawer.getByRole('button', { name: 'Save treatment' }).click();
    await expect
      .poll(
        async () =>
          (
            await apiRequest<{ items: { code: string; treatmentOption: string }[] }>(
              server,
              admin,
              'GET',
              `/api/v1/risks?q=${code}`,
            )
          ).items[0]?.treatmentOption,
      )
      .toBe('apply_controls');
    await expectAccessible(page);

    // Send its residual risk to top management.
    await drawer.getByRole('button', { name: 'Send residual risk for sign-off' }).click();
    const send = page.getByRole('dialog', { name: 'Send residual risks for sign-off' });
    await expectDialogAccessible(send, 'Send residual risks for sign-off (en)');
    await send.getByRole('button', { name: 'Send for sign-off' }).click();
    await send.getByText(/Sent: 1 risks wait for top management/).waitFor();
    await page.keyboard.press('Escape');
    await send.waitFor({ state: 'detached' });

    await ceo.goto('/approvals');
    await ceo.getByRole('button', { name: 'Approve Residual risks (1)' }).click();
    const second = ceo.getByRole('dialog', { name: 'Approve this request?' });
    await expectDialogAccessible(second, 'Approve this request? (en)');
    await second.getByRole('button', { name: 'Approve' }).click();
    await second.waitFor({ state: 'detached' });

    await page.goto('/risks?residualAcceptance=accepted');
    await register.getByRole('button', { name: code, exact: true }).waitFor();
    expect(await register.getByRole('row').count()).toBe(2);

    // The planned residual heat map moved; a cell of the current one opens the register.
    const after = await residualCounts(page);
    expect(after).not.toBe(before);
    await page.goto('/risks/heatmap');
    await page
      .getByRole('img', { name: /^Heat map of/ })
      .locator('svg')
      .waitFor();
    await expectAccessible(page);
    await page.locator('label', { hasText: /^Table$/ }).click();
    const cell = page
      .getByRole('table', { name: 'Risks by likelihood and impact' })
      .getByRole('button')
      .first();
    await cell.click();
    await page.waitForURL(/\/risks\?.*likelihood=\d+.*impact=\d+/);
    await page.getByText(/Heat map cell: likelihood/).waitFor();
    await register.getByRole('row').nth(1).waitFor();

    // One action in the plan, then the plan exported.
    await page.goto('/treatment-plan');
    await page.getByText('No actions planned yet').waitFor();
    await page.getByRole('button', { name: 'Add an action' }).first().click();
    const action = page.getByRole('dialog', { name: 'New action of the treatment plan' });
    await expectDialogAccessible(action, 'New action of the treatment plan (en)');
    await action.getByRole('textbox', { name: /^Title/ }).fill('Patch the database server');
    await action.getByLabel('Due date').fill('2020-01-31');
    await action.getByRole('button', { name: 'Add an action' }).click();
    await action.waitFor({ state: 'detached' });
    const plan = page.getByRole('table', { name: 'Treatment plan' });
    await plan.getByText('Patch the database server').waitFor();
    await plan.getByLabel('Overdue').first().waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Risk treatment plan · Excel (XLSX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString()).toBe('PK');
  }, 600_000);
});
