import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/people-committee';
import type {
  CommitteeMeeting,
  CommitteeMeetingCreate,
  CommitteeMeetingListQuery,
  CommitteeMeetingUpdate,
} from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { registerFileOwner } from '../files/owners.ts';
import { auditable } from '../scope/common.ts';
import { authorizeRegister } from './access.ts';
import { presentMeeting } from './roles-presenters.ts';

/**
 * Meetings of the ISMS committee (annex 4.1.2): agenda, minutes, attendees
 * and evidence files (owner type 'committee_meeting'). Readers of the whole
 * people area see every meeting; one who reads only their own sees the
 * meetings they attended. The ISMS manager plans and records them.
 */

export const MEETING_ENTITY = 'committee_meeting';

const today = () => new Date().toISOString().slice(0, 10);

/** The attendee the caller must be under 'own' reach, or undefined for 'all'. */
function attendeeFilter(ctx: RequestContext) {
  const reach = authorize(ctx.actor, 'people:read');
  return reach === 'all' ? undefined : (ctx.actor.userId ?? '00000000-0000-0000-0000-000000000000');
}

async function readableMeeting(db: Executor, ctx: RequestContext, id: string) {
  const attendee = attendeeFilter(ctx);
  const row = await repo.getMeeting(db, ctx.actor.organizationId, id);
  if (!row || (attendee && !row.attendees.some((a) => a.id === attendee))) {
    throw notFound(MEETING_ENTITY);
  }
  return row;
}

export async function listMeetings(db: Db, ctx: RequestContext, q: CommitteeMeetingListQuery) {
  const attendeeUserId = attendeeFilter(ctx);
  const page = await repo.listMeetings(
    db,
    ctx.actor.organizationId,
    { year: q.year, attendeeUserId },
    q,
  );
  return { items: page.items.map(presentMeeting), nextCursor: page.nextCursor };
}

export async function getMeeting(db: Db, ctx: RequestContext, id: string) {
  return presentMeeting(await readableMeeting(db, ctx, id));
}

async function checkMeeting(
  db: Executor,
  org: string,
  values: { heldOn: string; status: string; attendeeUserIds: string[] },
): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  if (values.status === 'held' && values.heldOn > today()) {
    problems.push({ field: 'heldOn', code: 'committee_meeting_held_future' });
  }
  const known = await repo.activeUsersAmong(db, org, values.attendeeUserIds);
  if (values.attendeeUserIds.some((id) => !known.has(id))) {
    problems.push({ field: 'attendeeUserIds', code: 'reference_not_found' });
  }
  return problems;
}

export async function createMeeting(
  db: Db,
  ctx: RequestContext,
  input: CommitteeMeetingCreate,
): Promise<CommitteeMeeting> {
  authorizeRegister(ctx, 'people:manage');
  const org = ctx.actor.organizationId;
  const attendeeUserIds = [...new Set(input.attendeeUserIds)];
  return db.transaction(async (tx) => {
    const problems = await checkMeeting(tx, org, { ...input, attendeeUserIds });
    if (problems.length) throw invalid(problems);
    const row = await repo.insertMeeting(tx, {
      organizationId: org,
      ...input,
      attendeeUserIds,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'committee_meeting.created',
        entityType: MEETING_ENTITY,
        entityId: row.id,
        after: auditable(row),
      },
    ]);
    return presentMeeting((await repo.getMeeting(tx, org, row.id))!);
  });
}

export async function updateMeeting(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: CommitteeMeetingUpdate,
): Promise<CommitteeMeeting> {
  authorizeRegister(ctx, 'people:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await repo.getMeetingRow(tx, org, id, true);
    if (!before) throw notFound(MEETING_ENTITY);
    if (before.version !== expectedVersion) throw staleVersion();
    const values = {
      ...patch,
      ...(patch.attendeeUserIds ? { attendeeUserIds: [...new Set(patch.attendeeUserIds)] } : {}),
    };
    const problems = await checkMeeting(tx, org, {
      heldOn: values.heldOn ?? before.heldOn,
      status: values.status ?? before.status,
      // Only newly named attendees are checked: one who left keeps their attendance.
      attendeeUserIds: (values.attendeeUserIds ?? []).filter(
        (u) => !before.attendeeUserIds.includes(u),
      ),
    });
    if (problems.length) throw invalid(problems);
    const updated = await repo.updateMeeting(tx, org, id, expectedVersion, values);
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'committee_meeting.updated',
        entityType: MEETING_ENTITY,
        entityId: id,
        ...diff(auditable(before), auditable(updated)),
      },
    ]);
    return presentMeeting((await repo.getMeeting(tx, org, id))!);
  });
}

registerFileOwner(MEETING_ENTITY, {
  async authorizeRead(db, ctx, ownerId) {
    await readableMeeting(db, ctx, ownerId);
  },
  async authorizeWrite(db, ctx, ownerId) {
    authorizeRegister(ctx, 'people:manage');
    if (!(await repo.getMeetingRow(db, ctx.actor.organizationId, ownerId))) {
      throw notFound(MEETING_ENTITY);
    }
  },
});
