import type { Executor } from '@mamoru/db';
import { unitsHeadedBy } from '@mamoru/db/repositories/people-access';
import * as repo from '@mamoru/db/repositories/training-attendance';
import { getSessionRow } from '@mamoru/db/repositories/training-sessions';
import { diff } from '../audit/hash.ts';
import { recordAudit, type AuditEntry, type RequestContext } from '../audit/trail.ts';
import { forbidden, invalid, notFound, type FieldError } from '../errors.ts';
import { reachOf } from '../identity/actor.ts';
import { auditable } from '../scope/common.ts';
import { ATTENDANCE_ENTITY, SESSION_ENTITY, recordsAsTrainer } from './access.ts';

/**
 * Recording who attended a session (the trainer, a manager, or the attendance
 * import): one row per person and session, upserted. The caller owns the
 * transaction, so an import's rows commit together with its other writes.
 */

export interface AttendanceEntry {
  userId: string;
  status: 'attended' | 'absent';
  note: string;
}

export type RecordSource = 'trainer' | 'manager' | 'import';

/**
 * Records the entries for the session and appends the audit events.
 * Authorization: the session's trainer (training:record 'own', or 'all'), or
 * training:manage — under 'own' reach only for members of units the caller
 * heads, never the caller themself (403 naming the permission).
 * Returns the user ids inserted (`recorded`) and those whose row changed
 * (`updated`); a person whose row already says the same appears in neither.
 * Errors: 404 session; 422 `sessionId` cancelled session; 422
 * `entries.<i>.userId` unknown user or the same user twice.
 */
export async function recordAttendance(
  tx: Executor,
  ctx: RequestContext,
  sessionId: string,
  entries: AttendanceEntry[],
  source: RecordSource,
): Promise<{ recorded: string[]; updated: string[] }> {
  const org = ctx.actor.organizationId;
  const session = await getSessionRow(tx, org, sessionId, true);
  if (!session) throw notFound(SESSION_ENTITY);
  const asTrainer = recordsAsTrainer(ctx, session);
  const manage = reachOf(ctx.actor, 'training:manage');
  if (!asTrainer && !manage) throw forbidden('forbidden', { permission: 'training:record' });
  if (session.status === 'cancelled') {
    throw invalid([{ field: 'sessionId', code: 'training_session_cancelled' }]);
  }
  if (entries.length === 0) return { recorded: [], updated: [] };

  const ids = entries.map((e) => e.userId);
  const units = await repo.orgUsers(tx, org, ids);
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  entries.forEach((e, i) => {
    if (!units.has(e.userId))
      errors.push({ field: `entries.${i}.userId`, code: 'reference_not_found' });
    else if (seen.has(e.userId)) {
      errors.push({ field: `entries.${i}.userId`, code: 'training_attendance_duplicate_user' });
    }
    seen.add(e.userId);
  });
  if (errors.length > 0) throw invalid(errors);

  if (!asTrainer && manage === 'own') {
    const headed = new Set(ctx.actor.userId ? await unitsHeadedBy(tx, org, ctx.actor.userId) : []);
    const outside = entries.some((e) => {
      const unit = units.get(e.userId);
      return e.userId === ctx.actor.userId || !unit || !headed.has(unit);
    });
    if (outside) throw forbidden('forbidden_not_owner', { permission: 'training:manage' });
  }

  const existing = new Map(
    (await repo.sessionRowsOf(tx, org, sessionId, ids)).map((r) => [r.userId, r]),
  );
  const recordedBy = ctx.actor.userId;
  const fresh: repo.NewAttendance[] = [];
  const changes: repo.AttendanceChange[] = [];
  for (const e of entries) {
    const before = existing.get(e.userId);
    if (!before) {
      fresh.push({
        organizationId: org,
        courseId: session.courseId,
        sessionId,
        userId: e.userId,
        attendedOn: session.heldOn,
        status: e.status,
        source,
        recordedBy,
        note: e.note,
      });
    } else if (before.status !== e.status || before.note !== e.note) {
      changes.push({
        id: before.id,
        status: e.status,
        note: e.note,
        source,
        recordedBy,
        clearEvaluation: e.status === 'absent',
      });
    }
  }
  const inserted = await repo.insertAttendance(tx, fresh);
  await repo.updateAttendanceBatch(tx, org, changes);

  const action =
    source === 'import' ? 'training_attendance.imported' : 'training_attendance.recorded';
  const audit: AuditEntry[] = inserted.map((row) => ({
    action,
    entityType: ATTENDANCE_ENTITY,
    entityId: row.id,
    after: auditable(row),
  }));
  const changedIds = new Set(changes.map((c) => c.id));
  const updatedRows = changedIds.size
    ? (await repo.sessionRowsOf(tx, org, sessionId, ids)).filter((r) => changedIds.has(r.id))
    : [];
  for (const after of updatedRows) {
    const before = existing.get(after.userId)!;
    audit.push({
      action,
      entityType: ATTENDANCE_ENTITY,
      entityId: after.id,
      ...diff(auditable(before), auditable(after)),
    });
  }
  await recordAudit(tx, ctx, audit);
  return {
    recorded: inserted.map((r) => r.userId),
    updated: updatedRows.map((r) => r.userId),
  };
}
