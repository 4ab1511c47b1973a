import fp from 'fastify-plugin';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError,
  authentication,
  authorize,
  sessions,
  tokens,
  type AuthSettings,
  type RequestContext,
} from '@mamoru/domain';
import type { Config } from '../config.ts';
import type { Database } from '@mamoru/db';

export const SESSION_COOKIE = 'mamoru_session';
/**
 * The cookie's name over https (behind a trusted TLS proxy): the `__Host-`
 * prefix makes browsers refuse it unless Secure, for this host only and for
 * path `/`, so a sibling subdomain cannot plant or overwrite it.
 */
export const SECURE_SESSION_COOKIE = '__Host-mamoru_session';
const HSTS = 'max-age=31536000; includeSubDomains';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authSettings(config: Config): AuthSettings {
  return {
    sessionIdleSeconds: config.sessionIdleMinutes * 60,
    sessionMaxSeconds: config.sessionMaxHours * 3600,
    maxFailuresPerPair: config.loginMaxFailures,
    maxFailuresPerAddress: config.loginMaxFailuresPerAddress,
    failureWindowSeconds: config.loginWindowSeconds,
    maxDelaySeconds: config.loginMaxDelaySeconds,
  };
}

/** The acting user and request id, as every domain service wants them. */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.actor) throw new DomainError('unauthenticated', 'unauthenticated');
  return { actor: request.actor, requestId: String(request.id) };
}

/**
 * Refuses a sensitive action unless the session re-authenticated within the
 * policy's minutes (`step_up_required`, with the window, so the client can ask
 * and retry). A bearer token has no person to re-authenticate: refused.
 * Routes use `config.stepUp`; a route whose body decides (roles given or not)
 * calls this itself.
 */
export async function requireStepUp(database: Database, request: FastifyRequest) {
  if (!request.actor || !request.sessionId || !request.authenticatedAt) {
    throw new DomainError('forbidden', 'step_up_unavailable');
  }
  const minutes = await authentication.stepUpMinutesOf(database.db, request.actor.organizationId);
  if (!authentication.withinStepUp(request.authenticatedAt, minutes)) {
    throw new DomainError('forbidden', 'step_up_required', { stepUpMinutes: minutes });
  }
}

/** request.protocol is https only over TLS or when a trusted proxy says so. */
export function sessionCookieName(request: FastifyRequest) {
  return request.protocol === 'https' ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeSeconds: number,
) {
  reply.setCookie(sessionCookieName(request), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(sessionCookieName(request), {
    path: '/',
    secure: request.protocol === 'https',
  });
}

/**
 * Authentication and authorization for every route, deny by default: an
 * /api/v1 route that declares neither a permission, `authenticated` nor
 * `public` cannot even be registered. Cookie-authenticated unsafe requests
 * must echo the session's CSRF token in X-CSRF-Token.
 */
export const authPlugin = fp(async (app) => {
  const settings = authSettings(app.config);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // Sent by the hook below, and only over https: over plain http it means nothing.
    hsts: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('passwordChangeRequired', false);
  app.decorateRequest('sessionStage', null);
  app.decorateRequest('authenticatedAt', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const c = route.config ?? {};
    if (!c.permission && !c.authenticated && !c.public) {
      throw new Error(`route ${route.method} ${route.url} declares no permission`);
    }
  });

  app.addHook('onRequest', async (request) => {
    // Static files, health probes and metrics need no caller: spare them the session lookup.
    if (!request.url.startsWith('/api/v1')) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.actor = await tokens.resolveToken(app.database.db, authorization.slice(7).trim());
      if (!request.actor) throw new DomainError('unauthenticated', 'token_invalid');
    } else {
      const token = request.cookies[sessionCookieName(request)];
      const found = token ? await sessions.resolveSession(app.database.db, token, settings) : null;
      if (found) {
        request.actor = found.actor;
        request.sessionId = found.session.id;
        request.csrfToken = found.session.csrfToken;
        request.passwordChangeRequired =
          found.user.mustChangePassword && found.session.method === 'password';
        request.sessionStage = found.session.stage as NonNullable<FastifyRequest['sessionStage']>;
        request.authenticatedAt = found.session.authenticatedAt;
      }
    }
    if (request.actor?.locale) request.locale = request.actor.locale;
    const config = request.routeOptions.config;
    // Unmatched URLs go to the not-found handler: a 404 is the honest answer there.
    if (config.public || !request.routeOptions.url) return;
    if (!request.actor) throw new DomainError('unauthenticated', 'unauthenticated');
    if (request.sessionId && !SAFE_METHODS.has(request.method)) {
      if (request.headers['x-csrf-token'] !== request.csrfToken) {
        throw new DomainError('forbidden', 'csrf_failed');
      }
    }
    // A session that proved only its first factor reaches the MFA routes and nothing else.
    const stage = request.sessionStage;
    if (stage && stage !== 'complete' && config.duringMfa !== true && config.duringMfa !== stage) {
      throw new DomainError(
        'forbidden',
        stage === 'mfa' ? 'mfa_required' : 'mfa_enrolment_required',
      );
    }
    // An administrator-set password is replaced before anything else is done
    // (after the second factor: until then only MFA routes are open anyway).
    const settling = stage !== null && stage !== 'complete';
    if (request.passwordChangeRequired && !config.duringPasswordChange && !settling) {
      throw new DomainError('forbidden', 'password_change_required');
    }
    if (config.permission) authorize(request.actor, config.permission);
    if (config.stepUp) await requireStepUp(app.database, request);
  });
});
