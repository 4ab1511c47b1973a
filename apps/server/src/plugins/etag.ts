import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@mamoru/domain';

/**
 * Optimistic concurrency over HTTP: reads send ETag "<version>", updates must
 * send it back in If-Match; the domain refuses a stale version (412).
 */
export function setEtag(reply: FastifyReply, version: number) {
  reply.header('etag', `"${version}"`);
}

export function requireIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (!header) throw new DomainError('precondition_required', 'if_match_required');
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  const version = Number(match?.[1]);
  // A version past 2^53 cannot be one we issued; it must not reach the database as 1e+21.
  if (!match || !Number.isSafeInteger(version)) {
    throw new DomainError('precondition_failed', 'stale_version');
  }
  return version;
}
