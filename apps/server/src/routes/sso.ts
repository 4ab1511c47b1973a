import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  ssoDiscoverRequestSchema,
  ssoDiscoverResponseSchema,
  ssoStartQuerySchema,
} from '@mamoru/contracts';
import { DomainError, securityLog, sso } from '@mamoru/domain';
import { authSettings, setSessionCookie } from '../plugins/auth.ts';

const tags = ['sso'];
/** Binds an OIDC flow to the browser that began it; `__Host-` over https like the session cookie. */
const FLOW_COOKIE = 'mamoru_sso';
const SECURE_FLOW_COOKIE = '__Host-mamoru_sso';

/** The address users open Mamoru at: MAMORU_PUBLIC_URL when set, else this request's. */
export function publicBaseOf(app: { config: object }, request: FastifyRequest) {
  return (
    (app.config as { publicUrl?: string }).publicUrl ?? `${request.protocol}://${request.host}`
  );
}

const flowCookieName = (request: FastifyRequest) =>
  request.protocol === 'https' ? SECURE_FLOW_COOKIE : FLOW_COOKIE;

/**
 * Ends a refused single sign-on (OIDC or SAML): logs the security event, records it
 * in the organization's security log when the organization is known, and sends the
 * browser back to the log-in page with `?sso_error=<code>`.
 */
export async function redirectRefusedSignIn(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  refused: {
    code: string;
    refusal: sso.SsoRefusal | null;
    organizationId: string | null;
    providerId?: string;
  },
) {
  const { code, refusal, organizationId, providerId } = refused;
  const event = {
    kind: 'sso_failed' as const,
    userId: refusal?.userId ?? null,
    account: refusal?.account?.slice(0, 254) ?? null,
    address: request.ip,
    method: request.method,
    route: request.routeOptions.url ?? '',
    status: 302,
    reason: code,
    requestId: String(request.id),
  };
  request.log.warn(
    { event: 'security', ...event, ...(providerId ? { providerId } : {}) },
    'security event: sso_failed',
  );
  if (organizationId) {
    await securityLog
      .recordSecurityEvent(app.database.db, { ...event, organizationId })
      .catch((err: unknown) => request.log.error({ err }, 'security event not recorded'));
  }
  return reply.redirect(`/login?sso_error=${encodeURIComponent(code)}`, 302);
}

/**
 * Single sign-on for the log-in page, all public: which providers an email
 * address may use, the redirect to the IdP, and the OIDC callback. Refusals
 * send the browser back to the log-in page with `?sso_error=<code>`, and
 * leave a security event when the organization is known.
 */
export const ssoRoutes: FastifyPluginAsyncZod = async (app) => {
  const settings = authSettings(app.config);
  const db = app.database.db;

  async function refuse(request: FastifyRequest, reply: FastifyReply, error: unknown) {
    const code = error instanceof DomainError ? error.code : 'sso_failed';
    if (!(error instanceof DomainError)) request.log.error({ err: error }, 'single sign-on failed');
    const refusal = error instanceof sso.SsoRefusal ? error : null;
    return redirectRefusedSignIn(app, request, reply, {
      code,
      refusal,
      organizationId: refusal?.organizationId ?? null,
    });
  }

  app.post(
    '/auth/sso/discover',
    {
      schema: {
        tags,
        description:
          'The identity providers offered for an email address (by its domain); the same empty ' +
          'list for an unknown domain as for one without single sign-on.',
        body: ssoDiscoverRequestSchema,
        response: { 200: ssoDiscoverResponseSchema },
      },
      config: { public: true },
    },
    async (request) => ({ providers: await sso.discoverProviders(db, request.body.email) }),
  );

  app.get(
    '/auth/sso/:id/start',
    {
      schema: {
        tags,
        description:
          'Redirects the browser to the identity provider (OIDC: code flow with PKCE; SAML: ' +
          'an AuthnRequest). returnTo: a path of this site to open after sign-in.',
        params: idParamsSchema,
        querystring: ssoStartQuerySchema,
      },
      config: { public: true },
    },
    async (request, reply) => {
      const base = publicBaseOf(app, request);
      const returnTo = sso.safeReturnTo(request.query.returnTo);
      try {
        const provider = await sso.signInProvider(db, request.params.id);
        if (provider.kind === 'saml') {
          return reply.redirect(await sso.startSamlSignIn(db, provider, returnTo, base), 302);
        }
        const redirectUri = sso.providerUrls(base, provider).redirectUri;
        const started = await sso.startOidcSignIn(db, provider, { redirectUri, returnTo });
        reply.setCookie(flowCookieName(request), started.browserHandle, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: request.protocol === 'https',
          maxAge: sso.OIDC_FLOW_MINUTES * 60,
        });
        return reply.redirect(started.url, 302);
      } catch (error) {
        return refuse(request, reply, error);
      }
    },
  );

  app.get(
    '/auth/sso/oidc/callback',
    {
      schema: {
        tags,
        description:
          'Where the OIDC provider sends the browser back: signs the user in and redirects to ' +
          'returnTo, to /login?mfa=1 when a second factor is still due, or to ' +
          '/login?sso_error=<code>.',
      },
      config: { public: true },
    },
    async (request, reply) => {
      const cookie = flowCookieName(request);
      const browserHandle = request.cookies[cookie] ?? null;
      reply.clearCookie(cookie, { path: '/', secure: request.protocol === 'https' });
      try {
        const { token, stage, returnTo } = await sso.finishOidcSignIn(
          db,
          {
            callbackUrl: new URL(request.url, 'http://callback.invalid'),
            browserHandle,
            meta: {
              ipAddress: request.ip,
              userAgent: request.headers['user-agent'] ?? null,
              requestId: String(request.id),
              // The session this browser already had is replaced (rotation).
              previous:
                request.actor && request.sessionId
                  ? { organizationId: request.actor.organizationId, sessionId: request.sessionId }
                  : null,
            },
          },
          settings,
        );
        setSessionCookie(request, reply, token, settings.sessionMaxSeconds);
        return reply.redirect(stage === 'complete' ? (returnTo ?? '/') : '/login?mfa=1', 302);
      } catch (error) {
        return refuse(request, reply, error);
      }
    },
  );
};
