import type { Db, Executor } from '@mamoru/db';
import type {
  Incident,
  IncidentLevel,
  IncidentListItem,
  IncidentStatus,
  IncidentType,
} from '@mamoru/contracts';
import { incidentAccessRow } from '@mamoru/db/repositories/incidents-access';
import type { IncidentListRow } from '@mamoru/db/repositories/incidents';
import * as detail from '@mamoru/db/repositories/incidents-detail';
import {
  incidentSettingsOf,
  notificationsOf,
  obligationsOf,
} from '@mamoru/db/repositories/incidents-clocks';
import { improvementCode, nonconformityCode } from '../improvement/improvements-presenters.ts';
import type { RequestContext } from '../audit/trail.ts';
import { notFound } from '../errors.ts';
import { assertSees, handlesIncident, incidentAccess, type IncidentAccess } from './access.ts';
import { clocksOf } from './clocks.ts';
import { incidentReference, nextStatuses } from './workflow.ts';

/** The incident as its page shows it (the Incident contract), for anyone who sees it. */

type Stamp = Date | string;
const iso = (v: Stamp) => new Date(v).toISOString();
const isoOrNull = (v: Stamp | null) => (v == null ? null : iso(v));
const person = (id: string | null, name: string | null) =>
  id ? { id, displayName: name ?? '' } : null;
const num = (v: number | string | null) => (v == null ? null : Number(v));

export function presentListItem(r: IncidentListRow): IncidentListItem {
  return {
    id: r.id,
    number: r.number,
    reference: incidentReference(r.number),
    type: r.type as IncidentType,
    title: r.title,
    status: r.status as IncidentStatus,
    severity: r.severity as IncidentLevel | null,
    priority: r.priority,
    confidential: r.confidential,
    personalData: r.personalData,
    discoveredAt: iso(r.discoveredAt),
    reportedAt: iso(r.reportedAt),
    closedAt: isoOrNull(r.closedAt),
    unit: r.unitId ? { id: r.unitId, name: { ja: r.unitName ?? '', en: r.unitName ?? '' } } : null,
    reporter: person(r.reporterId, r.reporterName),
    assignee: person(r.assigneeId, r.assigneeName),
    channel: r.channel as 'web' | 'api',
    repeatCount: r.repeatCount,
    triageOverdue: r.triageOverdue,
    overdueClocks: Number(r.overdueClocks),
    version: r.version,
  };
}

/** Minutes from occurrence (else discovery) to recovery (else closing, else now). */
function durationOf(r: detail.IncidentDetailRow, now: Date) {
  const start = new Date(r.occurredAt ?? r.discoveredAt).getTime();
  const end = r.recoveredAt ?? r.closedAt;
  const stop = end ? new Date(end).getTime() : now.getTime();
  return stop >= start ? Math.round((stop - start) / 60_000) : null;
}

/** Builds the contract shape for a caller who has been checked to see the incident. */
export async function presentIncident(
  db: Executor,
  ctx: RequestContext,
  access: IncidentAccess,
  id: string,
): Promise<Incident> {
  const org = ctx.actor.organizationId;
  // One after another: inside a transaction the queries share one connection.
  const r = await detail.incidentDetailRow(db, org, id);
  if (!r) throw notFound('incident');
  const assets = await detail.incidentAssetsOf(db, org, id);
  const risks = await detail.incidentRisksOf(db, org, id);
  const timeline = await detail.incidentTimelineOf(db, org, id);
  const raised = await detail.raisedFromIncident(db, org, id);
  const settings = await incidentSettingsOf(db, org);
  const obligations = await obligationsOf(db, org);
  const sent = await notificationsOf(db, org, [id]);
  const now = new Date();
  const status = r.status as IncidentStatus;
  const handles = handlesIncident(access, r);
  const isReporter = !!access.userId && r.reporterId === access.userId;
  const costs = {
    response: num(r.costResponse),
    recovery: num(r.costRecovery),
    loss: num(r.costLoss),
  };
  return {
    ...presentListItem(r),
    description: r.description,
    occurredAt: isoOrNull(r.occurredAt),
    externalRef: r.externalRef,
    location: r.locationId
      ? { id: r.locationId, name: { ja: r.locationName ?? '', en: r.locationName ?? '' } }
      : null,
    place: r.place,
    urgency: r.urgency as IncidentLevel | null,
    affects: {
      confidentiality: r.affectsConfidentiality,
      integrity: r.affectsIntegrity,
      availability: r.affectsAvailability,
    },
    personalRecords: r.personalRecords,
    personalDataCategories: (r.personalDataCategories ?? []) as Incident['personalDataCategories'],
    wrongfulIntent: r.wrongfulIntent,
    triagedAt: isoOrNull(r.triagedAt),
    triagedBy: person(r.triagedById, r.triagedByName),
    containedAt: isoOrNull(r.containedAt),
    eradicatedAt: isoOrNull(r.eradicatedAt),
    recoveredAt: isoOrNull(r.recoveredAt),
    closedBy: person(r.closedById, r.closedByName),
    volume: r.volume,
    volumeUnit: r.volumeUnit,
    downtimeMinutes: r.downtimeMinutes,
    durationMinutes: durationOf(r, now),
    costs: { ...costs, total: (costs.response ?? 0) + (costs.recovery ?? 0) + (costs.loss ?? 0) },
    rootCause: r.rootCause,
    lessonsLearned: r.lessonsLearned,
    recurrencePrevention: r.recurrencePrevention,
    assets,
    risks: risks.map((k) => ({
      id: k.id,
      reference: k.code,
      title: [k.assetName, k.threatJa ?? k.threatEn].filter(Boolean).join(' / '),
      level: k.level,
      reassessmentRequestedAt: isoOrNull(k.reassessmentRequestedAt),
      reassessed: k.reassessed,
    })),
    clocks: clocksOf(
      {
        type: r.type as IncidentType,
        personalData: r.personalData,
        wrongfulIntent: r.wrongfulIntent,
        discoveredAt: new Date(r.discoveredAt),
      },
      obligations,
      sent,
      settings.timeZone,
      now,
    ),
    notifications: sent.map((n) => ({
      id: n.id,
      obligationId: n.obligationId,
      recipient: n.recipient,
      sentAt: n.sentAt.toISOString(),
      channel: n.channel as Incident['notifications'][number]['channel'],
      summary: n.summary,
      sentBy: person(n.sentById, n.sentByName),
    })),
    timeline: timeline.map((t) => ({
      id: t.id,
      kind: t.kind as Incident['timeline'][number]['kind'],
      at: iso(t.at),
      actor: person(t.actorId, t.actorName),
      fromStatus: t.fromStatus as IncidentStatus | null,
      toStatus: t.toStatus as IncidentStatus | null,
      text: t.text,
    })),
    raised: raised.map((x) => ({
      kind: x.kind,
      id: x.id,
      reference:
        x.kind === 'nonconformity' ? nonconformityCode(x.number) : improvementCode(x.number),
      title: x.title,
      status: x.status,
    })),
    record: r.recordId ? { id: r.recordId, reference: r.recordTitle ?? '' } : null,
    can: {
      handle: handles,
      attach: status !== 'closed' && (handles || isReporter),
    },
    nextStatuses: handles ? nextStatuses(status) : [],
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

/** The incident for the caller; 404 when it does not exist or is not theirs to see. */
export async function getIncident(db: Db | Executor, ctx: RequestContext, id: string) {
  const access = await incidentAccess(db, ctx);
  const row = await incidentAccessRow(db, ctx.actor.organizationId, id);
  assertSees(access, row);
  return presentIncident(db, ctx, access, id);
}
