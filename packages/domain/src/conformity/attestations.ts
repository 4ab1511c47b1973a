import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/attestations';
import type { AttestationRow } from '@mamoru/db/repositories/attestations';
import type {
  AttestationCreate,
  AttestationDecision,
  AttestationListQuery,
} from '@mamoru/contracts';
import { shippedLibrary } from '@mamoru/catalog';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { registerFileOwner } from '../files/owners.ts';
import { SCOPE_LIBRARY_ID } from '../scope/service.ts';
import { assertSecondPerson } from './attestation-rules.ts';
import { EXCLUSIONS_ITEM, requirementItems } from './engine.ts';

/**
 * Attestations (the last resort for evidence that cannot live in Mamoru): the
 * ISMS manager records one for a requirement item; another person approves or
 * rejects it; an approved one may be revoked. Every step is in the audit trail.
 */

export const ATTESTATION_ENTITY = 'conformity_attestation';
/** Evidence files attach to an attestation under this owner type. */
export const ATTESTATION_FILE_OWNER = 'attestation';

const contentOf = (a: AttestationRow) => ({
  itemId: a.itemId,
  statement: a.statement,
  validFrom: a.validFrom,
  validUntil: a.validUntil,
  status: a.status,
  requestedBy: a.requestedBy,
  decidedBy: a.decidedBy,
  decisionNote: a.decisionNote,
  version: a.version,
});

/** The item must be one the engine evaluates: a leaf requirement of the criteria, or 1.2. */
async function assertItem(itemId: string) {
  const lib = await shippedLibrary(SCOPE_LIBRARY_ID);
  const known =
    itemId === EXCLUSIONS_ITEM.id ||
    (!!lib && requirementItems(lib).items.some((f) => f.node.id === itemId));
  if (!known) {
    throw invalid([
      { field: 'itemId', code: 'attestation_item_unknown', params: { value: itemId } },
    ]);
  }
}

function actingUser(ctx: RequestContext) {
  if (!ctx.actor.userId) throw forbidden('forbidden', { permission: 'conformity:attest' });
  return ctx.actor.userId;
}

export async function getAttestation(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  const row = await repo.getAttestationView(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('attestation');
  return row;
}

export async function listAttestations(db: Db, ctx: RequestContext, q: AttestationListQuery) {
  authorize(ctx.actor, 'isms:read');
  return repo.listAttestations(
    db,
    ctx.actor.organizationId,
    { itemId: q.itemId, status: q.status },
    q,
  );
}

export async function requestAttestation(db: Db, ctx: RequestContext, input: AttestationCreate) {
  authorize(ctx.actor, 'conformity:attest');
  const userId = actingUser(ctx);
  await assertItem(input.itemId);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const row = await repo.insertAttestation(tx, {
      organizationId: org,
      itemId: input.itemId,
      statement: input.statement,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      requestedBy: userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'conformity_attestation.requested',
        entityType: ATTESTATION_ENTITY,
        entityId: row.id,
        after: contentOf(row),
      },
    ]);
    return (await repo.getAttestationView(tx, org, row.id))!;
  });
}

/** Approves or rejects a pending attestation; never by the person who recorded it. */
export async function decideAttestation(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: AttestationDecision,
) {
  authorize(ctx.actor, 'conformity:attest_decide');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await repo.getAttestation(tx, org, id, true);
    if (!before) throw notFound('attestation');
    if (before.version !== expectedVersion) throw staleVersion();
    assertSecondPerson(before.requestedBy, ctx.actor.userId);
    if (before.status !== 'pending') throw conflict('attestation_not_pending');
    const updated = await repo.updateAttestation(tx, org, id, expectedVersion, {
      status: input.decision,
      decidedBy: ctx.actor.userId,
      decidedAt: new Date(),
      decisionNote: input.note,
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action:
          input.decision === 'approved'
            ? 'conformity_attestation.approved'
            : 'conformity_attestation.rejected',
        entityType: ATTESTATION_ENTITY,
        entityId: id,
        before: contentOf(before),
        after: contentOf(updated),
      },
    ]);
    return (await repo.getAttestationView(tx, org, id))!;
  });
}

/** Withdraws an approved attestation (the check it rests on no longer holds). */
export async function revokeAttestation(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: { note: string },
) {
  authorize(ctx.actor, 'conformity:attest');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await repo.getAttestation(tx, org, id, true);
    if (!before) throw notFound('attestation');
    if (before.version !== expectedVersion) throw staleVersion();
    if (before.status !== 'approved') throw conflict('attestation_not_approved');
    const updated = await repo.updateAttestation(tx, org, id, expectedVersion, {
      status: 'revoked',
      decisionNote: input.note,
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'conformity_attestation.revoked',
        entityType: ATTESTATION_ENTITY,
        entityId: id,
        before: contentOf(before),
        after: contentOf(updated),
      },
    ]);
    return (await repo.getAttestationView(tx, org, id))!;
  });
}

// Evidence files are read like the attestation; they are attached while it is
// pending, and frozen once someone has decided on what they showed.
registerFileOwner(ATTESTATION_FILE_OWNER, {
  async authorizeRead(db, ctx, ownerId) {
    authorize(ctx.actor, 'isms:read');
    if (!(await repo.getAttestation(db, ctx.actor.organizationId, ownerId))) {
      throw notFound('attestation');
    }
  },
  async authorizeWrite(db, ctx, ownerId) {
    authorize(ctx.actor, 'conformity:attest');
    const row = await repo.getAttestation(db, ctx.actor.organizationId, ownerId);
    if (!row) throw notFound('attestation');
    if (row.status !== 'pending') throw conflict('attestation_evidence_frozen');
  },
});
