import type { Page } from 'playwright-core';
import type { RunningServer } from './server.ts';

export const SESSION_COOKIE = 'mamoru_session';

/** A signed-in API session: the cookie value and the CSRF token that unsafe requests echo. */
export interface ApiSession {
  cookie: string;
  csrfToken: string;
  user: { id: string; email: string; displayName: string; locale: string; roles: string[] };
}

export interface Credentials {
  email: string;
  password: string;
}

/** A password that passes the server's rules (length, not common, not personal). */
export const STRONG_PASSWORD = 'Kumo-no-ue 2718 tsuru';

function sessionCookie(response: Response) {
  for (const header of response.headers.getSetCookie()) {
    const match = new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(header);
    if (match?.[1]) return match[1];
  }
  throw new Error(`no ${SESSION_COOKIE} cookie in the response`);
}

async function expectOk(response: Response, what: string) {
  if (!response.ok)
    throw new Error(`${what} failed: HTTP ${response.status} ${await response.text()}`);
}

/** First-run set-up through the API (POST /api/v1/setup); returns the admin's session. */
export async function apiSetup(
  server: RunningServer,
  input: Partial<{
    organizationName: string;
    displayName: string;
    email: string;
    password: string;
    locale: string;
  }> = {},
): Promise<ApiSession & Credentials> {
  const body = {
    organizationName: 'Example Corp',
    displayName: 'Aiko Admin',
    email: 'admin@example.com',
    password: STRONG_PASSWORD,
    locale: 'en',
    ...input,
  };
  const response = await fetch(`${server.url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await expectOk(response, 'setup');
  const info = (await response.json()) as { user: ApiSession['user']; csrfToken: string };
  return {
    cookie: sessionCookie(response),
    csrfToken: info.csrfToken,
    user: info.user,
    email: body.email,
    password: body.password,
  };
}

/** Email + password log-in through the API. */
export async function apiLogin(
  server: RunningServer,
  credentials: Credentials,
): Promise<ApiSession> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  await expectOk(response, 'login');
  const info = (await response.json()) as { user: ApiSession['user']; csrfToken: string };
  return { cookie: sessionCookie(response), csrfToken: info.csrfToken, user: info.user };
}

/** A request as a signed-in user (cookie + CSRF header). */
export async function apiRequest<T>(
  server: RunningServer,
  session: ApiSession,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      cookie: `${SESSION_COOKIE}=${session.cookie}`,
      'x-csrf-token': session.csrfToken,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  await expectOk(response, `${method} ${path}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/**
 * Creates a user as `admin` and returns their credentials. The password an
 * administrator sets must be replaced at first log-in, so the new user signs in
 * once through the API and changes it to `password` + " renewed"; the browser
 * tests of other areas then start from an ordinary account (the forced change
 * itself is walked through in identity.test.ts).
 */
export async function apiCreateUser(
  server: RunningServer,
  admin: ApiSession,
  input: {
    email: string;
    displayName: string;
    roles: string[];
    locale?: string;
    password?: string;
  },
): Promise<Credentials> {
  const initial = input.password ?? STRONG_PASSWORD;
  await apiRequest(server, admin, 'POST', '/api/v1/users', {
    locale: 'en',
    ...input,
    password: initial,
  });
  const password = `${initial} renewed`;
  const session = await apiLogin(server, { email: input.email, password: initial });
  await apiRequest(server, session, 'POST', '/api/v1/me/password', {
    currentPassword: initial,
    newPassword: password,
  });
  await apiRequest(server, session, 'POST', '/api/v1/auth/logout');
  return { email: input.email, password };
}

/** Puts a session cookie into the page's browser context, so the app opens signed in. */
export async function signInPage(page: Page, server: RunningServer, session: ApiSession) {
  await page.context().addCookies([
    {
      name: SESSION_COOKIE,
      value: session.cookie,
      url: server.url,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
}
