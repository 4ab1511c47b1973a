import { sql } from 'drizzle-orm';
import { itemColumns, type Fragment } from './fragment.ts';

/** Internal audits planned or under way, on their planned start (events of the lead auditor). */
export const audit: Fragment = {
  kind: 'audit',
  area: 'internalAudits',
  select: ({ org }) => sql`${itemColumns({
    kind: 'audit',
    area: 'internalAudits',
    subject: sql`a.id`,
    title: sql`a.code || ' ' || a.title`,
    dueOn: sql`a.planned_start`,
    event: true,
    responsible: sql`a.lead_auditor_id`,
    href: sql`'/internal-audits/' || a.id`,
  })}
  from audits a
  where a.organization_id = ${org} and a.status in ('planned', 'in_progress')`,
};

/** Findings still open with a due date for their correction (the audit's follow-up). */
export const auditFollowup: Fragment = {
  kind: 'audit_followup',
  area: 'internalAudits',
  select: ({ org }) => sql`${itemColumns({
    kind: 'audit_followup',
    area: 'internalAudits',
    subject: sql`f.id`,
    title: sql`a.code || '-' || f.number`,
    dueOn: sql`f.due_date`,
    responsible: sql`null`,
    href: sql`'/internal-audits/' || a.id`,
  })}
  from audit_findings f join audits a on a.id = f.audit_id
  where f.organization_id = ${org} and f.status = 'open' and f.due_date is not null`,
};
