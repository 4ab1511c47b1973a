import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse as Response } from 'fastify';
import type { Organization, SessionInfo, User } from '@mamoru/contracts';
import * as orgsRepo from '@mamoru/db/repositories/organizations';
import * as usersRepo from '@mamoru/db/repositories/users';
import { approvals, sessions, systemActor, users, type Role } from '@mamoru/domain';
import { SESSION_COOKIE } from '../plugins/auth.ts';
import type { App } from './app.ts';

/**
 * Test helpers for identity: set an organization up through the API, add users
 * with given roles, sign them in, and call the API as them. Every helper goes
 * through the public HTTP API except `addOrganization` (there is no API for a
 * second organization yet).
 */

/** Passes the password rules (length, not common, not personal, varied). */
export const TEST_PASSWORD = 'Velvet-Orbit-Lantern-7319';

let counter = 0;
/** An email address unique within the test run. */
export function uniqueEmail(label = 'user'): string {
  counter += 1;
  return `${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${counter}-${randomBytes(3).toString('hex')}@example.test`;
}

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** Send the session's X-CSRF-Token on unsafe methods (default true). */
  csrf?: boolean;
}

/** A signed-in caller: every request carries its cookie (and CSRF token on writes). */
export interface Client {
  readonly app: App;
  readonly user: User;
  readonly organization: Organization;
  /** The raw session token of the cookie. */
  readonly sessionToken: string;
  readonly csrfToken: string;
  /** `mamoru_session=<token>`, for hand-made requests. */
  readonly cookie: string;
  request(method: Method, url: string, options?: RequestOptions): Promise<Response>;
  get(url: string, options?: RequestOptions): Promise<Response>;
  post(url: string, body?: unknown, options?: RequestOptions): Promise<Response>;
  put(url: string, body?: unknown, options?: RequestOptions): Promise<Response>;
  patch(url: string, body?: unknown, options?: RequestOptions): Promise<Response>;
  delete(url: string, options?: RequestOptions): Promise<Response>;
}

const UNSAFE = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);

function injectOptions(
  method: Method,
  url: string,
  { body, headers = {}, query }: RequestOptions,
  auth: Record<string, string>,
): InjectOptions {
  return {
    method,
    url,
    headers: { ...auth, ...headers },
    ...(query ? { query } : {}),
    ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
  };
}

function makeClient(app: App, info: SessionInfo, sessionToken: string): Client {
  const cookie = `${SESSION_COOKIE}=${sessionToken}`;
  const request = (method: Method, url: string, options: RequestOptions = {}) => {
    const auth: Record<string, string> = { cookie };
    if (UNSAFE.has(method) && options.csrf !== false) auth['x-csrf-token'] = info.csrfToken;
    return app.inject(injectOptions(method, url, options, auth));
  };
  return {
    app,
    user: info.user,
    organization: info.organization,
    sessionToken,
    csrfToken: info.csrfToken,
    cookie,
    request,
    get: (url, o) => request('GET', url, o),
    post: (url, body, o) => request('POST', url, { ...o, body }),
    put: (url, body, o) => request('PUT', url, { ...o, body }),
    patch: (url, body, o) => request('PATCH', url, { ...o, body }),
    delete: (url, o) => request('DELETE', url, o),
  };
}

/** A caller authenticating with an API token (no cookie, no CSRF token). */
export function tokenClient(app: App, secret: string) {
  const request = (method: Method, url: string, options: RequestOptions = {}) =>
    app.inject(injectOptions(method, url, options, { authorization: `Bearer ${secret}` }));
  return {
    request,
    get: (url: string, o?: RequestOptions) => request('GET', url, o),
    post: (url: string, body?: unknown, o?: RequestOptions) => request('POST', url, { ...o, body }),
    patch: (url: string, body?: unknown, o?: RequestOptions) =>
      request('PATCH', url, { ...o, body }),
    delete: (url: string, o?: RequestOptions) => request('DELETE', url, o),
  };
}

function sessionTokenOf(response: Response): string {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie?.value) throw new Error(`no ${SESSION_COOKIE} cookie in the response`);
  return cookie.value;
}

function expectStatus(response: Response, status: number, what: string) {
  if (response.statusCode !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.statusCode}: ${response.body}`);
  }
}

export interface SetupInput {
  organizationName: string;
  displayName: string;
  email: string;
  password: string;
  locale: 'ja' | 'en';
}

/** First-run set-up through POST /api/v1/setup; the administrator comes back signed in. */
export async function setupOrganization(app: App, input: Partial<SetupInput> = {}) {
  const body: SetupInput = {
    organizationName: 'Organization A',
    displayName: 'Admin A',
    email: uniqueEmail('admin'),
    password: TEST_PASSWORD,
    locale: 'en',
    ...input,
  };
  const response = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: body });
  expectStatus(response, 201, 'POST /api/v1/setup');
  const admin = makeClient(app, response.json<SessionInfo>(), sessionTokenOf(response));
  return { response, admin, email: body.email, password: body.password };
}

/** POST /api/v1/auth/login; throws unless it succeeds. */
export async function login(app: App, email: string, password = TEST_PASSWORD): Promise<Client> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  expectStatus(response, 200, `login as ${email}`);
  return makeClient(app, response.json<SessionInfo>(), sessionTokenOf(response));
}

export interface NewUser {
  roles: Role[];
  locale?: 'ja' | 'en';
  email?: string;
  displayName?: string;
  password?: string;
  accessExpiresAt?: string | null;
  /** Keep the "change at first log-in" an administrator-set password carries. */
  keepPasswordChange?: boolean;
}

/**
 * Marks the first-log-in password change as done, straight in the database
 * (the version is left alone, so ETags the tests hold stay valid). Suites of
 * other areas sign users in with the password they were created with; the
 * change itself is tested in auth.test.ts and the browser tests.
 */
async function skipFirstPasswordChange(app: App, email: string) {
  await app.database.db.execute(
    sql`update users set must_change_password = false where lower(email) = lower(${email})`,
  );
}

/** POST /api/v1/users as an administrator; returns the created user and its credentials. */
export async function createUser(admin: Client, input: NewUser) {
  const email = input.email ?? uniqueEmail(input.roles.join('-'));
  const password = input.password ?? TEST_PASSWORD;
  const externalAuditor = input.roles.includes('external_auditor');
  const body = {
    email,
    displayName: input.displayName ?? `Test ${input.roles.join('+')} ${++counter}`,
    password,
    locale: input.locale ?? 'en',
    roles: input.roles,
    ...(input.accessExpiresAt !== undefined || externalAuditor
      ? {
          accessExpiresAt:
            input.accessExpiresAt === undefined
              ? new Date(Date.now() + 7 * 86_400_000).toISOString()
              : input.accessExpiresAt,
        }
      : {}),
  };
  // Creating a user grants roles (a step-up action): a long suite's administrator
  // signed in more than the step-up window ago, so the fixture re-authenticates them.
  await admin.app.database.db.execute(
    sql`update sessions set authenticated_at = now() where id = ${createHash('sha256').update(admin.sessionToken).digest('hex')}`,
  );
  const response = await admin.post('/api/v1/users', body);
  expectStatus(response, 201, 'POST /api/v1/users');
  let user = response.json<User>();
  if (user.pendingRoleGrant) {
    await approveAsSecondPerson(admin, user.pendingRoleGrant.approvalId, user.id);
    user = (await admin.get(`/api/v1/users/${user.id}`)).json<User>();
  }
  if (!input.keepPasswordChange) await skipFirstPasswordChange(admin.app, email);
  return {
    user: { ...user, passwordChangeRequired: Boolean(input.keepPasswordChange) },
    email,
    password,
  };
}

/**
 * Fixtures ask for privileged roles as tests need them: once first-run set-up
 * is over, a grant of top management or administrator waits for a second
 * person, so the fixture decides it as another administrator or top manager
 * of the organization, through the domain, as that person would.
 */
async function approveAsSecondPerson(admin: Client, approvalId: string, grantee: string) {
  const db = admin.app.database.db;
  const candidates = await usersRepo.listUsers(db, admin.organization.id, {}, { limit: 200 });
  const approver = candidates.items.find(
    (u) =>
      u.active &&
      u.id !== admin.user.id &&
      u.id !== grantee &&
      u.roles.some((r) => r === 'admin' || r === 'top_management'),
  );
  if (!approver) throw new Error('no second administrator or top manager to approve a role grant');
  const ctx = { actor: sessions.actorForUser(approver), requestId: null };
  await approvals.decideApproval(db, ctx, approvalId, 'approved', 'test fixture');
}

/** Creates a user with the roles and signs them in. */
export async function createUserAndLogin(admin: Client, input: NewUser): Promise<Client> {
  const { email, password } = await createUser(admin, input);
  return login(admin.app, email, password);
}

/**
 * A further organization with its own administrator. There is no API for this
 * yet (set-up runs once), so the organization is inserted through the
 * repository and its administrator through the domain, as the system.
 */
export async function addOrganization(
  app: App,
  { name = 'Organization B', roles = ['admin', 'isms_manager'] as Role[] } = {},
) {
  const db = app.database.db;
  const organization = await orgsRepo.insertOrganization(db, { name, defaultLocale: 'en' });
  const email = uniqueEmail('admin-b');
  await users.createUser(
    db,
    { actor: systemActor(organization.id), requestId: null },
    {
      email,
      displayName: `Admin of ${name}`,
      password: TEST_PASSWORD,
      locale: 'en',
      roles,
    },
  );
  await skipFirstPasswordChange(app, email);
  const admin = await login(app, email);
  return { organization, admin };
}
