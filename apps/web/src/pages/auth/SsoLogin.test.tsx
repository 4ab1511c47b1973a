import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n';
import { fakeApi, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import { ssoNavigation } from './SsoPanel';

const slow = { timeout: 20_000 };
const ENTRA = { id: '00000000-0000-4000-8000-0000000005a1', name: 'Entra ID', kind: 'oidc' };
const HENNGE = { id: '00000000-0000-4000-8000-0000000005a2', name: 'HENNGE One', kind: 'saml' };

async function openSso(email?: string) {
  await screen.findByRole('heading', { level: 1, name: 'Sign in' }, slow);
  if (email)
    fireEvent.change(screen.getByLabelText(/^Email address/), { target: { value: email } });
  fireEvent.click(screen.getByRole('button', { name: 'Single sign-on (SSO)' }));
  return screen.findByRole('form', { name: 'Single sign-on' }, slow);
}

describe('single sign-on on the log-in page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it(
    'finds the provider by the email typed and goes to its start route, back to the page asked for',
    slow,
    async () => {
      const go = vi.spyOn(ssoNavigation, 'go').mockImplementation(() => {});
      const api = fakeApi({
        ...signedInRoutes(null),
        'POST /api/v1/auth/sso/discover': { providers: [ENTRA] },
      });
      vi.stubGlobal('fetch', api.fetch);
      renderApp('/risks?view=open');

      const panel = await openSso('sam@example.co.jp');
      // The email typed for the password is carried over.
      expect((within(panel).getByLabelText(/^Work email address/) as HTMLInputElement).value).toBe(
        'sam@example.co.jp',
      );
      fireEvent.click(within(panel).getByRole('button', { name: 'Continue' }));

      await vi.waitFor(() => expect(go).toHaveBeenCalledTimes(1));
      expect(go).toHaveBeenCalledWith(
        `/api/v1/auth/sso/${ENTRA.id}/start?returnTo=${encodeURIComponent('/risks?view=open')}`,
      );
      const discover = api.calls.find((c) => c.path === '/api/v1/auth/sso/discover');
      expect(discover?.body).toEqual({ email: 'sam@example.co.jp' });
    },
  );

  it(
    'offers several providers by name, says when there is none, and checks the address first',
    slow,
    async () => {
      const go = vi.spyOn(ssoNavigation, 'go').mockImplementation(() => {});
      const api = fakeApi({
        ...signedInRoutes(null),
        'POST /api/v1/auth/sso/discover': (request) => ({
          body: {
            providers: (request.body as { email: string }).email.endsWith('@example.co.jp')
              ? [ENTRA, HENNGE]
              : [],
          },
        }),
      });
      vi.stubGlobal('fetch', api.fetch);
      renderApp('/login');

      const panel = await openSso();
      const email = within(panel).getByLabelText(/^Work email address/);
      fireEvent.change(email, { target: { value: 'not an address' } });
      fireEvent.click(within(panel).getByRole('button', { name: 'Continue' }));
      expect(await within(panel).findByText('Enter a valid email address.')).toBeTruthy();
      expect(api.calls.some((c) => c.path === '/api/v1/auth/sso/discover')).toBe(false);

      fireEvent.change(email, { target: { value: 'sam@elsewhere.example' } });
      fireEvent.click(within(panel).getByRole('button', { name: 'Continue' }));
      expect(
        await within(panel).findByText(/Single sign-on is not set up for this address/),
      ).toBeTruthy();

      fireEvent.change(email, { target: { value: 'sam@example.co.jp' } });
      fireEvent.click(within(panel).getByRole('button', { name: 'Continue' }));
      const choice = await within(panel).findByRole('group', { name: 'Choose where to sign in' });
      fireEvent.click(within(choice).getByRole('button', { name: 'Continue with HENNGE One' }));
      // From the log-in address itself, the way back is the home page.
      expect(go).toHaveBeenCalledWith(`/api/v1/auth/sso/${HENNGE.id}/start?returnTo=%2F`);
    },
  );

  it('shows why single sign-on was refused, in the reader’s language', slow, async () => {
    vi.stubGlobal('fetch', fakeApi(signedInRoutes(null)).fetch);
    renderApp('/login?sso_error=sso_user_unknown');
    const alert = await screen.findByTestId('sso-error', undefined, slow);
    expect(alert.textContent).toContain('Single sign-on did not complete');
    expect(alert.textContent).toContain('You have no Mamoru account yet');
    expect(within(alert).getByText('sso_user_unknown').tagName).toBe('CODE');
    // The password form is still there.
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('words a SAML refusal in Japanese, and an unknown code in general terms', slow, async () => {
    await i18n.changeLanguage('ja');
    vi.stubGlobal('fetch', fakeApi(signedInRoutes(null)).fetch);
    const { router } = renderApp('/login?sso_error=saml_replayed');
    const alert = await screen.findByTestId('sso-error', undefined, slow);
    expect(alert.textContent).toContain('シングルサインオンを完了できませんでした');
    expect(alert.textContent).toContain('すでに一度使われているため');

    await router.navigate('/login?sso_error=something_new');
    await vi.waitFor(() =>
      expect(screen.getByTestId('sso-error').textContent).toContain(
        'IDプロバイダーからの応答を受け付けられませんでした',
      ),
    );
  });
});
