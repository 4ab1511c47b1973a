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
  return createHash('sha256').update(canonicalEvent(event)).digest('hex');
}

/** The event's canonical JSON: its keys written in sorted order, without a copy of it. */
function canonicalEvent(e: ChainedEvent): string {
  return (
    `{"action":${canonicalJson(e.action)},"actorId":${canonicalJson(e.actorId)}` +
    `,"actorName":${canonicalJson(e.actorName)},"after":${canonicalJson(e.after ?? null)}` +
    `,"before":${canonicalJson(e.before ?? null)},"entityId":${canonicalJson(e.entityId)}` +
    `,"entityType":${canonicalJson(e.entityType)}` +
    `,"occurredAt":${canonicalJson(e.occurredAt.toISOString())}` +
    `,"organizationId":${canonicalJson(e.organizationId)}` +
    `,"prevHash":${canonicalJson(e.prevHash)},"requestId":${canonicalJson(e.requestId)}` +
    `,"seq":${canonicalJson(e.seq)}}`
  );
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * RFC 8785 (JCS) of a JSON value, as the canonicalize package writes it:
 * sorted keys (UTF-16 order), ECMAScript number and string forms. Written out
 * because a bulk import hashes one event per row; what plain JSON does not
 * cover (toJSON, non-finite numbers, surrogates, which it rejects) is left to
 * canonicalize itself, so the result is always the same.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'string' && !SURROGATE.test(value)) return JSON.stringify(value);
    if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))
      return JSON.stringify(value);
    return strictCanonical(value);
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return strictCanonical(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      if (i > 0) out += ',';
      out += item === undefined || typeof item === 'symbol' ? 'null' : canonicalJson(item);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined || typeof item === 'symbol') continue;
    out += `${first ? '' : ','}${canonicalJson(key)}:${canonicalJson(item)}`;
    first = false;
  }
  return `${out}}`;
}

function strictCanonical(value: unknown): string {
  const canonical = canonicalize(value);
  if (canonical === undefined) throw new Error('event cannot be canonicalized');
  return canonical;
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
