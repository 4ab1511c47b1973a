import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { incidentNotifications, incidentTimeline } from '../tables/incidents.ts';

/**
 * What an incident is linked to beyond its own row: notifications sent, its
 * timeline entries written by the respond services, and its related risks with
 * their reassessment requests.
 */

export type NewNotification = Omit<typeof incidentNotifications.$inferInsert, 'id' | 'createdAt'>;
export type NewTimelineEntry = Omit<typeof incidentTimeline.$inferInsert, 'id' | 'createdAt'>;

export async function insertNotification(db: Executor, values: NewNotification) {
  const [row] = await db.insert(incidentNotifications).values(values).returning();
  return row!;
}

export async function insertTimelineEntry(db: Executor, values: NewTimelineEntry) {
  const [row] = await db.insert(incidentTimeline).values(values).returning();
  return row!;
}

/** Touches the incident so lists sorted by change see it (its version is left alone). */
export async function touchIncident(db: Executor, org: string, id: string) {
  await db.execute(
    sql`update incidents set updated_at = now() where organization_id = ${org} and id = ${id}`,
  );
}

export interface IncidentRiskRow {
  id: string;
  code: string;
  assetName: string;
  threatName: string;
  threatNameEn: string;
  level: number | null;
  updatedAt: Date;
  reassessmentRequestedAt: Date | null;
}

/** The incident's related risks in code order. */
export async function incidentRisksOf(db: Executor, org: string, incidentId: string) {
  const rows = await queryRows<
    IncidentRiskRow & { updatedAt: string | Date; reassessmentRequestedAt: string | Date | null }
  >(
    db,
    sql`select r.id, r.code, a.name as "assetName", t.name_ja as "threatName",
        t.name_en as "threatNameEn", rs.level, r.updated_at as "updatedAt",
        ir.reassessment_requested_at as "reassessmentRequestedAt"
      from incident_risks ir
      join incidents i on i.id = ir.incident_id and i.organization_id = ${org}
      join risks r on r.id = ir.risk_id and r.organization_id = ${org}
      join risk_scores rs on rs.id = r.score_id
      join assets a on a.id = r.asset_id
      join threats t on t.id = r.threat_id
      where ir.incident_id = ${incidentId}
      order by r.code`,
  );
  return rows.map((r) => ({
    ...r,
    updatedAt: new Date(r.updatedAt),
    reassessmentRequestedAt: r.reassessmentRequestedAt ? new Date(r.reassessmentRequestedAt) : null,
  }));
}

/** Of the given ids, those that are risks of the organization. */
export async function existingRiskIds(db: Executor, org: string, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from risks where organization_id = ${org}
      and id = any(${sql.param([...ids])}::uuid[])`,
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Makes the related risks exactly `riskIds`: removes the others, adds the new
 * ones, keeps the reassessment requests of those that stay.
 */
export async function replaceIncidentRisks(
  db: Executor,
  incidentId: string,
  riskIds: readonly string[],
) {
  const ids = sql.param([...riskIds]);
  await db.execute(
    sql`delete from incident_risks where incident_id = ${incidentId}
      and not (risk_id = any(${ids}::uuid[]))`,
  );
  if (riskIds.length > 0) {
    await db.execute(
      sql`insert into incident_risks (incident_id, risk_id)
        select ${incidentId}, unnest(${ids}::uuid[])
        on conflict (incident_id, risk_id) do nothing`,
    );
  }
}

/** Marks reassessment asked for the given related risks (all when null); returns the ids marked. */
export async function requestReassessment(
  db: Executor,
  incidentId: string,
  riskIds: readonly string[] | null,
  by: string | null,
) {
  const rows = await queryRows<{ riskId: string }>(
    db,
    sql`update incident_risks set reassessment_requested_at = now(), reassessment_requested_by = ${by}
      where incident_id = ${incidentId}
        ${riskIds ? sql`and risk_id = any(${sql.param([...riskIds])}::uuid[])` : sql``}
      returning risk_id as "riskId"`,
  );
  return rows.map((r) => r.riskId);
}

/** The texts a nonconformity or improvement raised from the incident starts from. */
export async function incidentTextsOf(db: Executor, org: string, id: string) {
  const [row] = await queryRows<{
    description: string;
    rootCause: string;
    lessonsLearned: string;
    timeZone: string;
  }>(
    db,
    sql`select i.description, i.root_cause as "rootCause", i.lessons_learned as "lessonsLearned",
        coalesce(s.time_zone, 'Asia/Tokyo') as "timeZone"
      from incidents i left join incident_settings s on s.organization_id = i.organization_id
      where i.organization_id = ${org} and i.id = ${id}`,
  );
  return row;
}
