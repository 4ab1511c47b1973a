import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { LIST_COLUMNS, LIST_JOINS, type IncidentListRow } from './incidents.ts';

/** What the incident page shows beyond the list columns, one query per part. */

export interface IncidentDetailRow extends IncidentListRow {
  description: string;
  occurredAt: Date | string | null;
  externalRef: string | null;
  locationId: string | null;
  locationName: string | null;
  place: string;
  urgency: string | null;
  affectsConfidentiality: boolean;
  affectsIntegrity: boolean;
  affectsAvailability: boolean;
  personalRecords: number | null;
  personalDataCategories: string[];
  wrongfulIntent: boolean;
  triagedAt: Date | string | null;
  triagedById: string | null;
  triagedByName: string | null;
  containedAt: Date | string | null;
  eradicatedAt: Date | string | null;
  recoveredAt: Date | string | null;
  closedById: string | null;
  closedByName: string | null;
  volume: number | null;
  volumeUnit: string;
  downtimeMinutes: number | null;
  costResponse: number | string | null;
  costRecovery: number | string | null;
  costLoss: number | string | null;
  rootCause: string;
  lessonsLearned: string;
  recurrencePrevention: string;
  recordId: string | null;
  recordTitle: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export async function incidentDetailRow(db: Executor, org: string, id: string) {
  const [row] = await queryRows<IncidentDetailRow>(
    db,
    sql`select ${LIST_COLUMNS}, i.description, i.occurred_at as "occurredAt",
        i.external_ref as "externalRef", i.location_id as "locationId", lo.name as "locationName",
        i.place, i.urgency, i.affects_confidentiality as "affectsConfidentiality",
        i.affects_integrity as "affectsIntegrity", i.affects_availability as "affectsAvailability",
        i.personal_records as "personalRecords",
        i.personal_data_categories as "personalDataCategories",
        i.wrongful_intent as "wrongfulIntent", i.triaged_at as "triagedAt",
        i.triaged_by as "triagedById", tu.display_name as "triagedByName",
        i.contained_at as "containedAt", i.eradicated_at as "eradicatedAt",
        i.recovered_at as "recoveredAt", i.closed_by as "closedById",
        cu.display_name as "closedByName", i.volume, i.volume_unit as "volumeUnit",
        i.downtime_minutes as "downtimeMinutes", i.cost_response as "costResponse",
        i.cost_recovery as "costRecovery", i.cost_loss as "costLoss",
        i.root_cause as "rootCause", i.lessons_learned as "lessonsLearned",
        i.recurrence_prevention as "recurrencePrevention", i.record_id as "recordId",
        rec.title as "recordTitle", i.created_at as "createdAt", i.updated_at as "updatedAt"
      from incidents i ${LIST_JOINS}
        left join locations lo on lo.id = i.location_id
        left join users tu on tu.id = i.triaged_by
        left join users cu on cu.id = i.closed_by
        left join records rec on rec.id = i.record_id and rec.organization_id = i.organization_id
      where i.organization_id = ${org} and i.id = ${id}`,
  );
  return row;
}

export async function incidentAssetsOf(db: Executor, org: string, id: string) {
  return queryRows<{ id: string; code: string; name: string }>(
    db,
    sql`select a.id, a.code, a.name from incident_assets ia
      join assets a on a.id = ia.asset_id and a.organization_id = ${org}
      where ia.incident_id = ${id} order by a.code`,
  );
}

export interface TimelineRow {
  id: string;
  kind: string;
  at: Date | string;
  actorId: string | null;
  actorName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  text: string;
}

/** Oldest first: the order things happened, then the order they were written down. */
export async function incidentTimelineOf(db: Executor, org: string, id: string) {
  return queryRows<TimelineRow>(
    db,
    sql`select t.id, t.kind, t.at, t.actor_id as "actorId", u.display_name as "actorName",
        t.from_status as "fromStatus", t.to_status as "toStatus", t.text
      from incident_timeline t left join users u on u.id = t.actor_id
      where t.organization_id = ${org} and t.incident_id = ${id}
      order by t.at, t.created_at`,
  );
}

export interface IncidentRiskRow {
  id: string;
  code: string;
  assetName: string | null;
  threatJa: string | null;
  threatEn: string | null;
  level: number | null;
  reassessmentRequestedAt: Date | string | null;
  reassessed: boolean;
}

/** Related risks; reassessed once the risk was updated after the request. */
export async function incidentRisksOf(db: Executor, org: string, id: string) {
  return queryRows<IncidentRiskRow>(
    db,
    sql`select r.id, r.code, a.name as "assetName", th.name_ja as "threatJa",
        th.name_en as "threatEn", rs.level,
        ir.reassessment_requested_at as "reassessmentRequestedAt",
        coalesce(r.updated_at > ir.reassessment_requested_at, false) as reassessed
      from incident_risks ir
        join risks r on r.id = ir.risk_id and r.organization_id = ${org}
        join risk_scores rs on rs.id = r.score_id
        left join assets a on a.id = r.asset_id
        left join threats th on th.id = r.threat_id
      where ir.incident_id = ${id} order by r.code`,
  );
}

export interface RaisedRow {
  kind: 'nonconformity' | 'improvement';
  id: string;
  number: number;
  title: string;
  status: string;
}

/** Nonconformities and improvements whose source link points at the incident. */
export async function raisedFromIncident(db: Executor, org: string, id: string) {
  return queryRows<RaisedRow>(
    db,
    sql`select 'nonconformity' as kind, n.id, n.number, n.title, n.status, n.created_at
      from nonconformities n
      where n.organization_id = ${org} and n.source_link->>'type' = 'incident'
        and n.source_link->>'id' = ${id}
      union all
      select 'improvement', m.id, m.number, m.title, m.status, m.created_at
      from improvements m
      where m.organization_id = ${org} and m.source_link->>'type' = 'incident'
        and m.source_link->>'id' = ${id}
      order by created_at`,
  );
}
