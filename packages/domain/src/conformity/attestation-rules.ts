import { addDays, format, parseISO } from 'date-fns';
import type { ConformityDue, ConformityItem } from '@mamoru/contracts';
import type { AttestationFacts, AttestationInForce } from '@mamoru/db/repositories/conformity';
import { forbidden } from '../errors.ts';
import { tx } from './text.ts';
import type { Evaluation } from './types.ts';

/**
 * The pure rules of attestations: when one counts, who may decide it, how it
 * turns an item's verdict, and when it is due for renewal.
 */

/** How many days before its end an approved attestation shows as due for renewal. */
export const ATTESTATION_RENEWAL_DAYS = 30;

interface Period {
  status: string;
  validFrom: string;
  validUntil: string;
}

/** Approved, and today within its validity (both ends count). */
export const inForce = (a: Period, today: string) =>
  a.status === 'approved' && a.validFrom <= today && today <= a.validUntil;

/** Approved, but its validity has ended: it no longer counts. */
export const expired = (a: Period, today: string) =>
  a.status === 'approved' && a.validUntil < today;

/**
 * The decider is never the requester: the second pair of eyes is what makes
 * an attestation worth anything, so no setting switches this off.
 */
export function assertSecondPerson(requestedBy: string, deciderId: string | null) {
  if (!deciderId || deciderId === requestedBy) throw forbidden('attestation_own_request');
}

type Verdict = Evaluation & { guidance: ConformityItem['guidance'] };
export type Based = Verdict & Pick<ConformityItem, 'basis' | 'attestation'>;

/**
 * The verdict with its basis: met by the rule stays the rule's; otherwise an
 * attestation in force makes the item met by attestation (what the rule found
 * stays visible in the explanation and data); else no basis.
 */
export function withBasis(v: Verdict, attestation: AttestationInForce | undefined): Based {
  if (v.status === 'met') return { ...v, basis: 'rule', attestation: null };
  if (!attestation) return { ...v, basis: null, attestation: null };
  const until = attestation.validUntil;
  return {
    ...v,
    status: 'met',
    basis: 'attestation',
    attestation: { id: attestation.id, validUntil: until },
    explanation: tx(
      `承認済みの適合の証明（${until}まで有効）により適合としています。データによる判定: ${v.explanation.ja}`,
      `Met by an approved attestation, valid until ${until}. What Mamoru's data shows: ${v.explanation.en}`,
    ),
    links: [
      {
        href: `/conformity?tab=attestations&item=${encodeURIComponent(attestation.itemId)}`,
        label: tx('適合の証明', 'Attestation'),
        kind: 'evidence',
      },
      ...v.links,
    ],
  };
}

/**
 * The dashboard line: attestations ending within 30 days, and items whose
 * attestation lapsed with nothing in force after it (overdue).
 */
export function attestationDue(f: AttestationFacts, today: string): ConformityDue {
  const horizon = format(addDays(parseISO(today), ATTESTATION_RENEWAL_DAYS), 'yyyy-MM-dd');
  const ending = f.inForce.filter((a) => a.validUntil <= horizon).length;
  return {
    kind: 'attestation_expiry',
    count: ending + f.lapsedItemIds.length,
    overdue: f.lapsedItemIds.length,
    href: '/conformity?tab=attestations',
  };
}
