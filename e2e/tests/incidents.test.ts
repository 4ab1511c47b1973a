import type { Browser, Locator, Page } from 'playwright-core';
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
  SESSION_COOKIE,
  signInPage,
  startServer,
  unexpectedErrors,
  type ApiSession,
  type RunningServer,
  type TrackedPage,
} from '../support/index.ts';

/**
 * Incidents end to end (4.2.3.a): a staff member reading in Japanese on a
 * phone-wide screen (390 px) reports an incident from the header of another
 * page in two clicks; the ISMS manager triages it on its page, works it
 * through the workflow and closes it with lessons learned (refused without);
 * the reporter's "My reports" shows it closed, and the statistics behind the
 * dashboard's incidents card change.
 */

interface Statistics {
  totals: { reported: number; open: number; closed: number };
}
interface Incident {
  id: string;
  reference: string;
  status: string;
  version: number;
  severity: string | null;
  urgency: string | null;
  priority: number | null;
  lessonsLearned: string;
  record: { id: string; reference: string } | null;
}

const PHONE = { width: 390, height: 844 };

describe('incidents in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let manager: ApiSession;
  let staff: ApiSession;
  const pages: TrackedPage[] = [];

  const statistics = () =>
    apiRequest<Statistics>(server, manager, 'GET', '/api/v1/incident-statistics');
  const incident = (id: string) =>
    apiRequest<Incident>(server, manager, 'GET', `/api/v1/incidents/${id}`);

  async function open(
    session: ApiSession,
    locale: string,
    viewport = { width: 1366, height: 900 },
  ): Promise<TrackedPage> {
    const tracked = await newPage(browser, { baseURL: server.url, locale, viewport });
    pages.push(tracked);
    tracked.page.setDefaultTimeout(45_000);
    await signInPage(tracked.page, server, session);
    return tracked;
  }

  /** The dashboard card's open count, read from the link's accessible name. */
  const openCard = (page: Page) =>
    page.getByRole('region', { name: 'Incidents' }).getByRole('link', { name: /open incident/ });

  /** A figure of the statistics tab: its label and value, e.g. "Closed1". */
  const figure = (page: Page, label: string): Locator =>
    page.locator('.mantine-Card-root').filter({ has: page.getByText(label, { exact: true }) });

  beforeAll(async () => {
    server = await startServer({ timeoutMs: 240_000 });
    browser = await launchBrowser();
    // The administrator set up first also holds the ISMS manager role (the incident team).
    manager = await apiSetup(server, { locale: 'en' });
    staff = await apiLogin(
      server,
      await apiCreateUser(server, manager, {
        email: 'taro@example.com',
        displayName: '佐藤 太郎',
        roles: ['staff'],
        locale: 'ja',
      }),
    );
  }, 360_000);

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it(
    'a staff member reports from a phone in Japanese; the team triages and closes it with lessons; the statistics change',
    { timeout: 600_000 },
    async () => {
      const before = await statistics();

      // The manager's dashboard card before the report.
      const desk = await open(manager, 'en-US');
      await desk.page.goto('/');
      await openCard(desk.page).waitFor();
      expect(await openCard(desk.page).textContent()).toBe(String(before.totals.open));

      // The staff member, on a phone in Japanese, is on another page (My training).
      const phone = await open(staff, 'ja-JP', PHONE);
      const page = phone.page;
      await page.goto('/training/my');
      await page.getByRole('heading', { name: '自分の教育・訓練' }).waitFor();

      // The header fits the phone: every control in it, the account menu too, is on screen.
      const header = await page.locator('header').evaluate((node) =>
        [...node.querySelectorAll('button, a, [role="radiogroup"]')]
          .filter((n) => n.getBoundingClientRect().width > 0)
          .map((n) => ({
            name: n.getAttribute('aria-label') ?? n.textContent ?? '',
            right: Math.round(n.getBoundingClientRect().right),
          })),
      );
      expect(header.filter((control) => control.right > PHONE.width)).toEqual([]);

      // Click 1: the header's report button opens the form, full screen on a phone.
      await page.getByRole('button', { name: 'インシデントを報告' }).click();
      const dialog = page.getByRole('dialog', { name: 'インシデントを報告' });
      await dialog.getByRole('button', { name: '報告を送信' }).waitFor();
      await expectDialogAccessible(dialog, 'the report form (ja, 390 px)');
      const box = await dialog.boundingBox();
      expect(box?.width).toBe(PHONE.width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await screenshot(page, 'incident-report-form-ja-390');

      // Fill in what happened; click 2 sends it.
      await dialog.getByRole('textbox', { name: '件名' }).fill('USBメモリの紛失');
      await dialog
        .getByRole('textbox', { name: '起きたこと' })
        .fill('帰宅途中の電車で、顧客リストの入ったUSBメモリをなくしました。');
      await dialog.getByRole('textbox', { name: '場所' }).fill('通勤経路(電車)');
      await dialog.getByRole('button', { name: '報告を送信' }).click();
      const sent = dialog.getByText(/^報告 INC-\d{4} を送信しました。/);
      await sent.waitFor();
      const reference = /INC-\d{4}/.exec((await sent.textContent()) ?? '')![0];

      // The report counts in the statistics and on the manager's dashboard card.
      const reported = await statistics();
      expect(reported.totals.reported).toBe(before.totals.reported + 1);
      expect(reported.totals.open).toBe(before.totals.open + 1);
      await desk.page.reload();
      await expect
        .poll(() => openCard(desk.page).textContent())
        .toBe(String(before.totals.open + 1));

      // The reporter opens the report from the confirmation: a read-only view of its status.
      await dialog.getByRole('link', { name: `${reference} を開く` }).click();
      await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
      const id = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByText('あなたが報告したインシデントです').waitFor();
      await page.getByRole('heading', { name: 'USBメモリの紛失' }).waitFor();
      expect(await page.getByRole('button', { name: 'トリアージする' }).count()).toBe(0);
      await expectAccessible(page, "the reporter's view of the incident (ja, 390 px)");

      // The ISMS manager opens it and triages it: high severity, critical urgency.
      const team = await open(manager, 'en-US');
      const handler = team.page;
      await handler.goto(`/incidents/${id}`);
      await handler.getByRole('heading', { name: 'USBメモリの紛失' }).waitFor();
      const triage = handler.getByRole('region', { name: 'Triage' });
      await triage.getByRole('button', { name: 'Triage', exact: true }).waitFor();
      await expectAccessible(handler, 'the incident page before triage (en)');
      await triage.getByRole('combobox', { name: 'Severity' }).click();
      await handler.getByRole('option', { name: 'High', exact: true }).click();
      await triage.getByRole('combobox', { name: 'Urgency' }).click();
      await handler.getByRole('option', { name: 'Critical', exact: true }).click();
      // The shipped matrix gives priority 1 for high severity and critical urgency.
      await triage.getByText('Priority 1').waitFor();
      await triage.getByRole('checkbox', { name: 'Confidentiality' }).check();
      await triage.getByRole('button', { name: 'Triage', exact: true }).click();
      await triage.waitFor({ state: 'detached' });
      await handler.getByText('Severity: High').waitFor();
      expect(await incident(id)).toMatchObject({
        status: 'triaged',
        severity: 'high',
        urgency: 'critical',
        priority: 1,
      });

      // Through the workflow: contained, then recovered (nothing left to eradicate).
      for (const step of ['Mark contained', 'Mark recovered']) {
        await handler.getByRole('button', { name: step }).click();
        const modal = handler.getByRole('dialog', { name: step });
        await modal.getByRole('textbox', { name: 'Note' }).fill(`${step}: done.`);
        await modal.getByRole('button', { name: step }).click();
        await modal.waitFor({ state: 'detached' });
      }
      await expect.poll(async () => (await incident(id)).status).toBe('recovered');

      // Closing without lessons learned is refused: the form will not send it…
      await handler.getByRole('button', { name: 'Close the incident' }).click();
      const closing = handler.getByRole('dialog', { name: 'Close the incident' });
      await expectDialogAccessible(closing, 'closing an incident (en)');
      const lessons = closing.getByRole('textbox', { name: 'Lessons learned' });
      const close = closing.getByRole('button', { name: 'Close the incident' });
      expect(await close.isDisabled()).toBe(true);
      await lessons.fill('   ');
      expect(await close.isDisabled()).toBe(true);
      // …and neither will the server, in the caller's language.
      const current = await incident(id);
      const refused = await fetch(`${server.url}/api/v1/incidents/${id}/transitions`, {
        method: 'POST',
        headers: {
          cookie: `${SESSION_COOKIE}=${manager.cookie}`,
          'x-csrf-token': manager.csrfToken,
          'content-type': 'application/json',
          'if-match': `"${current.version}"`,
        },
        body: JSON.stringify({ to: 'closed', lessonsLearned: '  ' }),
      });
      expect(refused.status).toBe(422);
      expect(JSON.stringify(await refused.json())).toContain('lessons learned');
      expect((await incident(id)).status).toBe('recovered');

      // With lessons learned it closes, and the incident record is kept (4.3.3).
      const learned = 'Customer data is carried only on encrypted laptops, never on USB sticks.';
      await lessons.fill(learned);
      await close.click();
      await closing.waitFor({ state: 'detached' });
      await handler.getByText('Incident record:').waitFor();
      const closed = await incident(id);
      expect(closed).toMatchObject({ status: 'closed', lessonsLearned: learned });
      expect(closed.record).not.toBeNull();
      await handler.getByRole('link', { name: closed.record!.reference }).first().waitFor();
      expect(await handler.getByRole('button', { name: 'Close the incident' }).count()).toBe(0);
      // The timeline tells the steps in the order they were taken.
      const timeline =
        (await handler.getByRole('region', { name: 'Timeline' }).textContent()) ?? '';
      const steps = ['Triaged', 'Contained', 'Recovered', 'Closed'].map((status) =>
        timeline.indexOf(`Status: ${status}`),
      );
      expect(steps).not.toContain(-1);
      expect(steps).toEqual([...steps].sort((a, b) => a - b));
      await expectAccessible(handler, 'the closed incident (en)');
      await screenshot(handler, 'incident-closed-en', { fullPage: true });

      // The reporter's "My reports" shows it closed.
      await page.goto('/incidents');
      const mine = page.getByRole('table', { name: '自分の報告' });
      const row = mine.getByRole('row', { name: new RegExp(reference) });
      await row.getByRole('link', { name: `${reference} USBメモリの紛失` }).waitFor();
      await row.getByText('完了', { exact: true }).waitFor();
      await expectAccessible(page, 'my reports (ja, 390 px)');
      await screenshot(page, 'incident-my-reports-ja-390', { fullPage: true });

      // The statistics change: one more reported and closed, none left open.
      const after = await statistics();
      expect(after.totals.reported).toBe(before.totals.reported + 1);
      expect(after.totals.closed).toBe(before.totals.closed + 1);
      expect(after.totals.open).toBe(before.totals.open);
      await desk.page.reload();
      await expect.poll(() => openCard(desk.page).textContent()).toBe(String(after.totals.open));
      await desk.page.goto('/incidents?tab=stats');
      await expect
        .poll(() => figure(desk.page, 'Reported').textContent())
        .toBe(`Reported${after.totals.reported}`);
      await expect
        .poll(() => figure(desk.page, 'Closed').textContent())
        .toBe(`Closed${after.totals.closed}`);
      await screenshot(desk.page, 'incident-statistics-en', { fullPage: true });

      // Closing is an event that affects the ISMS: the event log picked it up (4.2.3.f).
      const events = await apiRequest<{
        items: { action: string | null; entity: { id: string } | null }[];
      }>(server, manager, 'GET', '/api/v1/isms-events');
      expect(events.items).toContainEqual(
        expect.objectContaining({
          action: 'incident.closed',
          entity: expect.objectContaining({ id }),
        }),
      );

      for (const tracked of [desk, phone, team])
        expect(unexpectedErrors(tracked.errors)).toEqual([]);
    },
  );
});
