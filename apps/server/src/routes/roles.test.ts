import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import * as usersRepo from '@mamoru/db/repositories/users';
import { PERMISSIONS, ROLES, ROLE_GRANTS, type Permission, type Role } from '@mamoru/domain';
import { buildTestApp, type App } from '../testing/app.ts';
import { requestTestApproval } from '../testing/approvals.ts';
import {
  createUser,
  createUserAndLogin,
  login,
  setupOrganization,
  tokenClient,
  uniqueEmail,
  type Client,
  type Method,
} from '../testing/identity.ts';
import { apiRoutes, routeName, type RecordedRoute } from '../testing/routes.ts';

/**
 * Writes over the whole organization's register rather than objects one owns:
 * isms:write with reach 'own' (owners) is not enough for them, and an empty body
 * passes validation, so the domain's reach check is what answers.
 */
const ORGANIZATION_WIDE_WRITES = new Set([
  'POST /api/v1/risk-methods/recompute',
  'POST /api/v1/risks/generate',
  'POST /api/v1/risks/residual-acceptances',
  'POST /api/v1/soa',
  // Drafts the ISO/IEC 27001:2022 statement from the one in force (an empty body is valid).
  'POST /api/v1/soa-migration',
  'POST /api/v1/isms-roles/defaults',
  // The event log's entries made by hand (creating one with an empty body fails validation first).
  'PATCH /api/v1/isms-events/:id',
]);

/** Singletons that do not exist yet in a new organization: 404 until there is one. */
const ABSENT_IN_NEW_ORGANIZATION = new Set(['GET /api/v1/risk-methods/current']);

/**
 * Unsafe-method routes that are not writes, and writes whose permission is decided per
 * object: POST preview computes a method's matrix and stores nothing (isms:read);
 * evidence files take the access rule of the object they belong to, so an empty
 * request fails validation first (files.test.ts checks the owners' rules).
 */
const NOT_PLAIN_WRITES = new Set([
  'POST /api/v1/risk-methods/preview',
  // A read with a body (the plan actions a treatment implies); writes nothing.
  'POST /api/v1/treatment-plan/proposals',
  'POST /api/v1/files',
  'DELETE /api/v1/files/:id',
]);

/** Lists that need query parameters naming objects (covered by their area's tests). */
const LISTS_NEEDING_QUERY = new Set([
  'GET /api/v1/files',
  'GET /api/v1/risk-assessments/diff',
  // A range of days (from, to) is required.
  'GET /api/v1/calendar',
]);

/** Path parameters filled with ids that exist nowhere: a permitted caller gets 404, not 403. */
const placeholderUrl = (url: string) => url.replace(/:(\w+)/g, () => randomUUID());

type Outcome = 'allowed' | 'forbidden' | `unexpected ${number}`;

async function outcomeOf(client: Client, route: RecordedRoute): Promise<Outcome> {
  const method = route.method as Method;
  const res = await client.request(method, placeholderUrl(route.url), {
    ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }),
  });
  if (res.statusCode === 403) {
    // The permission gate's refusal, not some later domain rule.
    // An owner's 'own' reach stops at organization-wide writes (forbidden_reach_all).
    const code = res.json().code;
    return code === 'forbidden' || code === 'forbidden_reach_all' ? 'forbidden' : `unexpected 403`;
  }
  if (res.statusCode === 401 || res.statusCode >= 500) return `unexpected ${res.statusCode}`;
  return 'allowed';
}

/**
 * Account self-service that every signed-in user, the external auditor
 * included, must keep: signing out, own profile and password, own sessions and
 * API tokens (which can never exceed the user's own, read-only, rights).
 */
const SELF_SERVICE_WRITES = [
  'POST /api/v1/auth/logout',
  // Saved views are the user's own presets of a register's filters and columns.
  'POST /api/v1/saved-views',
  'PATCH /api/v1/saved-views/:id',
  'DELETE /api/v1/saved-views/:id',
  'PATCH /api/v1/me',
  'POST /api/v1/me/password',
  'DELETE /api/v1/me/sessions/:id',
  'POST /api/v1/tokens',
  'DELETE /api/v1/tokens/:id',
  // One's own notifications read, and how one wants to be told.
  'POST /api/v1/notifications/:id/read',
  'POST /api/v1/notifications/read-all',
  'PUT /api/v1/me/notification-preferences',
  // One's own sign-in: second factors, recovery codes, the MFA step and step-up.
  'POST /api/v1/me/factors/totp',
  'POST /api/v1/me/factors/totp/confirm',
  'DELETE /api/v1/me/factors/:id',
  'POST /api/v1/me/recovery-codes',
  'POST /api/v1/auth/mfa/totp',
  'POST /api/v1/auth/mfa/recovery',
  'POST /api/v1/auth/step-up',
  'POST /api/v1/me/factors/webauthn/options',
  'POST /api/v1/me/factors/webauthn',
  'POST /api/v1/auth/mfa/webauthn/options',
  'POST /api/v1/auth/mfa/webauthn',
  'POST /api/v1/auth/step-up/webauthn/options',
];

describeEachDatabase('roles and permissions', (ctx) => {
  let app: App;
  let admin: Client;
  const as = {} as Record<Role, Client>;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    for (const role of ROLES) as[role] = await createUserAndLogin(admin, { roles: [role] });
  });
  afterAll(() => app.close());

  const permissionedRoutes = () => apiRoutes(app).filter((r) => r.config.permission);

  it('has permissioned routes to check, covering reads and writes', () => {
    const methods = new Set(permissionedRoutes().map((r) => r.method));
    expect(permissionedRoutes().length).toBeGreaterThanOrEqual(10);
    expect([...methods].sort()).toEqual(['DELETE', 'GET', 'PATCH', 'POST', 'PUT']);
  });

  describe.each(ROLES)('role %s', (role) => {
    it('gets 403 from exactly the routes whose permission ROLE_GRANTS does not give it', async () => {
      const expected: Record<string, Outcome> = {};
      const actual: Record<string, Outcome> = {};
      for (const route of permissionedRoutes()) {
        const permission = route.config.permission as Permission;
        const name = `${routeName(route)} [${permission}]`;
        const reach = ROLE_GRANTS[role][permission];
        const orgWide = ORGANIZATION_WIDE_WRITES.has(routeName(route));
        expected[name] = reach && (reach === 'all' || !orgWide) ? 'allowed' : 'forbidden';
        actual[name] = await outcomeOf(as[role], route);
      }
      // Only the disagreements, so a failure names the routes at fault.
      const wrong = Object.keys(actual).filter((k) => actual[k] !== expected[k]);
      expect(wrong.map((k) => `${k}: ${actual[k]}, expected ${expected[k]}`)).toEqual([]);
    });
  });

  it('publishes the same matrix at GET /roles', async () => {
    const res = await as.staff.get('/api/v1/roles');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      roles: [...ROLES],
      permissions: [...PERMISSIONS],
      grants: JSON.parse(JSON.stringify(ROLE_GRANTS)),
    });
  });

  describe('the external auditor', () => {
    it('reads every list its grants cover', async () => {
      const auditor = as.external_auditor;
      const lists = permissionedRoutes().filter(
        (r) =>
          r.method === 'GET' &&
          !r.url.includes(':') &&
          !LISTS_NEEDING_QUERY.has(routeName(r)) &&
          ROLE_GRANTS.external_auditor[r.config.permission as Permission],
      );
      expect(lists.map(routeName)).toEqual(
        expect.arrayContaining([
          'GET /api/v1/users',
          'GET /api/v1/approvals',
          'GET /api/v1/audit/events',
          'GET /api/v1/organization',
        ]),
      );
      // One after another: exports share the organization's job slots, so a burst of
      // them would rightly be answered 429.
      const statuses: Record<string, number> = {};
      for (const r of lists) statuses[routeName(r)] = (await auditor.get(r.url)).statusCode;
      const failing = Object.entries(statuses).filter(
        ([name, status]) => status !== (ABSENT_IN_NEW_ORGANIZATION.has(name) ? 404 : 200),
      );
      expect(failing.map(([name, status]) => `${name}: ${status}`)).toEqual([]);
      const users = (await auditor.get('/api/v1/users')).json();
      expect(users.items.map((u: { id: string }) => u.id)).toContain(admin.user.id);
    });

    it('gets 403 for every write, even with a valid request on a real object', async () => {
      const auditor = as.external_auditor;
      const pending = await requestTestApproval(app, as.isms_manager);
      // Assigned to the auditor personally: still not theirs to decide.
      const assigned = await requestTestApproval(app, as.isms_manager, {
        assigneeUserId: auditor.user.id,
      });
      const org = await admin.get('/api/v1/organization');
      const etag = String(org.headers.etag);
      const target = await createUser(admin, { roles: ['staff'] });

      const valid: Record<
        string,
        { url?: string; body?: unknown; headers?: Record<string, string> }
      > = {
        'POST /api/v1/users': {
          body: {
            email: uniqueEmail('by-auditor'),
            displayName: 'Made by auditor',
            password: 'Velvet-Orbit-Lantern-7319',
            roles: ['staff'],
          },
        },
        'PATCH /api/v1/users/:id': {
          url: `/api/v1/users/${target.user.id}`,
          body: { displayName: 'Renamed by auditor' },
          headers: { 'if-match': `"${target.user.version}"` },
        },
        'PATCH /api/v1/organization': {
          body: { name: 'Renamed by auditor' },
          headers: { 'if-match': etag },
        },
        'PUT /api/v1/approval-policies/:type': {
          url: '/api/v1/approval-policies/document',
          body: { approverRole: 'isms_manager', segregateAuthor: false },
        },
        'POST /api/v1/approvals/:id/cancel': { url: `/api/v1/approvals/${pending.id}/cancel` },
      };

      const writes = apiRoutes(app).filter(
        (r) =>
          r.method !== 'GET' &&
          !r.config.public &&
          !SELF_SERVICE_WRITES.includes(routeName(r)) &&
          !NOT_PLAIN_WRITES.has(routeName(r)),
      );
      expect(writes.length).toBeGreaterThanOrEqual(6);
      const statuses: Record<string, number> = {};
      for (const route of writes) {
        const name = routeName(route);
        if (name === 'POST /api/v1/approvals/:id/decision') {
          for (const approval of [pending, assigned]) {
            const res = await auditor.post(`/api/v1/approvals/${approval.id}/decision`, {
              decision: 'approved',
            });
            statuses[`${name} (${approval === assigned ? 'assigned to them' : 'role'})`] =
              res.statusCode;
          }
          continue;
        }
        const request = valid[name] ?? {};
        const res = await auditor.request(
          route.method as Method,
          request.url ?? placeholderUrl(route.url),
          {
            body: request.body ?? (route.method === 'DELETE' ? undefined : {}),
            ...(request.headers ? { headers: request.headers } : {}),
          },
        );
        statuses[name] = res.statusCode;
      }
      const open = Object.entries(statuses).filter(([, status]) => status !== 403);
      expect(open.map(([name, status]) => `${name}: ${status}`)).toEqual([]);
      expect(Object.keys(statuses)).toEqual(
        expect.arrayContaining([
          'POST /api/v1/users',
          'PATCH /api/v1/organization',
          'POST /api/v1/approvals/:id/decision (assigned to them)',
        ]),
      );

      // And nothing changed.
      expect((await admin.get('/api/v1/organization')).headers.etag).toBe(etag);
      for (const approval of [pending, assigned]) {
        expect((await admin.get(`/api/v1/approvals/${approval.id}`)).json().status).toBe('pending');
      }
      expect((await admin.get(`/api/v1/users/${target.user.id}`)).json().version).toBe(
        target.user.version,
      );
    });

    it('is refused once its access has expired: no sign-in, no session, no token', async () => {
      const { user, email, password } = await createUser(admin, { roles: ['external_auditor'] });
      const auditor = await login(app, email, password);
      const created = await auditor.post('/api/v1/tokens', {
        name: 'auditor script',
        permissions: ['isms:read', 'audit:read'],
      });
      expect(created.statusCode).toBe(201);
      const bearer = tokenClient(app, created.json().token);
      expect((await auditor.get('/api/v1/audit/events')).statusCode).toBe(200);
      expect((await bearer.get('/api/v1/audit/events')).statusCode).toBe(200);

      await usersRepo.updateUser(ctx.database.db, admin.organization.id, user.id, null, {
        accessExpiresAt: new Date(Date.now() - 60_000),
      });

      const session = await auditor.get('/api/v1/audit/events');
      expect(session.statusCode).toBe(401);
      expect(session.json().code).toBe('unauthenticated');
      const token = await bearer.get('/api/v1/audit/events');
      expect(token.statusCode).toBe(401);
      expect(token.json().code).toBe('token_invalid');
      const again = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
      });
      expect(again.statusCode).toBe(401);
      expect(again.json().code).toBe('login_failed');
    });

    it('cannot be given other roles or an open-ended access', async () => {
      const mixed = await admin.post('/api/v1/users', {
        email: uniqueEmail('mixed'),
        displayName: 'Mixed auditor',
        password: 'Velvet-Orbit-Lantern-7319',
        roles: ['external_auditor', 'staff'],
        accessExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      expect(mixed.statusCode).toBe(422);
      expect(mixed.json().errors).toEqual([expect.objectContaining({ field: 'roles' })]);
      const open = await admin.post('/api/v1/users', {
        email: uniqueEmail('open'),
        displayName: 'Open auditor',
        password: 'Velvet-Orbit-Lantern-7319',
        roles: ['external_auditor'],
      });
      expect(open.statusCode).toBe(422);
      expect(open.json().errors).toEqual([expect.objectContaining({ field: 'accessExpiresAt' })]);
    });
  });
});
