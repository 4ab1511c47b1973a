import type { Executor } from '@mamoru/db';
import {
  isOnIncidentTeam,
  type IncidentVisibility,
} from '@mamoru/db/repositories/incidents-access';
import type { RequestContext } from '../audit/trail.ts';
import { forbidden, notFound } from '../errors.ts';
import { reachOf } from '../identity/actor.ts';

/**
 * What the caller may do with incidents. Anyone with an account reports and
 * follows their own reports; the incident team (the ISMS role or unit named in
 * the settings, and whoever holds `incidents:handle` for all) handles every
 * incident and sees confidential ones; top management sees confidential ones;
 * auditors read the others. Under 'own' handle reach a person off the team
 * handles only the incidents assigned to them.
 */

export const INCIDENT_ENTITY = 'incident';

export interface IncidentAccess extends IncidentVisibility {
  /** 'all': every visible incident; 'assigned': those assigned to the caller. */
  handle: 'all' | 'assigned' | null;
  manage: boolean;
  report: boolean;
}

export async function incidentAccess(db: Executor, ctx: RequestContext): Promise<IncidentAccess> {
  const { actor } = ctx;
  const read = reachOf(actor, 'incidents:read');
  const handleReach = reachOf(actor, 'incidents:handle');
  const onTeam =
    handleReach === 'own' && actor.userId
      ? await isOnIncidentTeam(db, actor.organizationId, actor.userId)
      : false;
  const handle = handleReach === 'all' || onTeam ? 'all' : handleReach ? 'assigned' : null;
  return {
    read: read === 'all' || onTeam ? 'all' : 'own',
    confidential: reachOf(actor, 'incidents:confidential') === 'all' || handle === 'all',
    userId: actor.userId,
    handle,
    manage: reachOf(actor, 'incidents:manage') === 'all',
    report: reachOf(actor, 'incidents:report') !== undefined,
  };
}

interface Visible {
  confidential: boolean;
  reporterId: string | null;
  assigneeId: string | null;
}

/** Whether the caller sees the incident (the same rule as `visibleIncidentsSql`). */
export function seesIncident(access: IncidentAccess, i: Visible): boolean {
  const mine =
    !!access.userId && (i.reporterId === access.userId || i.assigneeId === access.userId);
  if (access.read === 'own') return mine;
  return access.confidential || !i.confidential || mine;
}

/** Whether the caller may triage and respond to the incident. */
export function handlesIncident(access: IncidentAccess, i: Visible): boolean {
  if (access.handle === 'all') return seesIncident(access, i);
  return access.handle === 'assigned' && !!access.userId && i.assigneeId === access.userId;
}

/** 404 when the caller does not see it (nothing is told of confidential incidents). */
export function assertSees(access: IncidentAccess, i: Visible | undefined): asserts i is Visible {
  if (!i || !seesIncident(access, i)) throw notFound(INCIDENT_ENTITY);
}

/** 404 when not seen, 403 when seen but not handled by the caller. */
export function assertHandles(
  access: IncidentAccess,
  i: Visible | undefined,
): asserts i is Visible {
  assertSees(access, i);
  if (!handlesIncident(access, i)) throw forbidden('forbidden', { permission: 'incidents:handle' });
}

/** Settings and obligations: `incidents:manage` for all. */
export function assertManages(access: IncidentAccess) {
  if (!access.manage) throw forbidden('forbidden', { permission: 'incidents:manage' });
}
