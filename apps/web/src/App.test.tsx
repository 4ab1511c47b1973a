import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RouteErrorPage } from './components/RouteErrorPage';
import { LOCALE_STORAGE_KEY } from './i18n';
import { SessionGate } from './session/SessionGate';
import { fakeApi, sessionInfo, signedInRoutes } from './test/fakeApi';
import { renderApp, renderWithProviders } from './test/render';
import { AREAS } from './navigation';
import { AreaPlaceholderPage } from './pages/AreaPlaceholderPage';

describe('application shell', () => {
  let calls: ReturnType<typeof fakeApi>['calls'];

  beforeEach(() => {
    const fake = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'PATCH /api/v1/me': ({ body }) => ({
        body: { ...sessionInfo('admin').user, ...(body as object), version: 2 },
      }),
    });
    calls = fake.calls;
    vi.stubGlobal('fetch', fake.fetch);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the PDCA navigation and the server version on the dashboard', async () => {
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    for (const group of ['Plan', 'Do', 'Check', 'Act']) {
      expect(within(nav).getByRole('group', { name: group })).toBeTruthy();
    }
    expect(within(nav).getByRole('link', { name: 'Statement of applicability' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeTruthy();
    expect((await screen.findByTestId('app-version')).textContent).toBe('Mamoru 9.9.9-test');
    const version = calls.find((call) => call.path === '/api/v1/version');
    expect(version?.headers.get('accept-language')).toBe('en');
  });

  it('switches the language from the header and saves it to the profile', async () => {
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Scope' })).toBeTruthy();
    const switcher = screen.getByRole('radiogroup', { name: 'Display language' });

    fireEvent.click(within(switcher).getByRole('radio', { name: '日本語' }));

    expect(await within(nav).findByRole('link', { name: '適用範囲' })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: '適用宣言書' })).toBeTruthy();
    expect(within(nav).queryByRole('link', { name: 'Scope' })).toBeNull();
    expect(screen.getByRole('radiogroup', { name: '表示言語' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'ダッシュボード' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ja');
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ja');
    await waitFor(() => {
      const patch = calls.find((call) => call.method === 'PATCH' && call.path === '/api/v1/me');
      expect(patch?.body).toEqual({ locale: 'ja' });
      expect(patch?.headers.get('x-csrf-token')).toBe('csrf-test-token');
    });
  });

  it('shows a placeholder for an area that is not built yet', async () => {
    // Every area of the menu has its page now: the placeholder is shown for one made so.
    const area = AREAS.find((a) => a.key === 'objectives')!;
    renderWithProviders(<AreaPlaceholderPage area={area} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Objectives' })).toBeTruthy();
    expect(
      screen.getByRole('heading', { level: 2, name: 'This area is being built' }),
    ).toBeTruthy();
    expect(screen.getByText(/Set information security objectives with an owner/)).toBeTruthy();
    expect(screen.getByText('5.1.b')).toBeTruthy();
  });

  it('shows Not Found for an unknown path, inside the shell', async () => {
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByText(/There is no page at \/no\/such\/page/)).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
  });

  it('shows a friendly error with a reload button when a page fails, keeping the shell', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const quietWarn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    function Broken(): never {
      throw new Error('boom');
    }
    try {
      renderApp('/broken', [
        {
          path: '/',
          element: <SessionGate />,
          children: [
            {
              errorElement: <RouteErrorPage />,
              children: [{ path: 'broken', element: <Broken /> }],
            },
          ],
        },
      ]);
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Something went wrong' }),
      ).toBeTruthy();
    } finally {
      quiet.mockRestore();
      quietWarn.mockRestore();
    }
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
  });
});
