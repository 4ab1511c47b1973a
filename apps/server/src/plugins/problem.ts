import fp from 'fastify-plugin';
import type {} from '@fastify/static';
import { z } from 'zod';
import type { $ZodRawIssue } from 'zod/v4/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { InvalidCursorError, isPoolTimeout } from '@mamoru/db';
import { DomainError, type DomainErrorKind } from '@mamoru/domain';
import type { Locale, Problem } from '@mamoru/contracts';
import { translate } from '../i18n/messages.ts';
import { isZodValidationIssue } from './validation.ts';

const statusOf: Record<DomainErrorKind, number> = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  precondition_required: 428,
  too_many_requests: 429,
};

const zodLocales = { ja: z.locales.ja(), en: z.locales.en() };

/** The problem code each reply was answered with, for the security-event log. */
const problemCodes = new WeakMap<FastifyReply, string>();
export const problemCodeOf = (reply: FastifyReply) => problemCodes.get(reply);

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  params: Record<string, string | number> = {},
  errors?: Problem['errors'],
) {
  const problem: Problem = {
    type: `https://mamoru.dev/problems/${code.replaceAll('_', '-')}`,
    title: translate(request.locale, code, params),
    status,
    code,
    instance: request.url,
    ...(errors?.length ? { errors } : {}),
    ...(typeof params.stepUpMinutes === 'number' ? { stepUpMinutes: params.stepUpMinutes } : {}),
  };
  // A refusal may name a finer reason for the security log than the code the client sees.
  problemCodes.set(reply, typeof params.securityReason === 'string' ? params.securityReason : code);
  // Clients and proxies read the wait from the standard header, people from the title.
  if ((status === 429 || status === 503) && typeof params.seconds === 'number') {
    reply.header('retry-after', String(params.seconds));
  }
  return reply.status(status).type('application/problem+json; charset=utf-8').send(problem);
}

/**
 * Fastify's refusals of a request body (not JSON, too large, wrong media type)
 * as status, code and params: the same for the API's problem+json and SCIM's errors.
 */
export function bodyErrorOf(
  error: FastifyError,
  request: FastifyRequest,
  defaultBodyLimit: number | undefined,
): { status: number; code: string; params?: Record<string, string | number> } | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'malformed_json' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        code: 'body_too_large',
        params: { limit: request.routeOptions.bodyLimit ?? defaultBodyLimit ?? 0 },
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: 'unsupported_media_type',
        params: { type: String(request.headers['content-type'] ?? '') },
      };
  }
  return null;
}

function zodFieldErrors(locale: Locale, validation: unknown[], context: string | undefined) {
  return validation.filter(isZodValidationIssue).map(({ zodIssue }) => {
    const path = zodIssue.path.map(String).join('.');
    const missing = zodIssue.code === 'invalid_type' && zodIssue.input === undefined;
    return {
      field: [context, path].filter(Boolean).join('.') || String(context ?? ''),
      code: missing ? 'required' : zodIssue.code,
      message: missing
        ? translate(locale, 'field_required')
        : // The issue kept its input (reportInput), which is what a raw issue adds.
          ((zodLocales[locale].localeError(zodIssue as $ZodRawIssue) as string | undefined) ??
          zodIssue.message),
    };
  });
}

export interface ProblemPluginOptions {
  /**
   * Answer unknown GET paths outside /api that look like client-side routes
   * (no file extension) with index.html through @fastify/static's
   * reply.sendFile, so the web app's deep links work. Fastify allows one
   * not-found handler per prefix, so this fallback has to live here.
   */
  spaFallback?: boolean;
}

/** The SQLSTATE of a database error, through drizzle's "Failed query" wrapper. */
function sqlStateOf(error: unknown): string | undefined {
  const cause = (error as { cause?: unknown }).cause ?? error;
  const code = (cause as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * A cursor is the key of the last row, handed back by the client. One the
 * client made up can decode to a key of the wrong types (text for a uuid, a
 * float for a sequence number), which the database rejects as a data
 * exception (SQLSTATE class 22). Every other input is validated before it
 * reaches a query, so with a cursor present that is the client's mistake.
 */
function isCursorDataError(error: unknown, request: FastifyRequest) {
  const cursor = (request.query as { cursor?: unknown } | undefined)?.cursor;
  return Boolean(cursor) && sqlStateOf(error)?.startsWith('22') === true;
}

/** Every error leaves as RFC 9457 problem+json; only real faults are logged at error level. */
export const problemPlugin = fp<ProblemPluginOptions>(async (app, { spaFallback = false }) => {
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path === '/api' || path.startsWith('/api/');
    // A page navigation (Accept: text/html) gets the app even when its path has dots
    // (/catalog/jipdec-isms-2.0/controls/10.3.2); a missing script or image stays a 404.
    const wantsPage = String(request.headers.accept ?? '').includes('text/html');
    if (spaFallback && request.method === 'GET' && !isApi && (wantsPage || !path.includes('.'))) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendProblem(request, reply, 404, 'route_not_found', {
      method: request.method,
      url: path,
    });
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      const errors = error.fieldErrors.map((f) => ({
        field: f.field,
        code: f.code,
        message: translate(request.locale, f.code, f.params),
      }));
      return sendProblem(request, reply, statusOf[error.kind], error.code, error.params, errors);
    }
    // A cursor the client made up or kept across an incompatible change: its mistake, not ours.
    if ((error as unknown) instanceof InvalidCursorError || isCursorDataError(error, request)) {
      return sendProblem(request, reply, 400, 'invalid_cursor');
    }
    // Every pooled connection stayed busy for the acquire timeout: answer now, the client retries.
    if (isPoolTimeout(error)) {
      request.log.warn({ err: { message: error.message } }, 'database pool busy');
      return sendProblem(request, reply, 503, 'server_busy', { seconds: 5 });
    }
    if (Array.isArray(error.validation)) {
      const errors = zodFieldErrors(request.locale, error.validation, error.validationContext);
      return sendProblem(request, reply, 400, 'validation', {}, errors);
    }
    const body = bodyErrorOf(error, request, app.initialConfig.bodyLimit);
    if (body) return sendProblem(request, reply, body.status, body.code, body.params);
    if (error instanceof SyntaxError && error.message.includes('JSON')) {
      return sendProblem(request, reply, 400, 'malformed_json');
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendProblem(request, reply, 500, 'internal', { requestId: String(request.id) });
    }
    request.log.info({ err: { message: error.message, code: error.code } }, 'client error');
    const code = status === 429 ? 'too_many_requests' : status === 404 ? 'not_found' : 'validation';
    return sendProblem(request, reply, status, code, { seconds: 60, entity: '' });
  });
});
