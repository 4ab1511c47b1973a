import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/people-committee';
import type { CommitteeMemberCreate, CommitteeMemberUpdate } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, notFound, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { auditable, isUniqueViolation } from '../scope/common.ts';
import { authorizeRegister } from './access.ts';
import { presentMember } from './roles-presenters.ts';

/**
 * Members of the ISMS committee (annex 4.1.1). Read by whoever reads the
 * people area; the ISMS manager adds members and records when they leave
 * (leftOn), which keeps who sat on the committee when.
 */

export const MEMBER_ENTITY = 'committee_member';

const today = () => new Date().toISOString().slice(0, 10);
const duplicate = () => invalid([{ field: 'userId', code: 'committee_member_duplicate' }]);

async function loadMember(db: Executor, org: string, id: string) {
  const row = await repo.getMember(db, org, id);
  if (!row) throw notFound(MEMBER_ENTITY);
  return presentMember(row);
}

export async function listCommitteeMembers(db: Db, ctx: RequestContext) {
  authorize(ctx.actor, 'people:read');
  return (await repo.listMembers(db, ctx.actor.organizationId)).map(presentMember);
}

/** Current members (the organization chart shows them). */
export async function currentCommitteeMembers(db: Executor, org: string) {
  return (await repo.listMembers(db, org, true)).map(presentMember);
}

export async function addCommitteeMember(
  db: Db,
  ctx: RequestContext,
  input: CommitteeMemberCreate,
) {
  authorizeRegister(ctx, 'people:manage');
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const active = await repo.activeUsersAmong(tx, org, [input.userId]);
      if (!active.has(input.userId)) {
        throw invalid([{ field: 'userId', code: 'reference_not_found' }]);
      }
      if (await repo.isOpenMember(tx, org, input.userId)) throw duplicate();
      const row = await repo.insertMember(tx, {
        organizationId: org,
        userId: input.userId,
        position: input.position,
        joinedOn: input.joinedOn ?? today(),
      });
      await recordAudit(tx, ctx, [
        {
          action: 'committee_member.added',
          entityType: MEMBER_ENTITY,
          entityId: row.id,
          after: auditable(row),
        },
      ]);
      return loadMember(tx, org, row.id);
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    });
}

/** Changes the position or records the day the member left (leftOn). */
export async function updateCommitteeMember(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: CommitteeMemberUpdate,
) {
  authorizeRegister(ctx, 'people:manage');
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const before = await repo.getMemberRow(tx, org, id, true);
      if (!before) throw notFound(MEMBER_ENTITY);
      if (before.version !== expectedVersion) throw staleVersion();
      if (patch.leftOn && patch.leftOn < before.joinedOn) {
        throw invalid([{ field: 'leftOn', code: 'committee_left_before_joined' }]);
      }
      // Rejoining: the member must not sit on the committee in another open row.
      if (patch.leftOn === null && before.leftOn !== null) {
        if (await repo.isOpenMember(tx, org, before.userId)) throw duplicate();
      }
      const updated = await repo.updateMember(tx, org, id, expectedVersion, patch);
      if (!updated) throw staleVersion();
      await recordAudit(tx, ctx, [
        {
          action: 'committee_member.updated',
          entityType: MEMBER_ENTITY,
          entityId: id,
          ...diff(auditable(before), auditable(updated)),
        },
      ]);
      return loadMember(tx, org, id);
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    });
}
