import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * What the minutes export reads besides the review row: attendees with their
 * names, decisions with owner and tracked improvement, the frozen input pack,
 * and the names of the people the review row points at. One query each.
 */

export interface ExportAttendeeRow {
  id: string;
  name: string;
  role: string;
  attended: boolean | null;
}

export interface ExportDecisionRow {
  number: number;
  output: string;
  procedureReason: string | null;
  amount: number | null;
  currency: string;
  title: string;
  description: string;
  inputSections: string[];
  ownerName: string | null;
  dueDate: string;
  improvementNumber: number | null;
  improvementStatus: string | null;
}

export interface ExportInputRow {
  section: string;
  available: boolean;
  figures: Record<string, number>;
  items: unknown[];
  omitted: number;
  discussion: string;
}

export async function exportAttendees(db: Executor, org: string, reviewId: string) {
  return queryRows<ExportAttendeeRow>(
    db,
    sql`select a.id, coalesce(u.display_name, a.name) as name, a.role, a.attended
      from management_review_attendees a
      left join users u on u.id = a.user_id and u.organization_id = a.organization_id
      where a.organization_id = ${org} and a.review_id = ${reviewId}
      order by a.position, coalesce(u.display_name, a.name)`,
  );
}

export async function exportDecisions(db: Executor, org: string, reviewId: string) {
  const rows = await queryRows<ExportDecisionRow & { amount: string | number | null }>(
    db,
    sql`select d.number, d.output, d.procedure_reason as "procedureReason", d.amount, d.currency,
        d.title, d.description, d.input_sections as "inputSections",
        u.display_name as "ownerName", d.due_date::text as "dueDate",
        i.number as "improvementNumber", i.status as "improvementStatus"
      from management_review_decisions d
      left join users u on u.id = d.owner_id and u.organization_id = d.organization_id
      left join improvements i on i.id = d.improvement_id and i.organization_id = d.organization_id
      where d.organization_id = ${org} and d.review_id = ${reviewId}
      order by d.number`,
  );
  // bigint arrives as a string from node-postgres; amounts stay far below 2^53.
  return rows.map((r) => ({ ...r, amount: r.amount === null ? null : Number(r.amount) }));
}

export async function exportInputs(db: Executor, org: string, reviewId: string) {
  return queryRows<ExportInputRow>(
    db,
    sql`select section, available, figures, items, omitted, discussion
      from management_review_inputs
      where organization_id = ${org} and review_id = ${reviewId}`,
  );
}

/** Display names of the organization's users among `ids` (nulls skipped). */
export async function exportUserNames(db: Executor, org: string, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, display_name as name from users
      where organization_id = ${org} and id in (${sql.join(
        wanted.map((id) => sql`${id}`),
        sql`, `,
      )})`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
