import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../client.ts';
import { approval } from './approvals.ts';
import { attestationExpiry } from './attestations.ts';
import { audit, auditFollowup } from './audits.ts';
import { controlCheck } from './controls.ts';
import { documentReview } from './documents.ts';
import type { Fragment, FragmentParams } from './fragment.ts';
import { correctiveAction, registerImprovement } from './improvement.ts';
import { incidentClock } from './incidents.ts';
import { legalReview } from './legal.ts';
import { objective, objectiveMeasurement } from './objectives.ts';
import { competenceExpiry } from './people.ts';
import { resourcePlan } from './resources.ts';
import { managementReview } from './reviews.ts';
import { riskReview, treatmentAction } from './risks.ts';
import { trainingRenewal, trainingSession } from './training.ts';

export { APPROVAL_EXPECTED_DAYS } from './approvals.ts';

/**
 * Everything with a date someone must do or attend, from every area, in one
 * set-based query (issue 22): each area's fragment selects its open work,
 * UNION ALL joins them, and the range, kinds, areas and person filter in SQL.
 */
export const FRAGMENTS: readonly Fragment[] = [
  documentReview,
  riskReview,
  treatmentAction,
  resourcePlan,
  controlCheck,
  trainingSession,
  trainingRenewal,
  competenceExpiry,
  incidentClock,
  legalReview,
  audit,
  auditFollowup,
  managementReview,
  objectiveMeasurement,
  objective,
  attestationExpiry,
  correctiveAction,
  registerImprovement,
  approval,
];

export interface DueItemQuery extends Omit<FragmentParams, 'org'> {
  from: string;
  to: string;
  kinds?: readonly string[] | undefined;
  areas?: readonly string[] | undefined;
  /** Only items this person is responsible for. */
  responsibleId?: string | undefined;
  /** Kinds the reader sees only where they are responsible themselves ('own' reach). */
  ownOnly?: { userId: string; kinds: readonly string[] } | undefined;
  /** Also items due before `from` (all are open work, so these are overdue). */
  includeOverdue?: boolean | undefined;
  limit: number;
}

export interface DueItemRow {
  kind: string;
  area: string;
  subjectId: string;
  key: string;
  title: string;
  dueOn: string;
  event: boolean;
  responsibleId: string | null;
  responsibleName: string | null;
  href: string;
}

export async function listDueItems(
  db: Executor,
  organizationId: string,
  q: DueItemQuery,
): Promise<{ items: DueItemRow[]; truncated: boolean }> {
  const parts = FRAGMENTS.filter(
    (f) => (!q.kinds || q.kinds.includes(f.kind)) && (!q.areas || q.areas.includes(f.area)),
  );
  if (parts.length === 0) return { items: [], truncated: false };
  const params: FragmentParams = {
    org: organizationId,
    today: q.today,
    approver: q.approver,
    incidents: q.incidents,
  };
  const union = sql.join(
    parts.map((f) => sql`(${f.select(params)})`),
    sql` union all `,
  );
  const since = q.includeOverdue ? sql`` : sql`and d.due_on >= ${q.from}::date`;
  const person = q.responsibleId ? sql`and d.responsible_id = ${q.responsibleId}` : sql``;
  const own =
    q.ownOnly && q.ownOnly.kinds.length > 0
      ? sql`and (d.kind <> all(${sql.param([...q.ownOnly.kinds])}::text[])
          or d.responsible_id = ${q.ownOnly.userId})`
      : sql``;
  const rows = await queryRows<DueItemRow>(
    db,
    sql`select d.kind, d.area, d.subject_id as "subjectId", d.key, d.title,
        to_char(d.due_on, 'YYYY-MM-DD') as "dueOn", d.event,
        d.responsible_id as "responsibleId", u.display_name as "responsibleName", d.href
      from (${union}) d
      left join users u on u.id = d.responsible_id
      where d.due_on <= ${q.to}::date ${since} ${person} ${own}
      order by d.due_on, d.kind, d.key
      limit ${q.limit + 1}`,
  );
  return { items: rows.slice(0, q.limit), truncated: rows.length > q.limit };
}
