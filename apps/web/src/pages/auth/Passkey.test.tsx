import { fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../api/types';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

// The browser's WebAuthn prompt, replaced: jsdom has no authenticator.
const browser = vi.hoisted(() => ({
  startAuthentication: vi.fn(),
  startRegistration: vi.fn(),
  browserSupportsWebAuthn: vi.fn(() => true),
}));
vi.mock('@simplewebauthn/browser', () => browser);

const assertion = {
  id: 'cred',
  rawId: 'cred',
  type: 'public-key',
  response: { clientDataJSON: 'a', authenticatorData: 'b', signature: 'c' },
  clientExtensionResults: {},
};

describe('passkeys at the second step', () => {
  let session: SessionInfo;
  beforeEach(() => {
    const complete = sessionInfo('staff');
    session = { ...complete, permissions: {}, auth: { ...complete.auth, stage: 'mfa' } };
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.clearAllMocks();
  });

  function stubApi() {
    const api = fakeApi({
      ...signedInRoutes(null),
      'GET /api/v1/auth/session': () => ({ body: session }),
      'POST /api/v1/auth/mfa/webauthn/options': {
        flowId: 'flow-9',
        options: { challenge: 'xyz', allowCredentials: [] },
      },
      'POST /api/v1/auth/mfa/webauthn': () => {
        session = sessionInfo('staff');
        return { body: session };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    return api;
  }

  it('signs in with a passkey: the server’s options go to the browser and its answer back', async () => {
    const api = stubApi();
    browser.startAuthentication.mockResolvedValue(assertion);
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Two-step verification' });
    fireEvent.click(screen.getByRole('radio', { name: 'Passkey' }));
    fireEvent.click(screen.getByRole('button', { name: 'Use a passkey' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeTruthy();
    expect(browser.startAuthentication).toHaveBeenCalledWith({
      optionsJSON: { challenge: 'xyz', allowCredentials: [] },
    });
    expect(api.calls.find((call) => call.path === '/api/v1/auth/mfa/webauthn')?.body).toEqual({
      flowId: 'flow-9',
      response: assertion,
    });
  });

  it('says so when the person closes the browser’s prompt', async () => {
    const api = stubApi();
    browser.startAuthentication.mockRejectedValue(
      Object.assign(new Error('The operation either timed out or was not allowed.'), {
        name: 'NotAllowedError',
      }),
    );
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Two-step verification' });
    fireEvent.click(screen.getByRole('radio', { name: 'Passkey' }));
    fireEvent.click(screen.getByRole('button', { name: 'Use a passkey' }));

    expect((await screen.findByTestId('mfa-error')).textContent).toBe(
      'The passkey prompt was closed or timed out. Try again.',
    );
    expect(api.calls.some((call) => call.path === '/api/v1/auth/mfa/webauthn')).toBe(false);
  });
});
