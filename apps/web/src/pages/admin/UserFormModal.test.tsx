import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/types';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const member: User = {
  id: '00000000-0000-4000-8000-000000000131',
  email: 'member@example.com',
  displayName: 'Member',
  locale: 'en',
  roles: ['staff'],
  active: true,
  accessExpiresAt: null,
  orgUnitId: null,
  createdAt: '2026-01-05T09:00:00.000Z',
  passwordChangeRequired: false,
  version: 3,
};

describe('user form: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('puts the errors at the roles and the active switch, listing no raw path', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/users': { items: [member], nextCursor: null },
      'GET /api/v1/org-units': { items: [], nextCursor: null },
      [`PATCH /api/v1/users/${member.id}`]: problem(422, 'Check the values entered.', {
        errors: [
          { field: 'roles.1', code: 'invalid_value', message: 'Not a role.' },
          { field: 'active', code: 'last_admin', message: 'Keep one administrator.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/admin/users');

    fireEvent.click(
      await screen.findByRole('button', { name: 'Edit Member' }, { timeout: 20_000 }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Edit Member' });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^Internal auditor/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await within(dialog).findByText('Not a role.')).toBeTruthy();
    expect(within(dialog).getByText('Keep one administrator.')).toBeTruthy();
    // Both sit at their inputs: the alert repeats neither and shows no raw path.
    const alert = within(dialog).getByRole('alert');
    expect(alert.textContent).not.toContain('roles.1');
    expect(within(alert).queryByText('Keep one administrator.')).toBeNull();
  }, 60_000);
});
