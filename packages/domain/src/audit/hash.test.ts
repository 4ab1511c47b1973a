import { describe, expect, it } from 'vitest';
import canonicalize from 'canonicalize';
import { GENESIS_HASH, canonicalJson, diff, hashEvent, type ChainedEvent } from './hash.ts';

const event: ChainedEvent = {
  organizationId: '00000000-0000-4000-8000-000000000001',
  seq: 1,
  occurredAt: new Date('2026-01-02T03:04:05.678Z'),
  actorId: null,
  actorName: 'system',
  action: 'user.created',
  entityType: 'user',
  entityId: 'u1',
  before: null,
  after: { b: 1, a: 'x' },
  requestId: 'r1',
  prevHash: GENESIS_HASH,
};

describe('hashEvent', () => {
  it('is stable under key order (jsonb reorders keys)', () => {
    expect(hashEvent({ ...event, after: { a: 'x', b: 1 } })).toBe(hashEvent(event));
  });
  it('changes when any covered field changes', () => {
    const base = hashEvent(event);
    expect(hashEvent({ ...event, seq: 2 })).not.toBe(base);
    expect(hashEvent({ ...event, prevHash: 'f'.repeat(64) })).not.toBe(base);
    expect(hashEvent({ ...event, after: { a: 'y', b: 1 } })).not.toBe(base);
    expect(hashEvent({ ...event, occurredAt: new Date('2026-01-02T03:04:05.679Z') })).not.toBe(
      base,
    );
  });
  it('is a 64-character hex digest', () => {
    expect(hashEvent(event)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('diff', () => {
  it('keeps only changed fields', () => {
    expect(diff({ a: 1, b: 2 }, { a: 1, b: 3 })).toEqual({ before: { b: 2 }, after: { b: 3 } });
  });
  it('passes creations and deletions through', () => {
    expect(diff(null, { a: 1 })).toEqual({ before: null, after: { a: 1 } });
  });
});

describe('canonicalJson', () => {
  it('writes what canonicalize writes, for every kind of JSON value', () => {
    const values: unknown[] = [
      null,
      true,
      0,
      -0,
      1e21,
      1.5e-7,
      123.456,
      'plain',
      '引用 "quotes" \\ back\nslash\u0001',
      '😀 paired surrogates',
      [],
      [1, 'a', null, [2, { z: 1, a: [] }]],
      {},
      { b: 1, a: 'x', A: 2, é: 3, _: 4, '10': 5, '9': 6, nested: { y: [true, false], x: null } },
      { skipped: undefined, kept: 1 },
      [undefined, 2],
      { when: new Date('2026-01-02T03:04:05.678Z') },
    ];
    for (const value of values) expect(canonicalJson(value)).toBe(canonicalize(value));
  });
  it('refuses what canonicalize refuses', () => {
    for (const value of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      'lone \uD800 surrogate',
      { k: '\uDC00' },
    ])
      expect(() => canonicalJson(value)).toThrow();
  });
});
