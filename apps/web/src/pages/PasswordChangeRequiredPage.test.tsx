import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../test/fakeApi';
import { renderApp } from '../test/render';

const fill = (label: RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('the forced password change after an administrator set the password', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('replaces the app until the password is changed, then opens it', async () => {
    const session = sessionInfo('staff', { passwordChangeRequired: true });
    const api = fakeApi({
      ...signedInRoutes(session),
      'POST /api/v1/me/password': ({ body }) =>
        (body as { newPassword: string }).newPassword === 'Summer2026!!!'
          ? problem(422, 'Invalid input.', {
              errors: [
                {
                  field: 'newPassword',
                  code: 'password_weak',
                  message: 'This password is easy to guess.',
                },
              ],
            })
          : { status: 204 },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Choose your own password' }),
    ).toBeTruthy();
    expect(screen.getByText(/An administrator set your current password/)).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1, name: 'Dashboard' })).toBeNull();

    fill(/^Current password/, 'Velvet-Orbit-Lantern-7319');
    fill(/^New password/, 'Summer2026!!!');
    fill(/^Repeat the new password/, 'Summer2026!!!');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('This password is easy to guess.')).toBeTruthy();

    fill(/^New password/, 'Nagoya-Hikari-17');
    fill(/^Repeat the new password/, 'Nagoya-Hikari-17');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeTruthy();
    expect(api.calls.filter((c) => c.path === '/api/v1/me/password').at(-1)?.body).toEqual({
      currentPassword: 'Velvet-Orbit-Lantern-7319',
      newPassword: 'Nagoya-Hikari-17',
    });
  });

  it('speaks Japanese to a Japanese user and refuses the product name before sending', async () => {
    const session = sessionInfo('staff', { passwordChangeRequired: true, locale: 'ja' });
    const api = fakeApi(signedInRoutes(session));
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/');
    expect(
      await screen.findByRole('heading', { level: 1, name: '自分のパスワードを設定してください' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'サインアウト' })).toBeTruthy();
    fill(/^現在のパスワード/, 'Velvet-Orbit-Lantern-7319');
    fill(/^新しいパスワード(?!（)/, 'Mamoru-Hikari-2026');
    fireEvent.click(screen.getByRole('button', { name: 'パスワードを変更' }));
    expect(
      await screen.findByText(
        'パスワードに氏名、メールアドレス、組織名、「Mamoru」を含めないでください。',
      ),
    ).toBeTruthy();
    expect(api.calls.some((c) => c.path === '/api/v1/me/password')).toBe(false);
  });
});
