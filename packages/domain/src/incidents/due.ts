import type { Executor } from '@mamoru/db';
import type { ConformityDue } from '@mamoru/contracts';
import { incidentSettingsOf } from '@mamoru/db/repositories/incidents-clocks';
import { dueCountsOf } from '@mamoru/db/repositories/incidents-statistics';
import type { RequestContext } from '../audit/trail.ts';
import { incidentAccess } from './access.ts';

/**
 * The dashboard's incident lines, for those who handle incidents (the team,
 * or someone with incidents assigned to them): notification clocks due within
 * a day or overdue, and reports waiting for triage (overdue: past the
 * organization's triage target). Readers who only read get no line: the work
 * is not theirs, and the statistics card shows them the state.
 */
export async function incidentDue(db: Executor, ctx: RequestContext): Promise<ConformityDue[]> {
  const access = await incidentAccess(db, ctx);
  if (!access.handle) return [];
  const settings = await incidentSettingsOf(db, ctx.actor.organizationId);
  const c = await dueCountsOf(
    db,
    ctx.actor.organizationId,
    { visibility: access, assignedOnly: access.handle !== 'all' },
    settings.timeZone,
    settings.triageTargetHours,
  );
  return [
    {
      kind: 'incident_notification',
      count: c.clocksDue,
      overdue: c.clocksOverdue,
      href: '/incidents?open=true',
    },
    {
      kind: 'incident_triage',
      count: c.untriaged,
      overdue: c.triageOverdue,
      href: '/incidents?status=reported',
    },
  ];
}
