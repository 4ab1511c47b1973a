// Name-based (version 5, RFC 4122) UUIDs, so that exporting the same library
// twice gives byte-identical OSCAL: exports can be diffed and committed.
import { createHash } from 'node:crypto';

/** Mamoru's root namespace for OSCAL UUIDs (itself a v5 UUID of "https://mamoru.dev/ns/oscal" in the URL namespace). */
export const MAMORU_UUID_NAMESPACE = uuidV5(
  'https://mamoru.dev/ns/oscal',
  '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
);

export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  if (ns.length !== 16) throw new Error(`not a UUID: ${namespace}`);
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** JSON with object keys sorted, so that key order does not change a content hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
