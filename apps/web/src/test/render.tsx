import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import type { ReactElement, ReactNode } from 'react';
import { App, AppProviders } from '../App';
import { routes as appRoutes } from '../routes';
import { useSession } from '../session/useSession';

/** Renders the whole app at `path` with a memory router and a query client that never retries. */
export function renderApp(path = '/', routes: RouteObject[] = appRoutes) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return { router, queryClient, ...render(<App router={router} queryClient={queryClient} />) };
}

/** A fetch that answers JSON for known paths and 404 problem+json otherwise. */
export function fakeFetch(responses: Record<string, unknown>) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    if (url in responses) {
      return new Response(JSON.stringify(responses[url]), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }
    return new Response(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404 }), {
      status: 404,
      headers: { 'content-type': 'application/problem+json' },
    });
  };
  return { fetch, calls };
}

/** Shows its children once the session is known, as the app's pages do. */
function SignedIn({ children }: { children: ReactNode }) {
  const { info } = useSession();
  return info ? children : null;
}

/**
 * Renders one component inside the app's providers (theme, i18n, query
 * client, session) and a memory router, without the app's pages: enough
 * for a form and much faster than the whole app.
 */
export function renderWithProviders(ui: ReactElement) {
  const router = createMemoryRouter([{ path: '*', element: <SignedIn>{ui}</SignedIn> }]);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return {
    router,
    queryClient,
    ...render(
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>,
    ),
  };
}
