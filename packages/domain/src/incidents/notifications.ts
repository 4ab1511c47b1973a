import type { Db } from '@mamoru/db';
import { incidentAccessRow } from '@mamoru/db/repositories/incidents-access';
import { getObligation } from '@mamoru/db/repositories/incidents-obligations';
import * as links from '@mamoru/db/repositories/incidents-links';
import type {
  IncidentNotification,
  IncidentNotificationCreate,
  NotificationChannel,
} from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid } from '../errors.ts';
import { assertHandles, incidentAccess } from './access.ts';
import { incidentReference } from './workflow.ts';

/**
 * Recording a notification sent about an incident (what went to whom, when,
 * how): for an obligation, which stops its clock, or on the team's own
 * initiative. The timeline shows it beside the actions taken.
 */

export const NOTIFICATION_ENTITY = 'incident_notification';

/** Clocks of other machines run a little ahead. */
const FUTURE_SLACK_MS = 60 * 60 * 1000;

export async function recordNotification(
  db: Db,
  ctx: RequestContext,
  incidentId: string,
  input: IncidentNotificationCreate,
): Promise<IncidentNotification> {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const incident = await incidentAccessRow(tx, org, incidentId);
    assertHandles(await incidentAccess(tx, ctx), incident);
    const obligation = input.obligationId
      ? await getObligation(tx, org, input.obligationId)
      : undefined;
    if (input.obligationId && !obligation) {
      throw invalid([{ field: 'obligationId', code: 'reference_not_found' }]);
    }
    const sentAt = new Date(input.sentAt);
    // A notice goes out after the organization learned of the incident, and not tomorrow.
    if (sentAt < incident.discoveredAt) {
      throw invalid([{ field: 'sentAt', code: 'notification_before_discovery' }]);
    }
    if (sentAt.getTime() > Date.now() + FUTURE_SLACK_MS) {
      throw invalid([{ field: 'sentAt', code: 'notification_in_future' }]);
    }
    const row = await links.insertNotification(tx, {
      organizationId: org,
      incidentId,
      obligationId: obligation?.id ?? null,
      recipient: input.recipient,
      sentAt,
      channel: input.channel,
      summary: input.summary ?? '',
      sentBy: ctx.actor.userId,
    });
    const what = obligation ? `${obligation.name}: ` : '';
    await links.insertTimelineEntry(tx, {
      organizationId: org,
      incidentId,
      kind: 'notification',
      at: sentAt,
      actorId: ctx.actor.userId,
      text: `${what}${input.recipient}${input.summary ? ` — ${input.summary}` : ''}`,
    });
    await links.touchIncident(tx, org, incidentId);
    await recordAudit(tx, ctx, [
      {
        action: 'incident_notification.recorded',
        entityType: NOTIFICATION_ENTITY,
        entityId: row.id,
        after: {
          incidentId,
          incident: incidentReference(incident.number),
          obligationId: row.obligationId,
          recipient: row.recipient,
          sentAt: row.sentAt.toISOString(),
          channel: row.channel,
        },
      },
    ]);
    return {
      id: row.id,
      obligationId: row.obligationId,
      recipient: row.recipient,
      sentAt: row.sentAt.toISOString(),
      channel: row.channel as NotificationChannel,
      summary: row.summary,
      sentBy: ctx.actor.userId
        ? { id: ctx.actor.userId, displayName: ctx.actor.displayName }
        : null,
    };
  });
}
