import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SecurityEventKind } from '@mamoru/contracts';
import { securityLog } from '@mamoru/domain';
import { problemCodeOf } from './problem.ts';

const LOGIN_ROUTE = '/api/v1/auth/login';

function kindOf(request: FastifyRequest, status: number, reason: string): SecurityEventKind | null {
  if (request.routeOptions.url === LOGIN_ROUTE && request.method === 'POST') {
    if (status === 401) return 'login_failed';
    if (status === 429) return 'login_throttled';
  }
  if (reason === 'mfa_code_invalid' || reason === 'step_up_failed') return 'mfa_failed';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return reason === 'csrf_failed' ? 'csrf_failed' : 'forbidden';
  if (status === 429) return 'throttled';
  return null;
}

/** The account a log-in attempt named, bounded so a huge body cannot flood the log. */
function accountOf(request: FastifyRequest): string | null {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.slice(0, 254) : null;
}

/**
 * Every failed log-in and every 401, 403 (CSRF included) and 429 of the API is
 * a security event: one structured log line (`event: 'security'`) always, and
 * a row in the organization's security events when the caller or the named
 * account belongs to one, which the audit log page lists and filters. Written
 * before the answer leaves, so the record exists when the client sees it.
 */
export const securityEventsPlugin = fp(async (app) => {
  const db = app.database.db;

  async function record(request: FastifyRequest, reply: FastifyReply) {
    const status = reply.statusCode;
    if (status !== 401 && status !== 403 && status !== 429) return;
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/metrics')) return;
    const reason = problemCodeOf(reply) ?? String(status);
    const kind = kindOf(request, status, reason);
    if (!kind) return;
    const account = kind.startsWith('login_') ? accountOf(request) : null;
    let owner = request.actor
      ? { organizationId: request.actor.organizationId, userId: request.actor.userId }
      : null;
    if (!owner && account) owner = await securityLog.accountOf(db, account);
    const event = {
      kind,
      organizationId: owner?.organizationId ?? null,
      userId: owner?.userId ?? null,
      account,
      address: request.ip,
      method: request.method,
      route: (request.routeOptions.url ?? request.url.split('?')[0] ?? '').slice(0, 512),
      status,
      reason,
      requestId: String(request.id),
    };
    request.log.warn({ event: 'security', ...event }, `security event: ${kind}`);
    if (event.organizationId) {
      await securityLog.recordSecurityEvent(db, {
        ...event,
        organizationId: event.organizationId,
      });
    }
  }

  app.addHook('onSend', async (request, reply, payload) => {
    // The refusal must still reach the client when the database cannot take the event.
    await record(request, reply).catch((err: unknown) =>
      request.log.error({ err }, 'security event not recorded'),
    );
    return payload;
  });
});
