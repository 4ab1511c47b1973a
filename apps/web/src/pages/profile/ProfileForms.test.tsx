import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { CreateTokenModal } from './CreateTokenModal';
import { PasswordCard } from './PasswordCard';
import { ProfileDetailsCard } from './ProfileDetailsCard';

const alertWith = (title: string) =>
  screen.getAllByRole('alert').find((a) => a.textContent?.includes(title))!;

describe('profile forms: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('puts a refused current password at its input, in Japanese', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('staff', { locale: 'ja' })),
      'POST /api/v1/me/password': problem(422, '入力内容を確認してください。', {
        errors: [
          {
            field: 'currentPassword',
            code: 'password_wrong',
            message: '現在のパスワードが違います。',
          },
          { field: 'session', code: 'expired', message: 'もう一度サインインしてください。' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<PasswordCard />);

    const fill = (label: RegExp, value: string) =>
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
    await screen.findByLabelText(/^現在のパスワード/);
    fill(/^現在のパスワード/, 'Velvet-Orbit-Lantern-7319');
    fill(/^新しいパスワード(?!（)/, 'Nagoya-Hikari-17');
    fill(/^新しいパスワード（確認）/, 'Nagoya-Hikari-17');
    fireEvent.click(screen.getByRole('button', { name: 'パスワードを変更' }));

    expect(await screen.findByText('現在のパスワードが違います。')).toBeTruthy();
    expect(screen.getByLabelText(/^現在のパスワード/).getAttribute('aria-invalid')).toBe('true');
    const alert = alertWith('入力内容を確認してください。');
    expect(alert.textContent).toContain('もう一度サインインしてください。');
    expect(alert.textContent).not.toContain('現在のパスワードが違います。');
    expect(alert.textContent).not.toContain('session');
  });

  it('puts a refused display name at its input', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('staff')),
      'PATCH /api/v1/me': problem(422, 'Check the values entered.', {
        errors: [{ field: 'displayName', code: 'too_big', message: 'Too long.' }],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<ProfileDetailsCard />);

    const name = await screen.findByRole('textbox', { name: /^Display name/ });
    fireEvent.change(name, { target: { value: 'A new name' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await vi.waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Too long.')).toBeTruthy();
    expect(alertWith('Check the values entered.').textContent).not.toContain('Too long.');
  });

  it('puts a refused permission of a new token at the permissions', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'POST /api/v1/tokens': problem(422, 'Check the values entered.', {
        errors: [
          {
            field: 'permissions',
            code: 'permission_not_held',
            message: 'You do not hold: users:write.',
          },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<CreateTokenModal opened onClose={() => {}} />);

    const dialog = await screen.findByRole('dialog', { name: 'New API token' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Name/ }), {
      target: { value: 'Nightly import' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Select all' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create token' }));

    const message = await within(dialog).findByText('You do not hold: users:write.');
    const alert = within(dialog).getByRole('alert');
    expect(alert.contains(message)).toBe(false);
    expect(alert.textContent).not.toContain('permissions');
  });
});
