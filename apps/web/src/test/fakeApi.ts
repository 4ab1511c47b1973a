import type { SessionInfo } from '../api/types';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

const RESPONSE = Symbol('fake response');

export interface FakeResponse {
  /** Set by problem(): marks a route value as a whole response rather than a JSON body. */
  [RESPONSE]?: true;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A route's answer: a JSON body (200), or a function of the request. */
export type FakeHandler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;
export type FakeRoute = FakeHandler | FakeResponse | Record<string, unknown> | unknown[];

/** A problem+json answer as the server sends it (usable as a route or returned by a handler). */
export function problem(
  status: number,
  title: string,
  extra: Record<string, unknown> = {},
): FakeResponse {
  return {
    [RESPONSE]: true,
    status,
    body: { type: 'about:blank', title, status, ...extra },
    headers: { 'content-type': 'application/problem+json' },
  };
}

/**
 * A fetch that serves `"METHOD /path"` routes (query strings ignored for
 * matching) and answers 404 problem+json otherwise; every call is recorded.
 */
export function fakeApi(routes: Record<string, FakeRoute>) {
  const calls: FakeRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const request: FakeRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(request);
    const route = routes[`${method} ${url.pathname}`];
    if (route === undefined) {
      const notFound = problem(404, `No route ${method} ${url.pathname}`);
      return new Response(JSON.stringify(notFound.body), {
        status: 404,
        headers: notFound.headers,
      });
    }
    const answer: FakeResponse =
      typeof route === 'function'
        ? await route(request)
        : RESPONSE in route
          ? (route as FakeResponse)
          : { body: route };
    const status = answer.status ?? 200;
    return new Response(
      status === 204 || answer.body === undefined ? null : JSON.stringify(answer.body),
      {
        status,
        headers: { 'content-type': 'application/json', ...answer.headers },
      },
    );
  };
  return { fetch, calls, routes };
}

const ADMIN_PERMISSIONS: SessionInfo['permissions'] = {
  'organization:read': 'all',
  'organization:manage': 'all',
  'catalog:read': 'all',
  'isms:read': 'all',
  'isms:write': 'all',
  'users:read': 'all',
  'users:manage': 'all',
  'audit:read': 'all',
  'audit:verify': 'all',
  'approvals:read': 'all',
  'approvals:configure': 'all',
  'audits:read': 'all',
  'improvement:read': 'all',
};

const STAFF_PERMISSIONS: SessionInfo['permissions'] = {
  'organization:read': 'all',
  'catalog:read': 'all',
  'approvals:read': 'own',
};

/** A session as GET /auth/session returns it, for an administrator or a staff member. */
export function sessionInfo(
  kind: 'admin' | 'staff' = 'admin',
  user: Partial<SessionInfo['user']> = {},
): SessionInfo {
  return {
    user: {
      id:
        kind === 'admin'
          ? '00000000-0000-4000-8000-000000000001'
          : '00000000-0000-4000-8000-000000000002',
      email: kind === 'admin' ? 'admin@example.com' : 'staff@example.com',
      displayName: kind === 'admin' ? 'Aiko Admin' : 'Sam Staff',
      locale: 'en',
      roles: [kind],
      active: true,
      accessExpiresAt: null,
      orgUnitId: null,
      createdAt: '2026-01-05T09:00:00.000Z',
      passwordChangeRequired: false,
      version: 1,
      ...user,
    },
    organization: {
      id: '00000000-0000-4000-8000-0000000000aa',
      name: 'Example Corp',
      defaultLocale: 'en',
      version: 1,
    },
    permissions: kind === 'admin' ? ADMIN_PERMISSIONS : STAFF_PERMISSIONS,
    csrfToken: 'csrf-test-token',
    auth: {
      stage: 'complete',
      method: 'password',
      providerId: null,
      mfaMethod: null,
      authenticatedAt: '2026-01-05T09:00:00.000Z',
      stepUpMinutes: 10,
    },
  };
}

/** Routes of an installed Mamoru with `session` signed in (null: signed out). */
export function signedInRoutes(session: SessionInfo | null): Record<string, FakeRoute> {
  return {
    'GET /api/v1/setup': { needed: false },
    'GET /api/v1/auth/session': () =>
      session ? { body: session } : problem(401, 'You are not signed in.'),
    'GET /api/v1/version': { name: 'mamoru', version: '9.9.9-test' },
    'GET /api/v1/approvals': { items: [], nextCursor: null },
  };
}
