import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../test/fakeApi';
import { renderApp } from '../test/render';

function fill(label: RegExp | string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('log-in page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the server problem title when the log-in is refused (throttling)', async () => {
    const api = fakeApi({
      ...signedInRoutes(null),
      'POST /api/v1/auth/login': problem(
        429,
        'Too many failed sign-in attempts. Try again in 42 seconds.',
        { code: 'login_throttled' },
      ),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    fill(/Email address/, 'sam@example.com');
    fill(/^Password/, 'wrong password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByTestId('login-error');
    expect(alert.textContent).toContain(
      'Too many failed sign-in attempts. Try again in 42 seconds.',
    );
    const login = api.calls.find((call) => call.path === '/api/v1/auth/login');
    expect(login?.body).toEqual({ email: 'sam@example.com', password: 'wrong password' });
    // The password is cleared for the next try; the email stays.
    expect((screen.getByLabelText(/^Password/) as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText(/Email address/) as HTMLInputElement).value).toBe(
      'sam@example.com',
    );
  });

  it('checks the form before sending anything', async () => {
    const api = fakeApi(signedInRoutes(null));
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    fill(/Email address/, 'not-an-email');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter a valid email address.')).toBeTruthy();
    expect(screen.getByText('Required.')).toBeTruthy();
    expect(api.calls.some((call) => call.path === '/api/v1/auth/login')).toBe(false);
  });

  it('signs in, opens the shell and switches to the user’s language', async () => {
    const session = sessionInfo('staff', { locale: 'ja' });
    let signedIn = false;
    const api = fakeApi({
      ...signedInRoutes(null),
      'GET /api/v1/auth/session': () =>
        signedIn ? { body: session } : problem(401, 'You are not signed in.'),
      'POST /api/v1/auth/login': () => {
        signedIn = true;
        return { body: session };
      },
      'POST /api/v1/auth/logout': () => {
        signedIn = false;
        return { status: 204 };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    fill(/Email address/, 'staff@example.com');
    fill(/^Password/, 'Hoshi to tsuki 1618!');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'ダッシュボード' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ja');
    // Later unsafe requests carry the session's CSRF token.
    fireEvent.click(screen.getByRole('button', { name: 'Sam Staff のアカウントメニュー' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'サインアウト' }));
    await waitFor(() => {
      const logout = api.calls.find((call) => call.path === '/api/v1/auth/logout');
      expect(logout?.headers.get('x-csrf-token')).toBe('csrf-test-token');
      expect(logout?.body).toBeUndefined();
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'サインイン' })).toBeTruthy();
  });

  it('returns to the log-in page, saying why, when the session ends under the user', async () => {
    let alive = true;
    const api = fakeApi({
      ...signedInRoutes(null),
      'GET /api/v1/auth/session': () =>
        alive ? { body: sessionInfo('admin') } : problem(401, 'You are not signed in.'),
      'GET /api/v1/users': () => {
        alive = false;
        return problem(401, 'You are not signed in.');
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/admin/users');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(screen.getByText('Your session has ended. Sign in again to continue.')).toBeTruthy();
  });
  it('puts a refused email at its input and lists another field error without its path (422)', async () => {
    const api = fakeApi({
      ...signedInRoutes(null),
      'POST /api/v1/auth/login': problem(422, 'Check the values entered.', {
        errors: [
          { field: 'email', code: 'too_big', message: 'Too long.' },
          { field: 'organization', code: 'unknown', message: 'No such organization.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/');

    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    fill(/Email address/, 'sam@example.com');
    fill(/^Password/, 'a password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByTestId('login-error');
    const email = screen.getByLabelText(/Email address/);
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Too long.')).toBeTruthy();
    expect(alert.textContent).toContain('No such organization.');
    expect(alert.textContent).not.toContain('Too long.');
    expect(alert.textContent).not.toContain('organization:');
  });
});
