import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCreateUser,
  apiLogin,
  apiRequest,
  apiSetup,
  expectAccessible,
  screenshot,
  launchBrowser,
  newPage,
  signInPage,
  startServer,
  type ApiSession,
  type RunningServer,
  type TrackedPage,
} from '../support/index.ts';

/**
 * A management review end to end, in the browser: the ISMS manager plans it with
 * top management invited, prepares the inputs, holds it, records two decisions
 * and submits the minutes; top management approves them in the approvals inbox;
 * each decision becomes a tracked improvement, the minutes export as PDF, and the
 * conformity view's items 6.1–6.3 change.
 */

interface ConformityItem {
  id: string;
  status: string;
  data: Record<string, unknown>;
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('management review in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let manager: ApiSession;
  let top: ApiSession;
  const pages: TrackedPage[] = [];

  const conformity = async (id: string) => {
    const report = await apiRequest<{ items: ConformityItem[] }>(
      server,
      manager,
      'GET',
      '/api/v1/conformity',
    );
    return report.items.find((i) => i.id === id)!;
  };

  async function open(session: ApiSession): Promise<Page> {
    const tracked = await newPage(browser, { baseURL: server.url, locale: 'en-US' });
    pages.push(tracked);
    tracked.page.setDefaultTimeout(45_000);
    await signInPage(tracked.page, server, session);
    return tracked.page;
  }

  beforeAll(async () => {
    server = await startServer({ timeoutMs: 240_000 });
    browser = await launchBrowser();
    // The administrator set up first also holds the ISMS manager role.
    manager = await apiSetup(server, { locale: 'en' });
    top = await apiLogin(
      server,
      await apiCreateUser(server, manager, {
        email: 'ceo@example.com',
        displayName: 'Chie President',
        roles: ['top_management'],
      }),
    );
  }, 360_000);

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it(
    'plan, inputs, hold, two decisions, approval by top management, PDF, conformity',
    { timeout: 600_000 },
    async () => {
      const before = {
        '6.1': await conformity('6.1'),
        '6.2.a': await conformity('6.2.a'),
        '6.3.a': await conformity('6.3.a'),
      };
      expect(before['6.1'].status).not.toBe('met');

      const page = await open(manager);
      await page.goto('/management-review');
      await page.getByText('No management reviews yet').waitFor();
      await expectAccessible(page, 'management reviews, empty (en)');

      // Plan: top management invited from the user directory.
      await page.getByRole('button', { name: 'Plan a review' }).click();
      const plan = page.getByRole('dialog', { name: 'Plan a management review' });
      await plan.getByRole('textbox', { name: /^Title/ }).fill('Annual management review');
      await plan.getByLabel(/^Planned date/).fill(day(0));
      await plan.getByRole('textbox', { name: 'Place' }).fill('Board room');
      await plan.getByRole('combobox', { name: 'Invite a user' }).click();
      await page.getByRole('option', { name: 'Chie President' }).click();
      await plan.getByRole('button', { name: 'Plan review' }).click();
      await page.waitForURL(/\/management-review\/[0-9a-f-]{36}$/);
      const reviewPath = new URL(page.url()).pathname;
      await page.getByRole('heading', { name: /^MR-0001 Annual management review/ }).waitFor();
      await page.getByRole('cell', { name: 'Top management' }).waitFor();

      // Inputs: a live preview, then frozen.
      await page.getByRole('tab', { name: 'Inputs' }).click();
      await page.getByText('Preview: not yet prepared').waitFor();
      await page.getByRole('button', { name: 'Prepare inputs' }).click();
      const confirm = page.getByRole('dialog', { name: 'Prepare the inputs for this review?' });
      await confirm.getByRole('button', { name: 'Prepare inputs' }).click();
      await confirm.waitFor({ state: 'detached' });
      await page.getByText(/^Inputs prepared on/).waitFor();
      await page.getByRole('region', { name: /^a\) Audit results/ }).waitFor();
      await expectAccessible(page, 'the input pack (en)');
      await screenshot(page, 'reviews-inputs-en', { fullPage: true });

      // Hold it, then write the minutes.
      await page.getByRole('tab', { name: 'Minutes' }).click();
      const hold = page.getByRole('region', { name: 'Hold the review' });
      await hold.getByLabel(/^Held on/).fill(day(0));
      await hold.getByRole('button', { name: 'Record as held' }).click();
      await page
        .getByRole('textbox', { name: 'Summary of the review' })
        .fill('Reviewed all inputs.');
      await page
        .getByRole('textbox', { name: /^a\) Audit results/ })
        .fill('No audit findings this year.');
      const [minutesSaved] = await Promise.all([
        page.waitForResponse(
          (r) => r.url().endsWith('/minutes') && r.request().method() === 'PATCH',
        ),
        page.getByRole('button', { name: 'Save minutes' }).click(),
      ]);
      expect(minutesSaved.status()).toBe(200);
      // The minutes are kept: read back after a reload.
      await page.reload();
      await expect
        .poll(() => page.getByRole('textbox', { name: 'Summary of the review' }).inputValue())
        .toBe('Reviewed all inputs.');
      await expect
        .poll(() => page.getByRole('textbox', { name: /^a\) Audit results/ }).inputValue())
        .toBe('No audit findings this year.');
      await expectAccessible(page, 'the minutes of a held review (en)');

      // Two decisions: an improvement of effectiveness, a change of procedure with its reason.
      await page.getByRole('tab', { name: 'Decisions' }).click();
      const decide = async (output: string | null, reason: string | null, title: string) => {
        await page.getByRole('button', { name: 'Record a decision' }).first().click();
        const dialog = page.getByRole('dialog', { name: 'Record a decision' });
        if (output) {
          await dialog.getByRole('combobox', { name: /^Kind of output/ }).click();
          await page.getByRole('option', { name: output }).click();
        }
        if (reason) {
          await dialog.getByRole('combobox', { name: /^What the change/ }).click();
          await page.getByRole('option', { name: reason }).click();
        }
        await dialog.getByRole('textbox', { name: /^Decision/ }).fill(title);
        await dialog.getByRole('combobox', { name: /^Responsible/ }).click();
        await page.getByRole('option', { name: 'Aiko Admin' }).click();
        await dialog.getByLabel(/^Due by/).fill(day(90));
        await dialog.getByRole('button', { name: 'Record decision' }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.getByRole('cell', { name: title }).waitFor();
      };
      await decide(null, null, 'Train every team on phishing');
      await decide(
        'Change procedures and controls',
        'Security requirements',
        'Revise access reviews',
      );
      await expectAccessible(page, 'the decisions of a held review (en)');

      await page.getByRole('button', { name: 'Submit for approval' }).click();
      const submit = page.getByRole('dialog', { name: 'Submit the minutes for approval?' });
      await submit.getByRole('button', { name: 'Submit for approval' }).click();
      await submit.waitFor({ state: 'detached' });
      await page.getByText("The minutes await top management's approval").waitFor();

      // Top management approves in the approvals inbox.
      const ceo = await open(top);
      await ceo.goto('/approvals');
      await ceo
        .getByRole('button', { name: /^Approve Management review/ })
        .click({ timeout: 90_000 });
      const decision = ceo.getByRole('dialog', { name: 'Approve this request?' });
      await decision.getByRole('button', { name: 'Approve' }).click();
      await decision.waitFor({ state: 'detached' });

      // Approved: each decision is a tracked improvement; the minutes export.
      await page.goto(`${reviewPath}?tab=decisions`);
      await page.getByText('Each decision is tracked in the improvement register.').waitFor();
      const tracked = page.getByRole('table', { name: 'Decisions' }).getByRole('link');
      await expect.poll(() => tracked.count()).toBe(2);
      await page.getByRole('button', { name: 'Export minutes' }).click();
      const pdfJa = await page
        .getByRole('menuitem', { name: 'PDF (Japanese)' })
        .getAttribute('href');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('menuitem', { name: 'PDF (English)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const saved = await readFile((await download.path())!);
      expect(saved.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const response = await page.request.get(pdfJa!);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('application/pdf');
      await expectAccessible(page, 'an approved management review (en)');
      await screenshot(page, 'reviews-decisions-en', { fullPage: true });

      // The conformity view: a review held and approved in the interval, inputs and outputs.
      const after = {
        '6.1': await conformity('6.1'),
        '6.2.a': await conformity('6.2.a'),
        '6.3.a': await conformity('6.3.a'),
      };
      expect(after['6.1'].status).toBe('met');
      expect(after['6.2.a'].status).not.toBe(before['6.2.a'].status);
      expect(after['6.3.a'].status).not.toBe(before['6.3.a'].status);
    },
  );
});
