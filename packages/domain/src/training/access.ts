import type { SessionRow } from '@mamoru/db/repositories/training-sessions';
import type { RequestContext } from '../audit/trail.ts';
import { reachOf } from '../identity/actor.ts';

/**
 * Who records a session's attendance: whoever records every session
 * (training:record 'all'), the session's own trainer (training:record 'own'),
 * and managers — the ISMS manager for everyone, unit heads ('own' manage) only
 * for the people they reach, which the caller checks per person.
 */

export const SESSION_ENTITY = 'training_session';
export const COURSE_ENTITY = 'training_course';
export const ATTENDANCE_ENTITY = 'training_attendance';

/** The caller records this session as its trainer (or records all sessions). */
export function recordsAsTrainer(ctx: RequestContext, session: Pick<SessionRow, 'trainerUserId'>) {
  const reach = reachOf(ctx.actor, 'training:record');
  if (reach === 'all') return true;
  return reach === 'own' && !!ctx.actor.userId && session.trainerUserId === ctx.actor.userId;
}

/**
 * Whether the caller may record the session (the `recordable` flag): its
 * trainer, a manager over everyone, or a unit head (for their members).
 */
export function mayRecordSession(
  ctx: RequestContext,
  session: Pick<SessionRow, 'trainerUserId'>,
  headsUnits: boolean,
) {
  const manage = reachOf(ctx.actor, 'training:manage');
  return recordsAsTrainer(ctx, session) || manage === 'all' || (manage === 'own' && headsUnits);
}
