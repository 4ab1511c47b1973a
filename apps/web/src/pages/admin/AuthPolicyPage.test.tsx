import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const policy = {
  mfaRequired: 'off',
  mfaRoles: [],
  stepUpMinutes: 10,
  version: 3,
  updatedAt: null,
};

describe('sign-in policy page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('requires MFA for chosen roles, with the version it was read at', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/admin/auth-policy': policy,
      'PUT /api/v1/admin/auth-policy': (request) => ({
        body: { ...policy, ...(request.body as object), version: 4 },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/admin/sign-in-policy');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sign-in policy' }, { timeout: 20_000 }),
    ).toBeTruthy();
    fireEvent.click(await screen.findByRole('radio', { name: /Required for some roles/ }));
    // Some roles, but none chosen: said here, nothing sent.
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('Choose at least one role.', {
        selector: '.mantine-InputWrapper-error, [id$="-error"]',
      }),
    ).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'PUT')).toBe(false);

    fireEvent.click(screen.getByRole('checkbox', { name: /^Administrator/ }));
    fireEvent.change(screen.getByLabelText(/^Step-up window/), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.calls.some((call) => call.method === 'PUT')).toBe(true));
    const put = api.calls.find((call) => call.method === 'PUT');
    expect(put?.body).toEqual({ mfaRequired: 'roles', mfaRoles: ['admin'], stepUpMinutes: 5 });
    expect(put?.headers.get('if-match')).toBe('"3"');
    expect(await screen.findByText('Sign-in policy saved')).toBeTruthy();
  });

  it('is in the administration menu for those who manage the organization', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(sessionInfo('admin')),
        'GET /api/v1/admin/auth-policy': policy,
      }).fetch,
    );
    renderApp('/admin/sign-in-policy');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(nav.querySelector('a[href="/admin/sign-in-policy"]')?.textContent).toContain(
      'Sign-in policy',
    );
  });
});
