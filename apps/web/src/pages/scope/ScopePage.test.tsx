import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScopeVersion } from '../../api/scope';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const draft: ScopeVersion = {
  id: '00000000-0000-4000-8000-000000000501',
  number: 2,
  status: 'draft',
  businessActivities: 'Cloud payroll service',
  orgUnitIds: [],
  organizationNote: '',
  locationIds: [],
  locationNote: '',
  assetCategories: ['information'],
  assetNote: '',
  technology: '',
  boundaries: 'The office network',
  interfaces: [],
  exclusions: [
    {
      controlId: '8.1.3',
      reason: 'No development in house',
      riskAcceptedBy: '00000000-0000-4000-8000-000000000001',
      riskAcceptedOn: '2026-04-01',
    },
  ],
  createdBy: null,
  updatedBy: null,
  approvalId: null,
  approvedBy: null,
  approvedAt: null,
  version: 7,
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
};

describe('scope page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the draft with its exclusions, saves with If-Match and submits for approval', async () => {
    let put: { ifMatch: string | null; body: unknown } | undefined;
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/scope': { current: draft, approved: null },
      'GET /api/v1/org-units': { items: [], nextCursor: null },
      'GET /api/v1/locations': { items: [], nextCursor: null },
      'GET /api/v1/users': { items: [], nextCursor: null },
      'PUT /api/v1/scope': ({ headers, body }) => {
        put = { ifMatch: headers.get('if-match'), body };
        return { body: { ...draft, version: 8 } };
      },
      [`POST /api/v1/scope/versions/${draft.id}/approval`]: { id: 'x' },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/scope');

    // The first render of the lazy page can be slow on a busy machine.
    expect(await screen.findByText('Version 2: Draft', {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.getByDisplayValue('No development in house')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(put?.ifMatch).toBe('"7"'));
    expect(put?.body).toMatchObject({
      boundaries: 'The office network',
      exclusions: [{ namespace: 'control', id: '8.1.3', reason: 'No development in house' }],
    });

    fireEvent.click(screen.getByRole('button', { name: 'Submit for approval' }));
    await vi.waitFor(() =>
      expect(api.calls.some((call) => call.path.endsWith('/approval'))).toBe(true),
    );
  }, 60_000);

  it('edits the interfaces and adds a unit and a location that join the scope', async () => {
    let put: { body: unknown } | undefined;
    const unitId = '00000000-0000-4000-8000-000000000611';
    const locationId = '00000000-0000-4000-8000-000000000612';
    const units: unknown[] = [];
    const locations: unknown[] = [];
    const posted: Record<string, unknown> = {};
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/scope': {
        current: { ...draft, interfaces: [{ name: 'Payroll SaaS', description: 'HTTPS' }] },
        approved: null,
      },
      'GET /api/v1/org-units': () => ({ body: { items: units, nextCursor: null } }),
      'GET /api/v1/locations': () => ({ body: { items: locations, nextCursor: null } }),
      'GET /api/v1/users': { items: [], nextCursor: null },
      'POST /api/v1/org-units': ({ body }) => {
        posted.unit = body;
        units.push({ id: unitId, code: 'HR', name: 'Human resources', active: true });
        return { status: 201, body: units[0] };
      },
      'POST /api/v1/locations': ({ body }) => {
        posted.location = body;
        locations.push({ id: locationId, code: 'DC1', name: 'Tokyo DC', active: true });
        return { status: 201, body: locations[0] };
      },
      'PUT /api/v1/scope': ({ body }) => {
        put = { body };
        return { body: { ...draft, version: 8 } };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/scope');

    const first = await screen.findByRole('group', { name: 'Interface 1' }, { timeout: 20_000 });
    expect(within(first).getByDisplayValue('Payroll SaaS')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add interface' }));
    const second = screen.getByRole('group', { name: 'Interface 2' });
    fireEvent.change(within(second).getByRole('textbox', { name: /^Interface/ }), {
      target: { value: 'Parent company WAN' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove interface 1' }));

    fireEvent.click(screen.getByRole('button', { name: 'New organization unit' }));
    let dialog = await screen.findByRole('dialog', { name: 'New organization unit' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Code/ }), {
      target: { value: 'HR' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Name/ }), {
      target: { value: 'Human resources' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'New location' }));
    dialog = await screen.findByRole('dialog', { name: 'New location' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Code/ }), {
      target: { value: 'DC1' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Name/ }), {
      target: { value: 'Tokyo DC' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(posted).toEqual({
      unit: { code: 'HR', name: 'Human resources' },
      location: { code: 'DC1', name: 'Tokyo DC', kind: 'site' },
    });
    // The dialogs' submits saved nothing: only the user's Save does.
    expect(api.calls.filter((call) => call.method === 'PUT')).toHaveLength(0);
    expect(screen.getAllByText('HR Human resources').length).toBeGreaterThan(0);
    expect(screen.getAllByText('DC1 Tokyo DC').length).toBeGreaterThan(0);

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(put).toBeDefined());
    expect(put?.body).toMatchObject({
      interfaces: [{ name: 'Parent company WAN', description: '' }],
      orgUnitIds: [unitId],
      locationIds: [locationId],
    });
  }, 60_000);

  it('marks the fields a refused save (422) names and labels the rest', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/scope': { current: draft, approved: null },
      'GET /api/v1/org-units': { items: [], nextCursor: null },
      'GET /api/v1/locations': { items: [], nextCursor: null },
      'GET /api/v1/users': { items: [], nextCursor: null },
      'PUT /api/v1/scope': problem(422, 'Check the values entered.', {
        errors: [
          { field: 'boundaries', code: 'too_big', message: 'Too long.' },
          { field: 'exclusions.0.reason', code: 'field_required', message: 'Required.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/scope');
    await screen.findByText('Version 2: Draft', {}, { timeout: 20_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const boundaries = await screen.findByRole('textbox', { name: /Where the scope ends/ });
    await vi.waitFor(() => expect(boundaries.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Too long.')).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Reason: Required.')).toBeTruthy();
    expect(alert.textContent).not.toContain('exclusions.0');
  }, 60_000);
});
