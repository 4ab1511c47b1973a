import { describe, expect, it } from 'vitest';
import { shippedLibrary } from '@mamoru/catalog';
import { evaluateConformity } from './engine.ts';
import { approvedScope, emptySnapshot } from './fixtures.ts';
import {
  assertSecondPerson,
  attestationDue,
  expired,
  inForce,
  withBasis,
} from './attestation-rules.ts';
import { met, tx } from './text.ts';

const period = (validFrom: string, validUntil: string, status = 'approved') => ({
  status,
  validFrom,
  validUntil,
});

describe('attestations', async () => {
  const lib = (await shippedLibrary('jipdec-isms-2.0'))!;

  it('count only when approved and today is within the validity, both ends included', () => {
    expect(inForce(period('2026-01-01', '2026-06-30'), '2026-01-01')).toBe(true);
    expect(inForce(period('2026-01-01', '2026-06-30'), '2026-06-30')).toBe(true);
    expect(inForce(period('2026-01-01', '2026-06-30'), '2026-07-01')).toBe(false);
    expect(inForce(period('2026-02-01', '2026-06-30'), '2026-01-31')).toBe(false);
    expect(inForce(period('2026-01-01', '2026-06-30', 'pending'), '2026-03-01')).toBe(false);
    expect(inForce(period('2026-01-01', '2026-06-30', 'revoked'), '2026-03-01')).toBe(false);
    expect(expired(period('2026-01-01', '2026-06-30'), '2026-07-01')).toBe(true);
    expect(expired(period('2026-01-01', '2026-06-30', 'rejected'), '2026-07-01')).toBe(false);
  });

  it('are never decided by their requester, nor by the system', () => {
    expect(() => assertSecondPerson('u1', 'u1')).toThrow(/attestation_own_request/);
    expect(() => assertSecondPerson('u1', null)).toThrow();
    expect(() => assertSecondPerson('u1', 'u2')).not.toThrow();
  });

  it('meet an item the rule did not, keeping what the rule found; a rule-met item stays the rule’s', () => {
    const notMet = {
      status: 'not_met' as const,
      explanation: tx('不足', 'Missing'),
      links: [],
      data: { n: 0 },
      guidance: { text: { ja: '', en: '' }, path: '/conformity' },
    };
    const a = { id: 'a1', itemId: '4.2.2.f', validUntil: '2026-12-31' };
    const based = withBasis(notMet, a);
    expect(based).toMatchObject({
      status: 'met',
      basis: 'attestation',
      attestation: { id: 'a1', validUntil: '2026-12-31' },
      data: { n: 0 },
    });
    expect(based.explanation.en).toContain('Missing');
    expect(based.explanation.ja).toContain('2026-12-31');
    expect(based.links[0]).toMatchObject({ kind: 'evidence' });
    expect(withBasis(notMet, undefined)).toMatchObject({ basis: null, attestation: null });
    const byRule = {
      ...met(tx('', ''), [], {}),
      guidance: { text: tx('', ''), path: '/conformity' },
    };
    expect(withBasis(byRule, a)).toMatchObject({ basis: 'rule', attestation: null });
  });

  it('turn the engine’s verdict and are counted apart in the summary', () => {
    const s = emptySnapshot({
      scope: approvedScope,
      attestations: {
        inForce: [{ id: 'a1', itemId: '4.2.2.f', validUntil: '2026-12-31' }],
        lapsedItemIds: [],
      },
    });
    const r = evaluateConformity(lib, s);
    const item = r.items.find((i) => i.id === '4.2.2.f')!;
    expect(item).toMatchObject({ status: 'met', basis: 'attestation' });
    expect(r.summary.metByAttestation).toBe(1);
    const without = evaluateConformity(lib, emptySnapshot({ scope: approvedScope }));
    expect(r.summary.counts.met).toBe(without.summary.counts.met + 1);
    expect(without.items.find((i) => i.id === '4.2.2.f')!.basis).toBeNull();
    for (const i of r.items) expect(i.basis !== null).toBe(i.status === 'met');
  });

  it('are due 30 days before their end, and overdue once lapsed without a successor', () => {
    const f = {
      inForce: [
        { id: 'a', itemId: '4.1', validUntil: '2026-03-31' },
        { id: 'b', itemId: '5.1.e', validUntil: '2026-04-01' },
      ],
      lapsedItemIds: ['4.2.2.f'],
    };
    expect(attestationDue(f, '2026-03-02')).toMatchObject({
      kind: 'attestation_expiry',
      // Both end within 30 days (the 30th day included), plus the lapsed one.
      count: 3,
      overdue: 1,
    });
    expect(attestationDue(f, '2026-03-01')).toMatchObject({ count: 2, overdue: 1 });
    expect(attestationDue({ inForce: [], lapsedItemIds: [] }, '2026-03-01')).toMatchObject({
      count: 0,
      overdue: 0,
    });
  });
});
