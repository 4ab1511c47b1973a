import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const staff = sessionInfo('staff');

describe('API tokens on the profile page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('offers only the user’s own permissions and shows the secret once', async () => {
    const created = {
      id: '00000000-0000-4000-8000-0000000000c1',
      name: 'Catalog sync',
      prefix: 'mamoru_pat_abcdef',
      permissions: ['catalog:read'],
      expiresAt: '2026-06-01T00:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
      createdAt: '2026-03-01T00:00:00.000Z',
    };
    const api = fakeApi({
      ...signedInRoutes(staff),
      'GET /api/v1/me/sessions': { items: [] },
      'GET /api/v1/tokens': { items: [] },
      'GET /api/v1/roles': {
        roles: ['staff'],
        permissions: ['organization:read', 'users:read', 'catalog:read', 'approvals:read'],
        grants: {},
      },
      'POST /api/v1/tokens': () => ({
        status: 201,
        body: { ...created, token: 'mamoru_pat_secret123' },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/profile');

    expect(await screen.findByText('No API tokens yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New token' }));
    const dialog = await screen.findByRole('dialog', { name: 'New API token' });
    // users:read is not the staff member's, so it is not offered.
    expect(within(dialog).queryByRole('checkbox', { name: /View users/ })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create token' }));
    expect(await within(dialog).findByText('Choose at least 1.')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'Catalog sync' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /View the control catalog/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create token' }));

    const secret = await screen.findByTestId('token-secret');
    expect(secret.textContent).toBe('mamoru_pat_secret123');
    expect(screen.getByText('Copy the token now')).toBeTruthy();
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      name: 'Catalog sync',
      permissions: ['catalog:read'],
      expiresInDays: 90,
    });
  });
});
