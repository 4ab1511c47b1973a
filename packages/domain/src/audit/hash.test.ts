import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, diff, hashEvent, type ChainedEvent } from './hash.ts';

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
