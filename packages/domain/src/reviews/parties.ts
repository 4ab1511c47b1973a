import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/reviews-parties';
import type {
  InterestedPartyCreate,
  InterestedPartyListQuery,
  InterestedPartyUpdate,
} from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { forbidden, invalid, notFound, staleVersion } from '../errors.ts';
import { authorize, reachOf, type Actor } from '../identity/actor.ts';
import { auditable, isUniqueViolation } from '../scope/common.ts';

/**
 * Interested parties (6.2.b): managed by the ISMS manager (reviews:manage);
 * read by whoever reads every review or records feedback, since recording
 * feedback means picking its party.
 */

export const PARTY_ENTITY = 'interested_party';

/** Reading the parties: reviews:read over everything, or reviews:feedback. */
export function authorizePartyRead(actor: Actor) {
  if (reachOf(actor, 'reviews:read') === 'all' || reachOf(actor, 'reviews:feedback')) return;
  throw forbidden('forbidden', { permission: 'reviews:feedback' });
}

const nameTaken = () => invalid([{ field: 'name', code: 'interested_party_name_taken' }]);

export async function listParties(db: Db, ctx: RequestContext, q: InterestedPartyListQuery) {
  authorizePartyRead(ctx.actor);
  const active = q.active === undefined ? undefined : q.active === 'true';
  return repo.listParties(db, ctx.actor.organizationId, { kind: q.kind, active }, q);
}

export async function getParty(db: Executor, ctx: RequestContext, id: string) {
  authorizePartyRead(ctx.actor);
  const row = await repo.getParty(db, ctx.actor.organizationId, id);
  if (!row) throw notFound(PARTY_ENTITY);
  return row;
}

export async function createParty(db: Db, ctx: RequestContext, input: InterestedPartyCreate) {
  authorize(ctx.actor, 'reviews:manage');
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      if (await repo.partyNameTaken(tx, org, input.name)) throw nameTaken();
      const row = await repo.insertParty(tx, { organizationId: org, ...input });
      await recordAudit(tx, ctx, [
        {
          action: 'interested_party.created',
          entityType: PARTY_ENTITY,
          entityId: row.id,
          after: auditable(row),
        },
      ]);
      return (await repo.getParty(tx, org, row.id))!;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    });
}

/** Changes a party; `active: false` keeps its feedback but takes no new feedback. */
export async function updateParty(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: InterestedPartyUpdate,
) {
  authorize(ctx.actor, 'reviews:manage');
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const before = await repo.getPartyRow(tx, org, id, true);
      if (!before) throw notFound(PARTY_ENTITY);
      if (before.version !== expectedVersion) throw staleVersion();
      if (patch.name && (await repo.partyNameTaken(tx, org, patch.name, id))) throw nameTaken();
      const updated = await repo.updateParty(tx, org, id, expectedVersion, patch);
      if (!updated) throw staleVersion();
      await recordAudit(tx, ctx, [
        {
          action: 'interested_party.updated',
          entityType: PARTY_ENTITY,
          entityId: id,
          ...diff(auditable(before), auditable(updated)),
        },
      ]);
      return (await repo.getParty(tx, org, id))!;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    });
}
