import { sql } from 'drizzle-orm';
import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/people-profiles';
import * as competencesRepo from '@mamoru/db/repositories/people-competences';
import { warningDaysOf } from '@mamoru/db/repositories/people-settings';
import { gapCountsByUser } from '@mamoru/db/repositories/people-gaps';
import { reachablePeopleFilter } from '@mamoru/db/repositories/people-access';
import type { PersonListQuery, PersonProfileUpdate } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, notFound, staleVersion } from '../errors.ts';
import { today } from '../documents/common.ts';
import { isUniqueViolation } from '../scope/common.ts';
import {
  PERSON_ENTITY,
  assertManagePerson,
  assertReadPerson,
  peopleReach,
  reachesPerson,
} from './access.ts';
import type { ProfileView } from './people-presenters.ts';

/**
 * The people list and each person's profile (5.2.2.d): job, education,
 * experience, the ISMS roles they hold, their competences and agreements.
 * Under 'own' reach a person sees themself and the members of the units they
 * head; the head edits their members' profiles, never their own.
 */

export const PROFILE_ENTITY = 'person_profile';

/** Today and the organization's warning days (people settings, 90 without a row). */
export async function expiryClock(db: Db, org: string) {
  return { today: today(), warningDays: await warningDaysOf(db, org) };
}

/** A page of people with their gap counts, computed for the page's people in one query. */
export async function listPeople(db: Db, ctx: RequestContext, q: PersonListQuery) {
  const org = ctx.actor.organizationId;
  const reach = await peopleReach(db, ctx, 'people:read');
  const clock = await expiryClock(db, org);
  const page = await repo.listPeople(
    db,
    org,
    clock.today,
    {
      q: q.q,
      unitId: q.unitId,
      roleId: q.roleId,
      gapsOnly: q.gaps === 'true' ? clock : undefined,
      peopleFilter: reachablePeopleFilter(
        sql`u.id`,
        reach.reach,
        ctx.actor.userId,
        reach.headedUnitIds,
      ),
    },
    q,
  );
  const counts = await gapCountsByUser(
    db,
    org,
    clock.today,
    clock.warningDays,
    page.items.map((p) => p.user_id),
  );
  return { ...page, counts };
}

export async function getProfile(db: Db, ctx: RequestContext, userId: string) {
  await assertReadPerson(db, ctx, 'people:read', userId);
  return loadProfile(db, ctx, userId);
}

async function loadProfile(db: Db, ctx: RequestContext, userId: string): Promise<ProfileView> {
  const org = ctx.actor.organizationId;
  const person = await repo.getPerson(db, org, userId);
  if (!person) throw notFound(PERSON_ENTITY);
  const clock = await expiryClock(db, org);
  const [roles, competences, agreements, editable] = await Promise.all([
    repo.rolesOfPerson(db, org, clock.today, userId),
    competencesRepo.competencesOf(db, org, userId),
    competencesRepo.agreementsOf(db, org, userId),
    reachesPerson(db, ctx, 'people:manage', userId),
  ]);
  return { person, roles, competences, agreements, editable, clock };
}

const profileFields = (p: repo.ProfileRow | null) =>
  p
    ? {
        jobId: p.jobId,
        education: p.education,
        experience: p.experience,
        joinedOn: p.joinedOn,
        notes: p.notes,
        version: p.version,
      }
    : null;

/**
 * Edits a profile; the first edit makes its row, and expects version 0 (the
 * version a profile without a row shows).
 */
export async function updateProfile(
  db: Db,
  ctx: RequestContext,
  userId: string,
  expectedVersion: number,
  patch: PersonProfileUpdate,
) {
  await assertManagePerson(db, ctx, 'people:manage', userId);
  const org = ctx.actor.organizationId;
  await db
    .transaction(async (tx) => {
      if (patch.jobId && !(await repo.activeJobExists(tx, org, patch.jobId))) {
        throw invalid([{ field: 'jobId', code: 'reference_not_found' }]);
      }
      const before = await repo.getProfileRow(tx, org, userId, true);
      if ((before?.version ?? 0) !== expectedVersion) throw staleVersion();
      const after = before
        ? await repo.updateProfile(tx, org, userId, expectedVersion, patch)
        : await repo.insertProfile(tx, { userId, organizationId: org, ...patch });
      if (!after) throw staleVersion();
      await recordAudit(tx, ctx, [
        {
          action: 'person_profile.updated',
          entityType: PROFILE_ENTITY,
          entityId: userId,
          ...diff(profileFields(before), profileFields(after)),
        },
      ]);
    })
    .catch((error: unknown) => {
      // Two first edits at once: the second finds the row made by the first.
      if (isUniqueViolation(error)) throw staleVersion();
      throw error;
    });
  return loadProfile(db, ctx, userId);
}
