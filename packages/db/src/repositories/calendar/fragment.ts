import { sql, type SQL } from 'drizzle-orm';
import type { IncidentVisibility } from '../incidents-access.ts';

/**
 * One area's part of the due-item query: a select of the DueItem columns
 * (kind, area, subject_id, key, title, due_on, event, responsible_id, href)
 * over the area's own tables, open work only. The fragments are combined with
 * UNION ALL into one query (index.ts); none runs on its own.
 */
export interface FragmentParams {
  org: string;
  /** The day "today" is, organization time (YYYY-MM-DD). */
  today: string;
  /** Approvals: only those this user may decide (assigned to them or one of their roles). */
  approver?: { userId: string; roles: readonly string[] } | undefined;
  /** Incidents: only those this visibility lets the reader see (confidential ones hidden). */
  incidents?: IncidentVisibility | undefined;
}

export interface Fragment {
  kind: string;
  /** The navigation area the items belong to (one fragment, one area). */
  area: string;
  select: (p: FragmentParams) => SQL;
}

interface ItemColumns {
  kind: string;
  area: string;
  subject: SQL;
  title: SQL;
  dueOn: SQL;
  event?: boolean;
  responsible: SQL;
  href: SQL;
  /** A deadline that comes back (a review every year): the key names the date too. */
  recurring?: boolean;
}

/** The select list every fragment shares, in the one column order UNION ALL needs. */
export function itemColumns(c: ItemColumns): SQL {
  const subject = sql`(${c.subject})::text`;
  const due = sql`(${c.dueOn})::date`;
  const key = c.recurring
    ? sql`${c.kind}::text || ':' || ${subject} || ':' || ${due}::text`
    : sql`${c.kind}::text || ':' || ${subject}`;
  return sql`select ${c.kind}::text as kind, ${c.area}::text as area, ${subject} as subject_id,
    ${key} as key, (${c.title})::text as title, ${due} as due_on,
    ${c.event ?? false}::boolean as event, (${c.responsible})::uuid as responsible_id,
    (${c.href})::text as href`;
}
