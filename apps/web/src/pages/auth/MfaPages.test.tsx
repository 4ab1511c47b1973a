import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../api/types';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

/** A session that signed in with its password and owes the second step (or a factor). */
function atStage(stage: 'mfa' | 'mfa_enrol'): SessionInfo {
  const complete = sessionInfo('staff');
  return { ...complete, permissions: {}, auth: { ...complete.auth, stage } };
}

function fill(label: RegExp | string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('the second step of signing in', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks for the authenticator code after the password, refuses a wrong one, then opens the app', async () => {
    const complete = sessionInfo('staff');
    let session: SessionInfo | null = null;
    const api = fakeApi({
      ...signedInRoutes(null),
      'GET /api/v1/auth/session': () =>
        session ? { body: session } : problem(401, 'You are not signed in.'),
      'POST /api/v1/auth/login': () => {
        session = atStage('mfa');
        return { body: session };
      },
      'POST /api/v1/auth/mfa/totp': (request) => {
        if ((request.body as { code: string }).code !== '123456')
          return problem(400, 'The code is not right. Try the current one.', {
            code: 'mfa_code_invalid',
          });
        session = complete;
        return { body: complete };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/');

    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    fill(/Email address/, 'staff@example.com');
    fill(/^Password/, 'Hoshi to tsuki 1618!');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Two-step verification' }),
    ).toBeTruthy();
    expect(screen.getByText(/Signed in as staff@example.com/)).toBeTruthy();
    // A code that is not six digits is refused here, before anything is sent.
    fill(/^Code from your authenticator app/, '12');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Enter the 6-digit code.')).toBeTruthy();
    expect(api.calls.some((call) => call.path === '/api/v1/auth/mfa/totp')).toBe(false);

    fill(/^Code from your authenticator app/, '654 321');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect((await screen.findByTestId('mfa-error')).textContent).toContain(
      'The code is not right.',
    );

    fill(/^Code from your authenticator app/, '123 456');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeTruthy();
    const sent = api.calls.filter((call) => call.path === '/api/v1/auth/mfa/totp');
    expect(sent.map((call) => call.body)).toEqual([{ code: '654321' }, { code: '123456' }]);
  });

  it('takes a recovery code instead', async () => {
    let session: SessionInfo = atStage('mfa');
    const api = fakeApi({
      ...signedInRoutes(null),
      'GET /api/v1/auth/session': () => ({ body: session }),
      'POST /api/v1/auth/mfa/recovery': () => {
        session = sessionInfo('staff');
        return { body: session };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/');

    await screen.findByRole('heading', { level: 1, name: 'Two-step verification' });
    fireEvent.click(screen.getByRole('radio', { name: 'Recovery code' }));
    fireEvent.change(screen.getByRole('textbox', { name: /^Recovery code/ }), {
      target: { value: ' abcde-12345 ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeTruthy();
    expect(api.calls.find((call) => call.path === '/api/v1/auth/mfa/recovery')?.body).toEqual({
      code: 'abcde-12345',
    });
  });

  it('sets up an authenticator app when the policy requires one, and shows the recovery codes once', async () => {
    let session: SessionInfo = atStage('mfa_enrol');
    const codes = Array.from({ length: 10 }, (_, i) => `code-${i}-abcd`);
    const api = fakeApi({
      ...signedInRoutes(null),
      'GET /api/v1/auth/session': () => ({ body: session }),
      'POST /api/v1/me/factors/totp': {
        flowId: 'flow-1',
        secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
        otpauthUri: 'otpauth://totp/Mamoru:staff@example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DP',
        qrCode: 'data:image/svg+xml;base64,PHN2Zy8+',
      },
      'POST /api/v1/me/factors/totp/confirm': () => {
        session = sessionInfo('staff');
        return {
          body: {
            factor: {
              id: '00000000-0000-4000-8000-0000000000f1',
              kind: 'totp',
              label: 'Work phone',
              createdAt: '2026-03-01T00:00:00.000Z',
              lastUsedAt: null,
            },
            recoveryCodes: codes,
          },
        };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/');

    await screen.findByRole('heading', { level: 1, name: 'Set up two-step verification' });
    expect(
      (await screen.findByRole('img', { name: /QR code to add Mamoru/ })).getAttribute('src'),
    ).toBe('data:image/svg+xml;base64,PHN2Zy8+');
    expect(screen.getByTestId('totp-secret').textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP');
    fill(/^Name/, 'Work phone');
    fill(/^Code from your authenticator app/, '123456');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and add' }));

    const list = await screen.findByTestId('recovery-codes');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(codes);
    expect(api.calls.find((call) => call.path.endsWith('/totp/confirm'))?.body).toEqual({
      flowId: 'flow-1',
      code: '123456',
      label: 'Work phone',
    });
    // The app opens only once the person says the codes are kept.
    const next = screen.getByRole('button', { name: 'Continue to Mamoru' });
    expect((next as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /I have saved these codes/ }));
    await waitFor(() => expect((next as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(next);
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeTruthy();
  });
});
