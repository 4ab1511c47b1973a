import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/training-attendance';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, notFound, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { assertManagePerson } from '../people/access.ts';
import { auditable } from '../scope/common.ts';
import { ATTENDANCE_ENTITY } from './access.ts';
import { trainingToday } from './courses.ts';
import { presentAttendance } from './presenters.ts';

/**
 * A supervisor's evaluation of whether training worked (5.2.2.c), the
 * alternative to a quiz for practical skills: by training:manage over the
 * person (unit heads for their members), never of one's own training — the
 * service refuses it and a CHECK in the database backs that up.
 */
export async function evaluateAttendance(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: { result: 'effective' | 'not_effective'; evaluatedOn?: string | undefined; note: string },
) {
  authorize(ctx.actor, 'training:manage');
  const org = ctx.actor.organizationId;
  await db.transaction(async (tx) => {
    const before = await repo.getAttendanceRow(tx, org, id, true);
    if (!before) throw notFound(ATTENDANCE_ENTITY);
    // 404 when the person is beyond reading reach, 403 when readable but not managed.
    await assertManagePerson(tx, ctx, 'training:manage', before.userId).catch((error: unknown) => {
      if ((error as { kind?: string }).kind === 'not_found') throw notFound(ATTENDANCE_ENTITY);
      throw error;
    });
    if (before.version !== expectedVersion) throw staleVersion();
    if (before.userId === ctx.actor.userId) {
      throw invalid([{ field: 'userId', code: 'training_evaluation_self' }]);
    }
    if (before.status !== 'attended') {
      throw invalid([{ field: 'status', code: 'training_evaluation_absent' }]);
    }
    const evaluatedOn = input.evaluatedOn ?? trainingToday();
    if (evaluatedOn > trainingToday()) {
      throw invalid([{ field: 'evaluatedOn', code: 'training_date_future' }]);
    }
    if (evaluatedOn < before.attendedOn) {
      throw invalid([{ field: 'evaluatedOn', code: 'training_evaluation_before_attendance' }]);
    }
    const updated = await repo.updateAttendance(tx, org, id, expectedVersion, {
      evaluationResult: input.result,
      evaluatedBy: ctx.actor.userId,
      evaluatedOn,
      evaluationNote: input.note,
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'training_attendance.evaluated',
        entityType: ATTENDANCE_ENTITY,
        entityId: id,
        ...diff(auditable(before), auditable(updated)),
      },
    ]);
  });
  return presentAttendance((await repo.getAttendanceView(db, org, id))!);
}
