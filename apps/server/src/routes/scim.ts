import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { isPoolTimeout } from '@mamoru/db';
import {
  SCIM_CONTENT_TYPE,
  SCIM_SCHEMA,
  type ScimError,
  type ScimErrorType,
} from '@mamoru/contracts';
import { DomainError, scim, securityLog, type DomainErrorKind } from '@mamoru/domain';
import { translate } from '../i18n/messages.ts';
import { bodyErrorOf } from '../plugins/problem.ts';
import { scimDiscoveryRoutes } from './scim-discovery.ts';
import { scimGroupRoutes } from './scim-groups.ts';
import { scimUserRoutes } from './scim-users.ts';

/**
 * SCIM 2.0 provisioning at /scim/v2, outside /api/v1: an identity provider
 * calls it with the bearer token issued in its settings (never a session or
 * an API token). Answers are `application/scim+json`, refusals the SCIM error
 * schema (RFC 7644 §3.12) with the detail in the request's language.
 */

const STATUS: Record<DomainErrorKind, number> = {
  // SCIM answers an invalid value with 400, not 422.
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  precondition_required: 428,
  too_many_requests: 429,
};

const SCIM_TYPES: Record<string, ScimErrorType> = {
  scim_filter_invalid: 'invalidFilter',
  scim_path_invalid: 'invalidPath',
  scim_value_invalid: 'invalidValue',
  scim_member_unknown: 'invalidValue',
  scim_body_invalid: 'invalidSyntax',
  malformed_json: 'invalidSyntax',
  scim_user_exists: 'uniqueness',
  scim_external_id_taken: 'uniqueness',
  scim_group_exists: 'uniqueness',
  last_admin: 'mutability',
};

const callers = new WeakMap<FastifyRequest, scim.ScimCaller>();

/** The provider a request's token belongs to (set by the hook below). */
export function callerOf(request: FastifyRequest): scim.ScimCaller {
  const caller = callers.get(request);
  if (!caller) throw new DomainError('unauthenticated', 'scim_token_invalid');
  return caller;
}

export function sendScim(reply: FastifyReply, status: number, body: unknown) {
  return reply.status(status).type(`${SCIM_CONTENT_TYPE}; charset=utf-8`).send(body);
}

function sendScimError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  params: Record<string, string | number> = {},
) {
  const type = SCIM_TYPES[code];
  const body: ScimError = {
    schemas: [SCIM_SCHEMA.error],
    status: String(status),
    ...(type ? { scimType: type } : {}),
    detail: translate(request.locale, code, params),
  };
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="scim"');
  return sendScim(reply, status, body);
}

/** A body checked against its contract; the first problem names the field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path.map(String).join('.') || 'body';
  throw new DomainError('validation', 'scim_body_invalid', { field });
}

/** If-Match is optional in SCIM (IdPs rarely send it); when sent it must match. */
export function ifMatchOf(request: FastifyRequest): number | null {
  const header = request.headers['if-match']?.trim();
  if (!header || header === '*') return null;
  const match = /^(?:W\/)?"(\d+)"$/.exec(header);
  const version = Number(match?.[1]);
  if (!match || !Number.isSafeInteger(version)) {
    throw new DomainError('precondition_failed', 'stale_version');
  }
  return version;
}

export function baseUrlOf(app: FastifyInstance, request: FastifyRequest) {
  const base =
    (app.config as { publicUrl?: string }).publicUrl ?? `${request.protocol}://${request.host}`;
  return `${base}/scim/v2`;
}

export async function scimRoutes(app: FastifyInstance) {
  const db = app.database.db;
  app.addContentTypeParser(
    SCIM_CONTENT_TYPE,
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );

  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? '';
    const check = await scim.checkScimToken(db, token);
    if (check.ok) {
      callers.set(request, { provider: check.provider, requestId: String(request.id) });
      return;
    }
    const event = {
      kind: 'unauthenticated' as const,
      organizationId: check.organizationId,
      userId: null,
      account: null,
      address: request.ip,
      method: request.method,
      route: (request.routeOptions.url ?? request.url.split('?')[0] ?? '').slice(0, 512),
      status: 401,
      reason: check.reason,
      requestId: String(request.id),
    };
    request.log.warn({ event: 'security', ...event }, 'security event: unauthenticated');
    if (event.organizationId) {
      await securityLog
        .recordSecurityEvent(db, { ...event, organizationId: event.organizationId })
        .catch((err: unknown) => request.log.error({ err }, 'security event not recorded'));
    }
    // One answer for every refusal: a disabled provider is not told apart from a wrong token.
    throw new DomainError('unauthenticated', 'scim_token_invalid');
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setNotFoundHandler((request, reply) =>
    sendScimError(request, reply, 404, 'route_not_found', {
      method: request.method,
      url: request.url.split('?')[0] ?? '',
    }),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      return sendScimError(request, reply, STATUS[error.kind], error.code, error.params);
    }
    const body = bodyErrorOf(error, request, app.initialConfig.bodyLimit);
    if (body) return sendScimError(request, reply, body.status, body.code, body.params);
    if (error instanceof SyntaxError) return sendScimError(request, reply, 400, 'malformed_json');
    if (isPoolTimeout(error)) {
      reply.header('retry-after', '5');
      return sendScimError(request, reply, 503, 'server_busy', { seconds: 5 });
    }
    request.log.error({ err: error }, 'request failed');
    return sendScimError(request, reply, 500, 'internal', { requestId: String(request.id) });
  });

  await app.register(scimDiscoveryRoutes);
  await app.register(scimUserRoutes);
  await app.register(scimGroupRoutes);
}
