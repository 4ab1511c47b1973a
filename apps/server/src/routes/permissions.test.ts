import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { isPermission } from '@mamoru/domain';
import { buildTestApp, type App } from '../testing/app.ts';
// Records every route of the apps built below (see testing/routes.ts).
import { apiRoutes, routeName, routesOf, type RecordedRoute } from '../testing/routes.ts';

/** The only routes anyone may call without signing in. */
const PUBLIC_API_ROUTES = [
  // SAML: the metadata for the IdP, and the ACS the browser posts the IdP's answer to.
  'GET /api/v1/auth/sso/:id/saml/metadata',
  // Single sign-on: which providers an email may use, the redirect to the IdP, the OIDC callback.
  'GET /api/v1/auth/sso/:id/start',
  'GET /api/v1/auth/sso/oidc/callback',
  // A user's calendar feed and an email's unsubscribe link: no session, a secret token instead.
  'GET /api/v1/calendar/feed/:file',
  'GET /api/v1/notifications/unsubscribe',
  'GET /api/v1/setup',
  'GET /api/v1/version',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/sso/:id/saml/acs',
  'POST /api/v1/auth/sso/discover',
  'POST /api/v1/notifications/unsubscribe',
  'POST /api/v1/setup',
];

/**
 * What a session that proved only its password reaches: `mfa` verifies a
 * factor, `mfa_enrol` enrols the first one, true is open at both stages.
 * Anything more here would let a stolen password past the second factor.
 */
const MFA_STAGE_ROUTES = [
  'GET /api/v1/auth/session (true)',
  'GET /api/v1/me/factors (true)',
  'POST /api/v1/auth/logout (true)',
  'POST /api/v1/auth/mfa/recovery (mfa)',
  'POST /api/v1/auth/mfa/totp (mfa)',
  'POST /api/v1/auth/mfa/webauthn (mfa)',
  'POST /api/v1/auth/mfa/webauthn/options (mfa)',
  'POST /api/v1/me/factors/totp (mfa_enrol)',
  'POST /api/v1/me/factors/totp/confirm (mfa_enrol)',
  'POST /api/v1/me/factors/webauthn (mfa_enrol)',
  'POST /api/v1/me/factors/webauthn/options (mfa_enrol)',
].sort();

const guardOf = (r: RecordedRoute) =>
  r.config.permission
    ? `permission ${r.config.permission}`
    : r.config.authenticated
      ? 'authenticated'
      : r.config.public
        ? 'public'
        : 'NONE';

describeEachDatabase('route guards', (ctx) => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
  });
  afterAll(() => app.close());

  it('records the routes of the whole app (the walk below is not vacuous)', () => {
    const names = routesOf(app).map(routeName);
    // A few routes from every plugin that registers API routes, and the HEAD twins.
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /healthz',
        'GET /api/v1/version',
        'HEAD /api/v1/users',
        'POST /api/v1/auth/login',
        'PATCH /api/v1/users/:id',
        'POST /api/v1/tokens',
        'POST /api/v1/approvals/:id/decision',
        'GET /api/v1/audit/verify',
      ]),
    );
    expect(apiRoutes(app).length).toBeGreaterThanOrEqual(25);
  });

  it('every /api/v1 route declares a permission, `authenticated` or `public`', () => {
    const unguarded = routesOf(app)
      .filter((r) => r.url.startsWith('/api/v1') && guardOf(r) === 'NONE')
      .map(routeName);
    expect(unguarded).toEqual([]);
  });

  it('every declared permission exists in the permission module', () => {
    const unknown = apiRoutes(app)
      .filter((r) => r.config.permission && !isPermission(r.config.permission))
      .map((r) => `${routeName(r)}: ${r.config.permission}`);
    expect(unknown).toEqual([]);
  });

  it('only set-up, log-in, version and the secret-token links are public', () => {
    const publicRoutes = apiRoutes(app)
      .filter((r) => r.config.public)
      .map(routeName)
      .sort();
    expect(publicRoutes).toEqual(PUBLIC_API_ROUTES);
  });

  it('declares one guard per route, never `public` together with a permission', () => {
    const mixed = apiRoutes(app)
      .filter((r) => r.config.public && (r.config.permission || r.config.authenticated))
      .map(routeName);
    expect(mixed).toEqual([]);
  });

  it('refuses anonymous callers on every non-public API route with 401', async () => {
    const wrong: string[] = [];
    for (const route of apiRoutes(app).filter((r) => !r.config.public)) {
      const url = route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await app.inject({
        method: route.method as 'GET',
        url,
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
      });
      if (res.statusCode !== 401 || res.json().code !== 'unauthenticated') {
        wrong.push(`${routeName(route)} → ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('opens only session info, log-out and the MFA routes before the second factor', () => {
    const open = apiRoutes(app)
      .filter((r) => r.config.duringMfa && r.method !== 'HEAD')
      .map((r) => `${routeName(r)} (${String(r.config.duringMfa)})`)
      .sort();
    expect(open).toEqual(MFA_STAGE_ROUTES);
  });

  it('answers the public routes without a session', async () => {
    expect((await app.inject('/api/v1/version')).statusCode).toBe(200);
    expect((await app.inject('/api/v1/setup')).statusCode).toBe(200);
  });

  // Not about the database: defined once, on the suite's PGlite database rather than
  // on a database opened for it alone (seconds of CPU to load).
  if (ctx.kind === 'pglite') {
    describe('the deny-by-default guard of the auth plugin', () => {
      it('refuses to register an /api/v1 route that declares no guard', async () => {
        await expect(
          buildTestApp(
            ctx.database,
            {},
            {
              setup: (app) => {
                app.get('/api/v1/unguarded', async () => ({ ok: true }));
              },
            },
          ),
        ).rejects.toThrow(/route GET \/api\/v1\/unguarded declares no permission/);
      });
    });
  }
});
