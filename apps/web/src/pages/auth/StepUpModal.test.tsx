import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes, type FakeRoute } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const staff = sessionInfo('staff');
const created = {
  id: '00000000-0000-4000-8000-0000000000c1',
  name: 'Catalog sync',
  prefix: 'mamoru_pat_abcdef',
  permissions: ['catalog:read'],
  expiresAt: '2026-06-01T00:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
  createdAt: '2026-03-01T00:00:00.000Z',
  token: 'mamoru_pat_secret123',
};
const totp = {
  id: '00000000-0000-4000-8000-0000000000f1',
  kind: 'totp',
  label: 'Work phone',
  createdAt: '2026-03-01T00:00:00.000Z',
  lastUsedAt: null,
};

/** The profile page where creating a token is refused until the person steps up. */
function profileApi(factors: unknown[], stepUp: FakeRoute) {
  let confirmed = false;
  return fakeApi({
    ...signedInRoutes(staff),
    'GET /api/v1/me/sessions': { items: [] },
    'GET /api/v1/tokens': { items: [] },
    'GET /api/v1/me/factors': { items: factors, recoveryCodesLeft: 10, mfaRequired: false },
    'GET /api/v1/roles': { roles: ['staff'], permissions: ['catalog:read'], grants: {} },
    'POST /api/v1/tokens': () =>
      confirmed
        ? { status: 201, body: created }
        : problem(403, 'Confirm it is you to continue.', {
            code: 'step_up_required',
            stepUpMinutes: 10,
          }),
    'POST /api/v1/auth/step-up': async (request) => {
      const answer = typeof stepUp === 'function' ? await stepUp(request) : stepUp;
      if (!('status' in (answer as object)) || (answer as { status?: number }).status === 200)
        confirmed = true;
      return answer as never;
    },
  });
}

async function createToken() {
  renderApp('/profile');
  // The profile page and its strings load on first use.
  fireEvent.click(await screen.findByRole('button', { name: 'New token' }, { timeout: 20_000 }));
  const dialog = await screen.findByRole('dialog', { name: 'New API token' });
  fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'Catalog sync' } });
  fireEvent.click(within(dialog).getByRole('checkbox', { name: /View the control catalog/ }));
  fireEvent.click(within(dialog).getByRole('button', { name: 'Create token' }));
  return screen.findByRole('dialog', { name: 'Confirm it is you' });
}

describe('step-up before a sensitive action', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks for the authenticator code, then sends the refused request again', async () => {
    const api = profileApi([totp], (request) =>
      (request.body as { totpCode?: string }).totpCode === '123456'
        ? { body: { authenticatedAt: 'x', stepUpUntil: 'y' } }
        : problem(400, 'The code is not right.', { code: 'mfa_code_invalid' }),
    );
    vi.stubGlobal('fetch', api.fetch);
    const modal = await createToken();

    expect(within(modal).getByText(/not be asked again for 10 minutes/)).toBeTruthy();
    // A user with a factor confirms with it; the password is not offered.
    const code = await within(modal).findByLabelText(/^Code from your authenticator app/);
    expect(within(modal).queryByRole('radio', { name: 'Password' })).toBeNull();
    fireEvent.change(code, { target: { value: '000000' } });
    fireEvent.click(within(modal).getByRole('button', { name: 'Confirm' }));
    expect(await within(modal).findByText('The code is not right.')).toBeTruthy();

    fireEvent.change(code, { target: { value: '123 456' } });
    fireEvent.click(within(modal).getByRole('button', { name: 'Confirm' }));
    expect((await screen.findByTestId('token-secret')).textContent).toBe('mamoru_pat_secret123');
    expect(
      api.calls.filter((call) => call.path === '/api/v1/auth/step-up').map((call) => call.body),
    ).toEqual([{ totpCode: '000000' }, { totpCode: '123456' }]);
    expect(
      api.calls.filter((call) => call.path === '/api/v1/tokens' && call.method === 'POST'),
    ).toHaveLength(2);
  });

  it('asks for the password of a user without a second factor', async () => {
    const api = profileApi([], { body: { authenticatedAt: 'x', stepUpUntil: 'y' } });
    vi.stubGlobal('fetch', api.fetch);
    const modal = await createToken();
    fireEvent.change(await within(modal).findByLabelText(/^Your password/), {
      target: { value: 'Hoshi to tsuki 1618!' },
    });
    fireEvent.click(within(modal).getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByTestId('token-secret')).toBeTruthy();
    expect(api.calls.find((call) => call.path === '/api/v1/auth/step-up')?.body).toEqual({
      password: 'Hoshi to tsuki 1618!',
    });
  });

  it('leaves the action refused when the person cancels', async () => {
    const api = profileApi([totp], { body: {} });
    vi.stubGlobal('fetch', api.fetch);
    const modal = await createToken();
    fireEvent.click(await within(modal).findByRole('button', { name: 'Cancel' }));
    const dialog = await screen.findByRole('dialog', { name: 'New API token' });
    expect(await within(dialog).findByText('Confirm it is you to continue.')).toBeTruthy();
    expect(api.calls.some((call) => call.path === '/api/v1/auth/step-up')).toBe(false);
  });
});
