import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * Who sees which incidents, as one SQL filter every incident query shares
 * (list, statistics, dashboard, exports): a confidential incident is seen
 * only by readers allowed confidential ones, its reporter and its assignee.
 */

export interface IncidentVisibility {
  /** 'all': every incident of the organization (minus confidential ones without `confidential`). */
  read: 'all' | 'own';
  confidential: boolean;
  userId: string | null;
}

/** A filter over an `incidents` alias (trusted SQL, e.g. sql`i`). */
export function visibleIncidentsSql(alias: SQL, v: IncidentVisibility): SQL {
  const mine = sql`(${alias}.reporter_id = ${v.userId} or ${alias}.assignee_id = ${v.userId})`;
  if (v.read === 'own') return mine;
  if (v.confidential) return sql`true`;
  return sql`(not ${alias}.confidential or ${mine})`;
}

/**
 * Whether the user is on the incident team: holds (or deputizes for) the team's
 * ISMS role today, or belongs to the team's unit.
 */
export async function isOnIncidentTeam(db: Executor, org: string, userId: string) {
  const [row] = await queryRows<{ on_team: boolean }>(
    db,
    sql`
    select exists (
      select 1 from incident_settings s
      where s.organization_id = ${org} and (
        exists (
          select 1 from isms_role_assignments a
          where a.organization_id = ${org} and a.role_id = s.team_role_id and a.user_id = ${userId}
            and a.starts_on <= current_date and (a.ends_on is null or a.ends_on >= current_date))
        or exists (
          select 1 from users u
          where u.organization_id = ${org} and u.id = ${userId} and u.org_unit_id = s.team_unit_id))
    ) as on_team`,
  );
  return row?.on_team ?? false;
}

export interface IncidentAccessRow {
  id: string;
  number: number;
  type: string;
  title: string;
  status: string;
  confidential: boolean;
  reporterId: string | null;
  assigneeId: string | null;
  unitId: string | null;
  personalData: boolean;
  wrongfulIntent: boolean;
  discoveredAt: Date;
  version: number;
}

/** The columns every incident service checks before acting (visibility, handling, status, version). */
export async function incidentAccessRow(
  db: Executor,
  org: string,
  id: string,
): Promise<IncidentAccessRow | undefined> {
  const [row] = await queryRows<IncidentAccessRow & { discoveredAt: string | Date }>(
    db,
    sql`select id, number, type, title, status, confidential, reporter_id as "reporterId",
        assignee_id as "assigneeId", unit_id as "unitId", personal_data as "personalData",
        wrongful_intent as "wrongfulIntent", discovered_at as "discoveredAt", version
      from incidents where organization_id = ${org} and id = ${id}`,
  );
  return row ? { ...row, discoveredAt: new Date(row.discoveredAt) } : undefined;
}

/**
 * Of the given ids, those of confidential incidents and of their notifications:
 * the audit log hides what such events say from readers who may not see them.
 */
export async function confidentialIncidentObjects(
  db: Executor,
  org: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const list = sql.param([...ids]);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select i.id from incidents i
      where i.organization_id = ${org} and i.confidential and i.id = any(${list}::uuid[])
      union all
      select n.id from incident_notifications n join incidents i on i.id = n.incident_id
      where n.organization_id = ${org} and i.confidential and n.id = any(${list}::uuid[])`,
  );
  return new Set(rows.map((r) => r.id));
}
