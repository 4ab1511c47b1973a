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
  SESSION_COOKIE,
  signInPage,
  startServer,
  type ApiSession,
  type RunningServer,
  type TrackedPage,
} from '../support/index.ts';

/**
 * Corrective action end to end: an internal audit's minor nonconformity is
 * taken into the register when its report is approved (set up through the
 * API); in the browser the ISMS manager contains it, analyses its cause,
 * evaluates the need for action and plans an action owned by a staff member,
 * who implements it; a second ISMS manager reviews it effective, the
 * nonconformity is closed, and the conformity view's 7.2 items change.
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

describe('corrective action in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;
  let top: ApiSession;
  let auditor: ApiSession;
  let owner: ApiSession;
  let reviewer: ApiSession;
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

  /** Opens the nonconformity's page signed in as the given user. */
  async function openAs(session: ApiSession, ncId: string): Promise<Page> {
    const tracked = await newPage(browser, { baseURL: server.url, locale: 'en-US' });
    pages.push(tracked);
    const { page } = tracked;
    page.setDefaultTimeout(45_000);
    await signInPage(page, server, session);
    await page.goto(`/corrective-actions/${ncId}`);
    return page;
  }

  beforeAll(async () => {
    server = await startServer({ timeoutMs: 240_000 });
    browser = await launchBrowser();
    admin = await apiSetup(server, { locale: 'en' });
    const user = async (email: string, displayName: string, roles: string[]) =>
      apiLogin(server, await apiCreateUser(server, admin, { email, displayName, roles }));
    top = await user('ceo@example.com', 'Chie President', ['top_management']);
    auditor = await user('auditor@example.com', 'Ilse Auditor', ['internal_auditor']);
    owner = await user('owner@example.com', 'Oto Owner', ['staff']);
    reviewer = await user('reviewer@example.com', 'Rei Reviewer', ['isms_manager']);
  }, 360_000);

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  /** An approved audit whose one checklist line found a minor nonconformity. */
  async function auditWithMinorNonconformity() {
    await apiRequest(server, admin, 'POST', '/api/v1/internal-auditors', {
      userId: auditor.user.id,
      qualifications: 'Internal auditor course',
    });
    const programme = await apiRequest<Versioned>(
      server,
      admin,
      'POST',
      '/api/v1/audit-programmes',
      {
        fiscalYear: fiscalYear(),
        title: 'Audit programme',
      },
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
      title: 'Audit of access control',
      programmeId: programme.id,
      plannedStart: day(0),
      plannedEnd: day(7),
      auditeeUnitIds: [],
      requirementIds: ['4.2.3.d'],
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
    const generated = await apiRequest<{ checklist: { items: Versioned[] } }>(
      server,
      auditor,
      'POST',
      `/api/v1/audits/${created.id}/checklist/generate`,
    );
    for (const [i, line] of generated.checklist.items.entries()) {
      await writeIfMatch(
        auditor,
        'PUT',
        `/api/v1/audits/${created.id}/checklist/lines/${line.id}/result`,
        line.version,
        i === 0
          ? {
              result: 'minor_nc',
              notes: 'Leavers keep their accounts.',
              finding: { description: 'Accounts of leavers are not removed.' },
            }
          : { result: 'conform', notes: 'As planned.' },
      );
    }
    const draft = await writeIfMatch<{ version: number }>(
      auditor,
      'PATCH',
      `/api/v1/audits/${created.id}/report`,
      0,
      { summary: 'Audited as planned.' },
    );
    await writeIfMatch(
      auditor,
      'POST',
      `/api/v1/audits/${created.id}/report/approve`,
      draft.version,
    );
    return created.id;
  }

  it(
    'a finding becomes a nonconformity, gets a cause and an effective action; 7.2 changes',
    { timeout: 400_000 },
    async () => {
      const before = { b: await conformity('7.2.b'), f: await conformity('7.2.f') };
      expect(before.b.data.recorded).toBe(0);
      expect(before.b.status).toBe('not_met');

      // The report's approval took the finding over into the register.
      await auditWithMinorNonconformity();
      const register = await apiRequest<{
        items: { id: string; source: string; severity: string; status: string }[];
      }>(server, admin, 'GET', '/api/v1/nonconformities?source=internal_audit');
      expect(register.items).toHaveLength(1);
      const nc = register.items[0]!;
      expect(nc).toMatchObject({ source: 'internal_audit', severity: 'minor', status: 'reported' });
      const taken = await conformity('7.2.b');
      expect(taken.data.recorded).toBe(1);
      expect(taken.status).toBe('partly_met');
      expect((await conformity('7.2.a')).data.findingsNotTakenOver).toBe(0);

      // The ISMS manager works the steps in the browser.
      const manager = await openAs(admin, nc.id);
      await manager.getByText('Accounts of leavers are not removed.').first().waitFor();
      // The manager words the title anew before working the steps.
      await manager.getByRole('button', { name: 'Edit details' }).click();
      const edit = manager.getByRole('dialog');
      await expectDialogAccessible(edit, 'editing a nonconformity (en)');
      await edit.getByRole('textbox', { name: 'Title' }).fill('Leavers keep their accounts');
      await edit.getByRole('button', { name: 'Save', exact: true }).click();
      await edit.waitFor({ state: 'detached' });
      await manager.getByRole('heading', { name: 'Leavers keep their accounts' }).waitFor();

      await manager
        .getByRole('textbox', { name: 'Immediate correction' })
        .fill('The leavers’ accounts were disabled.');
      await manager.getByRole('button', { name: 'Save', exact: true }).click();
      await manager.getByText('The leavers’ accounts were disabled.').waitFor();

      await manager.getByRole('textbox', { name: 'Why 1' }).fill('HR does not tell IT of leavers.');
      await manager.getByRole('combobox', { name: 'Cause category (fishbone)' }).click();
      await manager.getByRole('option', { name: 'Process', exact: true }).click();
      await manager
        .getByRole('textbox', { name: 'Root cause' })
        .fill('The leaving procedure has no step for accounts.');
      await manager.getByRole('button', { name: 'Save', exact: true }).click();
      await manager.getByText('HR does not tell IT of leavers.').waitFor();

      await manager
        .getByRole('textbox', { name: 'Reason' })
        .fill('It can recur with every leaver.');
      // The analysis stays editable beside the evaluation: each has its own Save.
      await manager
        .getByRole('region', { name: 'Evaluation of the need for action' })
        .getByRole('button', { name: 'Save', exact: true })
        .click();
      await manager.getByText(/It can recur with every leaver\./).waitFor();

      await manager.getByRole('button', { name: 'Add action' }).click();
      await manager.getByRole('textbox', { name: 'Action' }).fill('Add an account step');
      await manager.getByRole('combobox', { name: 'Action owner' }).click();
      await manager.getByRole('option', { name: 'Oto Owner' }).click();
      await manager.getByRole('textbox', { name: 'Days until the effectiveness review' }).fill('0');
      await manager.getByRole('button', { name: 'Add action' }).click();
      await manager.getByRole('cell', { name: /Add an account step/ }).waitFor();
      await manager.getByText('Planned', { exact: true }).waitFor();
      // The manager is not the owner, and the owner has not implemented yet.
      expect(await manager.getByRole('button', { name: 'Review effectiveness' }).count()).toBe(0);

      // The owner records the implementation.
      const ownerPage = await openAs(owner, nc.id);
      await ownerPage.getByRole('button', { name: 'Record implementation' }).click();
      await ownerPage
        .getByRole('textbox', { name: 'What was done' })
        .fill('The leaving checklist now has an account step.');
      await ownerPage
        .locator('form')
        .getByRole('button', { name: 'Record implementation' })
        .click();
      await ownerPage.getByText('Implemented', { exact: true }).waitFor();
      expect(await ownerPage.getByRole('button', { name: 'Review effectiveness' }).count()).toBe(0);

      // Someone other than the owner reviews it: the interval of 0 days makes it due today.
      const reviewerPage = await openAs(reviewer, nc.id);
      await reviewerPage.getByRole('button', { name: 'Review effectiveness' }).click();
      await reviewerPage
        .getByRole('textbox', { name: 'Review findings' })
        .fill('No leaver kept an account since.');
      await reviewerPage
        .locator('form')
        .getByRole('button', { name: 'Review effectiveness' })
        .click();
      await reviewerPage.getByText('Effective', { exact: true }).waitFor();
      await reviewerPage.getByText(/Reviewed by Rei Reviewer/).waitFor();

      // The ISMS manager closes the nonconformity.
      await manager.reload();
      await manager.getByRole('button', { name: 'Close the nonconformity' }).click();
      await manager.getByText(/Closed on/).waitFor();
      await expectAccessible(manager, 'the closed nonconformity (en)');
      expect(await manager.getByRole('button', { name: 'Edit details' }).count()).toBe(0);

      const after = { b: await conformity('7.2.b'), f: await conformity('7.2.f') };
      expect(after.b.data).toMatchObject({ recorded: 1, closed: 1, withoutCause: 0 });
      expect(after.f.data).toMatchObject({
        actions: 1,
        reviewOverdue: 0,
        closedNotEffective: 0,
      });
      expect(Number(after.f.data.actions)).toBe(Number(before.f.data.actions) + 1);
      // Nothing recorded read not met; now only the missing 7.2 procedure keeps them partly met.
      expect(before.f.status).toBe('not_met');
      expect(after.b.status).toBe('partly_met');
      expect(after.f.status).toBe('partly_met');
    },
  );
});
