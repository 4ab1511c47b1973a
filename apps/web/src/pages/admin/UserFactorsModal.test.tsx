import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/types';
import { fakeApi, sessionInfo, signedInRoutes, type FakeRoute } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const member: User = {
  id: '00000000-0000-4000-8000-000000000101',
  email: 'kenji@example.com',
  displayName: 'Kenji Manager',
  locale: 'en',
  roles: ['admin'],
  active: true,
  accessExpiresAt: null,
  orgUnitId: null,
  createdAt: '2026-01-05T09:00:00.000Z',
  passwordChangeRequired: false,
  version: 1,
};
const factorsPath = `/api/v1/users/${member.id}/factors`;

function usersApi(reset: FakeRoute) {
  return fakeApi({
    ...signedInRoutes(sessionInfo('admin')),
    'GET /api/v1/users': { items: [member], nextCursor: null },
    'GET /api/v1/org-units': { items: [], nextCursor: null },
    [`GET ${factorsPath}`]: {
      items: [
        {
          id: '00000000-0000-4000-8000-0000000000f1',
          kind: 'totp',
          label: 'Work phone',
          createdAt: '2026-02-01T00:00:00.000Z',
          lastUsedAt: null,
        },
      ],
      recoveryCodesLeft: 9,
      mfaRequired: true,
    },
    [`POST ${factorsPath}/reset`]: reset,
  });
}

async function openFactors() {
  renderApp('/admin/users');
  fireEvent.click(
    await screen.findByRole(
      'button',
      { name: 'Sign-in factors of Kenji Manager' },
      { timeout: 20_000 },
    ),
  );
  const dialog = await screen.findByRole('dialog', { name: 'Sign-in factors: Kenji Manager' });
  expect(await within(dialog).findByText('Work phone')).toBeTruthy();
  expect(within(dialog).getByText('9 recovery codes left')).toBeTruthy();
  fireEvent.click(within(dialog).getByRole('button', { name: 'Reset factors' }));
  fireEvent.click(await within(dialog).findByRole('button', { name: 'Reset factors' }));
  return dialog;
}

describe('a user’s sign-in factors on the users page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the approval a privileged user’s reset waits for', async () => {
    const api = usersApi(() => ({
      status: 202,
      body: {
        status: 'pending',
        approval: {
          id: '00000000-0000-4000-8000-0000000000a9',
          approvalType: 'mfa_reset',
          status: 'pending',
        },
      },
    }));
    vi.stubGlobal('fetch', api.fetch);
    const dialog = await openFactors();
    expect(await within(dialog).findByTestId('reset-requested')).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: 'Open approvals' }).getAttribute('href')).toBe(
      '/approvals',
    );
    expect(api.calls.filter((call) => call.path === `${factorsPath}/reset`)).toHaveLength(1);
  });

  it('resets at once for anyone else', async () => {
    const api = usersApi(() => ({ body: { status: 'reset' } }));
    vi.stubGlobal('fetch', api.fetch);
    const dialog = await openFactors();
    expect(await screen.findByText('Second factors reset')).toBeTruthy();
    expect(within(dialog).queryByTestId('reset-requested')).toBeNull();
    // The list is read again after the reset.
    const reads = api.calls.filter((call) => call.method === 'GET' && call.path === factorsPath);
    expect(reads.length).toBeGreaterThanOrEqual(2);
  });
});
