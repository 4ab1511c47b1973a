import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an event that its hash covers: everything but the hash itself. */
export interface ChainedEvent {
  organizationId: string;
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
}

/**
 * SHA-256 over the RFC 8785 canonical JSON of the event, so the same event
 * hashes the same after a round trip through jsonb (which reorders keys).
 */
export function hashEvent(event: ChainedEvent): string {
  const canonical = canonicalize({
    ...event,
    occurredAt: event.occurredAt.toISOString(),
    before: event.before ?? null,
    after: event.after ?? null,
  });
  if (canonical === undefined) throw new Error('event cannot be canonicalized');
  return createHash('sha256').update(canonical).digest('hex');
}

/** Makes a value JSON-plain (dates to ISO strings) so what is hashed is what jsonb stores. */
export function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** Keeps only the fields that changed, so events stay small and readable. */
export function diff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  if (!before || !after) return { before, after };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
