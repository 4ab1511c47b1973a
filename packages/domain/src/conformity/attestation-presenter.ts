import type { Attestation, AttestationStatus } from '@mamoru/contracts';
import type { AttestationView } from '@mamoru/db/repositories/attestations';
import { expired, inForce } from './attestation-rules.ts';

const userRef = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function presentAttestation(a: AttestationView, today: string): Attestation {
  return {
    id: a.id,
    itemId: a.itemId,
    statement: a.statement,
    validFrom: a.validFrom,
    validUntil: a.validUntil,
    status: a.status as AttestationStatus,
    inForce: inForce(a, today),
    expired: expired(a, today),
    requestedBy: userRef(a.requestedBy, a.requestedByName),
    requestedAt: a.requestedAt.toISOString(),
    decidedBy: userRef(a.decidedBy, a.decidedByName),
    decidedAt: a.decidedAt?.toISOString() ?? null,
    decisionNote: a.decisionNote,
    version: a.version,
  };
}
