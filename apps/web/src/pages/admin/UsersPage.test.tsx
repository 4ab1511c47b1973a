import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/types';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const admin = sessionInfo('admin');

const SALES = '00000000-0000-4000-8000-0000000002a1';
const LEGAL = '00000000-0000-4000-8000-0000000002a2';
const CLOSED = '00000000-0000-4000-8000-0000000002a3';
const unit = (id: string, code: string, name: string, active = true) => ({
  id,
  code,
  name,
  description: '',
  parentId: null,
  managerUserId: null,
  active,
  version: 1,
});
const units = {
  items: [
    unit(SALES, 'S-01', 'Sales'),
    unit(LEGAL, 'L-01', 'Legal'),
    unit(CLOSED, 'X-01', 'Closed branch', false),
  ],
  nextCursor: null,
};

/** Types into a searchable Mantine select (it takes input once focused), opening its options. */
function search(combobox: HTMLElement, text: string) {
  combobox.focus();
  fireEvent.click(combobox);
  fireEvent.change(combobox, { target: { value: text } });
}

function user(n: number, extra: Partial<User> = {}): User {
  return {
    id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
    email: `user${n}@example.com`,
    displayName: `User ${String(n).padStart(2, '0')}`,
    locale: 'en',
    roles: ['staff'],
    active: true,
    accessExpiresAt: null,
    orgUnitId: null,
    createdAt: '2026-01-05T09:00:00.000Z',
    passwordChangeRequired: false,
    version: 3,
    ...extra,
  };
}

describe('users administration', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('loads more with the cursor, and filters by search and role', async () => {
    const api = fakeApi({
      ...signedInRoutes(admin),
      'GET /api/v1/users': ({ query }) => {
        if (query.get('q') === 'nobody') return { body: { items: [], nextCursor: null } };
        if (query.get('cursor') === 'page-2') {
          return { body: { items: [user(3)], nextCursor: null } };
        }
        return { body: { items: [user(1), user(2)], nextCursor: 'page-2' } };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/admin/users');

    expect(await screen.findByText('user1@example.com')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('user3@example.com')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search users' }), {
      target: { value: 'nobody' },
    });
    expect(await screen.findByText('No users match these filters')).toBeTruthy();
    expect(api.calls.some((call) => call.query.get('q') === 'nobody')).toBe(true);
  });

  it('sends If-Match and explains a 412: someone else changed the user', async () => {
    let patched: { ifMatch: string | null; body: unknown } | undefined;
    const api = fakeApi({
      ...signedInRoutes(admin),
      'GET /api/v1/users': { items: [user(1)], nextCursor: null },
      [`PATCH /api/v1/users/${user(1).id}`]: ({ headers, body }) => {
        patched = { ifMatch: headers.get('if-match'), body };
        return problem(
          412,
          'Someone else changed this object after you loaded it. Reload it and apply your change again.',
          { code: 'stale_version' },
        );
      },
      [`GET /api/v1/users/${user(1).id}`]: user(1, {
        displayName: 'User 01 (renamed)',
        version: 4,
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/admin/users');

    fireEvent.click(await screen.findByRole('button', { name: 'Edit User 01' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit User 01' });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^Internal auditor/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await within(dialog).findByText('Someone else changed this user')).toBeTruthy();
    expect(patched).toEqual({
      ifMatch: '"3"',
      body: { roles: ['staff', 'internal_auditor'] },
    });
    expect(patched && api.calls.at(-1)?.headers.get('x-csrf-token')).toBe('csrf-test-token');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Reload the user' }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText(/^Name/)).toHaveProperty('value', 'User 01 (renamed)'),
    );
    expect(within(dialog).queryByText('Someone else changed this user')).toBeNull();
  });

  it('applies the external auditor rule before sending', async () => {
    const api = fakeApi({
      ...signedInRoutes(admin),
      'GET /api/v1/users': { items: [user(1)], nextCursor: null },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/admin/users');

    fireEvent.click(await screen.findByRole('button', { name: 'Edit User 01' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit User 01' });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^External auditor/ }));
    expect(within(dialog).getByText(/needs an access expiry date\.$/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(
      await within(dialog).findByText('An external auditor cannot hold other roles.'),
    ).toBeTruthy();
    expect(
      within(dialog).getByText('An external auditor needs an access expiry date.'),
    ).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'PATCH')).toBe(false);
  });

  it("shows each user's unit, filters by unit, and sets the unit with If-Match", async () => {
    const patches: { ifMatch: string | null; body: unknown }[] = [];
    const api = fakeApi({
      ...signedInRoutes(admin),
      'GET /api/v1/org-units': units,
      'GET /api/v1/users': ({ query }) =>
        query.get('orgUnitId') === SALES
          ? { body: { items: [user(2, { orgUnitId: SALES })], nextCursor: null } }
          : {
              body: {
                items: [user(1), user(2, { orgUnitId: SALES }), user(3, { orgUnitId: CLOSED })],
                nextCursor: null,
              },
            },
      [`PATCH /api/v1/users/${user(2).id}`]: ({ headers, body }) => {
        patches.push({ ifMatch: headers.get('if-match'), body });
        return { body: user(2, { orgUnitId: LEGAL, version: 4 }) };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/admin/users');

    const table = await screen.findByRole('table', { name: 'Users' });
    const row = (name: string) => within(table).getByText(name).closest('tr')!;
    expect(await within(row('User 02')).findByText('S-01 Sales')).toBeTruthy();
    expect(within(row('User 01')).getByText('No unit')).toBeTruthy();
    expect(within(row('User 03')).getByText('X-01 Closed branch (deactivated)')).toBeTruthy();

    // The filter offers the active units only and asks the server for the chosen one.
    search(screen.getByRole('combobox', { name: 'Filter by unit' }), '-01');
    expect(await screen.findByRole('option', { name: 'L-01 Legal' })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /Closed branch/ })).toBeNull();
    fireEvent.click(screen.getByRole('option', { name: 'S-01 Sales' }));
    await waitFor(() => expect(screen.queryByText('user1@example.com')).toBeNull());
    expect(api.calls.some((c) => c.query.get('orgUnitId') === SALES)).toBe(true);

    // The form shows the user's unit and moves them to another one, with If-Match.
    fireEvent.click(await screen.findByRole('button', { name: 'Edit User 02' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit User 02' });
    const select = within(dialog).getByRole('combobox', { name: /^Organization unit/ });
    expect(select).toHaveProperty('value', 'S-01 Sales');
    search(select, 'legal');
    fireEvent.click(await screen.findByRole('option', { name: 'L-01 Legal' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]).toEqual({ ifMatch: '"3"', body: { orgUnitId: LEGAL } });
  });

  it('ends every session of a user after asking, from the user’s row', async () => {
    const api = fakeApi({
      ...signedInRoutes(admin),
      'GET /api/v1/users': { items: [user(1)], nextCursor: null },
      [`DELETE /api/v1/users/${user(1).id}/sessions`]: { status: 204 },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/admin/users');
    fireEvent.click(await screen.findByRole('button', { name: 'End all sessions of User 01' }));
    const dialog = await screen.findByRole('dialog', { name: 'End all sessions?' });
    expect(within(dialog).getByText(/signed out on every device/)).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'End all sessions' }));
    expect(await screen.findByText('User 01 was signed out everywhere.')).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
      `/api/v1/users/${user(1).id}/sessions`,
    ]);
  });
});
