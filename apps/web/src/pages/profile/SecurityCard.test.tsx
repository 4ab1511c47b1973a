import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const factor = (
  id: string,
  kind: 'totp' | 'webauthn',
  label: string,
  lastUsedAt: string | null,
) => ({
  id,
  kind,
  label,
  createdAt: '2026-02-01T00:00:00.000Z',
  lastUsedAt,
});
const phone = factor('00000000-0000-4000-8000-0000000000f1', 'totp', 'Work phone', null);
const laptop = factor(
  '00000000-0000-4000-8000-0000000000f2',
  'webauthn',
  'Work laptop',
  '2026-03-02T08:30:00.000Z',
);

function profileRoutes(items: unknown[], extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    ...signedInRoutes(sessionInfo('staff')),
    'GET /api/v1/me/sessions': { items: [] },
    'GET /api/v1/tokens': { items: [] },
    'GET /api/v1/me/factors': { items, recoveryCodesLeft: 2, mfaRequired: true },
    ...extra,
  });
}

async function securityCard() {
  const heading = await screen.findByRole(
    'heading',
    { name: 'Sign-in security' },
    { timeout: 20_000 },
  );
  return heading.closest('section') as HTMLElement;
}

describe('sign-in security on the profile page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists the factors with kind and last use, and refuses to remove the last one as the server says', async () => {
    const api = profileRoutes([phone, laptop], {
      'DELETE /api/v1/me/factors/00000000-0000-4000-8000-0000000000f2': problem(
        409,
        'Your organization requires a second factor: add another before removing this one.',
        { code: 'mfa_last_factor' },
      ),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/profile');
    const card = await securityCard();

    const rows = await within(card).findAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'NameTypeAddedLast usedActions',
      expect.stringMatching(/^Work phoneAuthenticator app.*Never$/),
      expect.stringMatching(/^Work laptopPasskey/),
    ]);
    expect(within(card).getByTestId('codes-left').textContent).toBe('2 recovery codes left');

    fireEvent.click(within(card).getByRole('button', { name: 'Remove Work laptop' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove this second factor?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await within(dialog).findByText(/add another before removing this one/)).toBeTruthy();
  });

  it('makes new recovery codes and shows them once', async () => {
    const codes = Array.from({ length: 10 }, (_, i) => `new-${i}`);
    const api = profileRoutes([phone], { 'POST /api/v1/me/recovery-codes': { codes } });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/profile');
    const card = await securityCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'New recovery codes' }));
    const confirm = await screen.findByRole('dialog', { name: 'Create new recovery codes?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'New recovery codes' }));

    const shown = await screen.findByRole('dialog', { name: 'Save your recovery codes' });
    expect(
      within(shown)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(codes);
    expect(within(shown).getByRole('button', { name: 'Download (.txt)' })).toBeTruthy();
  });

  it('warns when the policy requires a factor the user does not have yet', async () => {
    vi.stubGlobal('fetch', profileRoutes([]).fetch);
    renderApp('/profile');
    const card = await securityCard();
    expect(
      await within(card).findByText('Your organization requires a second factor'),
    ).toBeTruthy();
    expect(within(card).getByText('No second factor yet')).toBeTruthy();
  });
});
