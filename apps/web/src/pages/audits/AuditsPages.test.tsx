import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, signedInRoutes } from '../../test/fakeApi';
import { renderApp, renderWithProviders } from '../../test/render';
import { AuditFormModal } from './AuditFormModal';
import { AuditorFormModal } from './AuditorFormModal';
import { findingFixture } from './checklistFixtures';
import { auditFixture, auditorFixture, managerSession, unitFixture } from './fixtures';
import { TeamModal } from './TeamModal';

// The pages load lazily; on a busy machine the first render takes seconds.
const slow = { timeout: 20_000 };
const empty = { items: [], nextCursor: null };

describe('internal audits', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists audits and takes the status filter from the address', async () => {
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      'GET /api/v1/org-units': { items: [unitFixture], nextCursor: null },
      'GET /api/v1/audits': ({ query }) => ({
        body: { items: query.get('status') === 'planned' ? [auditFixture] : [], nextCursor: null },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/internal-audits?status=planned');
    const table = await screen.findByRole('table', { name: 'Internal audits' }, slow);
    const link = within(table).getByRole('link', { name: 'IA-2026-01' });
    expect(link.getAttribute('href')).toBe(`/internal-audits/${auditFixture.id}`);
    expect(within(table).getByText('Helpdesk')).toBeTruthy();
    expect(within(table).getByText('Planned')).toBeTruthy();
    const calls = api.calls.filter((c) => c.path === '/api/v1/audits');
    expect(calls.every((c) => c.query.get('status') === 'planned')).toBe(true);
  });

  it('shows the refused member of a team beside the members, naming the conflict (422)', async () => {
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      'GET /api/v1/internal-auditors': { items: [auditorFixture], nextCursor: null },
      'PUT /api/v1/audits/00000000-0000-4000-8000-000000000b01/team': problem(
        422,
        'The assignment is refused.',
        {
          errors: [
            {
              field: 'memberUserIds.0',
              code: 'independence_unit_member',
              message: 'Yuki Auditor belongs to the auditee unit Helpdesk (IA-2026-01).',
            },
          ],
        },
      ),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<TeamModal audit={auditFixture} onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: 'Audit team of IA-2026-01' });
    const members = within(dialog).getByLabelText('Members', { selector: 'input' });
    members.focus();
    fireEvent.keyDown(members, { key: 'ArrowDown' });
    // The lead's pick offers the same auditor: choose in the members' own list.
    await waitFor(() => expect(members.getAttribute('aria-controls')).toBeTruthy());
    const list = document.getElementById(members.getAttribute('aria-controls')!)!;
    fireEvent.click(
      await within(list).findByRole('option', { name: 'Yuki Auditor', hidden: true }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save team' }));
    expect(
      await within(dialog).findByText(
        'Yuki Auditor belongs to the auditee unit Helpdesk (IA-2026-01).',
      ),
    ).toBeTruthy();
    const sent = api.calls.find((c) => c.method === 'PUT')!;
    expect(sent.body).toEqual({ leadUserId: null, memberUserIds: [auditorFixture.user.id] });
    expect(sent.headers.get('if-match')).toBe('"3"');
  });

  it('marks the auditee units of a refused plan (422)', async () => {
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      'GET /api/v1/org-units': { items: [unitFixture], nextCursor: null },
      'PATCH /api/v1/audits/00000000-0000-4000-8000-000000000b01': problem(422, 'Refused.', {
        errors: [
          {
            field: 'auditeeUnitIds',
            code: 'independence_unit_head',
            message: 'Yuki Auditor heads the auditee unit Helpdesk.',
          },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<AuditFormModal audit={auditFixture} onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: 'Edit IA-2026-01' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(
      await within(dialog).findByText('Yuki Auditor heads the auditee unit Helpdesk.'),
    ).toBeTruthy();
    const units = within(dialog).getByLabelText('Auditee units', { selector: 'input' });
    expect(units.getAttribute('aria-invalid')).toBe('true');
  });

  it("marks an auditor's units refused for independence (422)", async () => {
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      'GET /api/v1/org-units': { items: [unitFixture], nextCursor: null },
      'GET /api/v1/users': empty,
      'PATCH /api/v1/internal-auditors/00000000-0000-4000-8000-000000000c01': problem(
        422,
        'Refused.',
        {
          errors: [
            {
              field: 'unitIds',
              code: 'independence_unit_member',
              message: 'Yuki Auditor belongs to the auditee unit Helpdesk (IA-2026-01).',
            },
          ],
        },
      ),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(
      <AuditorFormModal auditor={auditorFixture} registeredUserIds={[]} onClose={() => {}} />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Edit Yuki Auditor' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(
      await within(dialog).findByText(
        'Yuki Auditor belongs to the auditee unit Helpdesk (IA-2026-01).',
      ),
    ).toBeTruthy();
    const units = within(dialog).getByLabelText('Also belongs to', { selector: 'input' });
    expect(units.getAttribute('aria-invalid')).toBe('true');
  });

  it('opens the tab a link names and marks the finding it names; the tab stays in the address', async () => {
    const url = `/api/v1/audits/${auditFixture.id}`;
    const other = { ...findingFixture, id: '00000000-0000-4000-8000-00000000e002', number: 2 };
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      [`GET ${url}`]: auditFixture,
      [`GET ${url}/conflicts`]: { items: [] },
      [`GET ${url}/findings`]: { items: [findingFixture, other] },
    });
    vi.stubGlobal('fetch', api.fetch);
    const { router } = renderApp(
      `/internal-audits/${auditFixture.id}?tab=findings&finding=${findingFixture.id}`,
    );
    const tab = await screen.findByRole('tab', { name: 'Findings' }, slow);
    expect(tab.getAttribute('aria-selected')).toBe('true');
    await waitFor(() =>
      expect(document.querySelectorAll('tr[aria-current="true"]')).toHaveLength(1),
    );
    const marked = document.querySelector('tr[aria-current="true"]')!;
    expect(within(marked as HTMLElement).getByText('1')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Report' }));
    await waitFor(() => expect(router.state.location.search).toBe('?tab=report'));
  });

  it('shows one audit with its team and conflicts, and starts it under its version', async () => {
    const lead = { id: auditorFixture.user.id, name: auditorFixture.user.name };
    const audit = {
      ...auditFixture,
      leadAuditor: lead,
      team: [{ user: lead, role: 'lead' as const }],
    };
    const url = `/api/v1/audits/${audit.id}`;
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      [`GET ${url}`]: audit,
      [`GET ${url}/conflicts`]: {
        items: [
          {
            auditId: audit.id,
            auditCode: audit.code,
            user: lead,
            kind: 'unit_member',
            objectType: 'org_unit',
            objectId: unitFixture.id,
            objectLabel: 'Helpdesk',
          },
        ],
      },
      [`POST ${url}/status`]: { ...audit, status: 'in_progress', version: 4 },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/internal-audits/${audit.id}`);
    expect(await screen.findByRole('heading', { name: 'Helpdesk audit' }, slow)).toBeTruthy();
    expect(
      await screen.findByText('Yuki Auditor belongs to the auditee unit Helpdesk'),
    ).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Checklist' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start the audit' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
    const sent = api.calls.find((c) => c.method === 'POST')!;
    expect(sent.body).toEqual({ status: 'in_progress' });
    expect(sent.headers.get('if-match')).toBe('"3"');
  });
});
