import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/types';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const admin = sessionInfo('admin');

function user(n: number, extra: Partial<User> = {}): User {
  return {
    id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
    email: `user${n}@example.com`,
    displayName: `User ${String(n).padStart(2, '0')}`,
    locale: 'en',
    roles: ['staff'],
    active: true,
    accessExpiresAt: null,
    createdAt: '2026-01-05T09:00:00.000Z',
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
});
