import { sql } from 'drizzle-orm';
import { itemColumns, type Fragment } from './fragment.ts';

/**
 * Approvals have no deadline of their own: a request counts overdue on the
 * dashboard once it has waited this many days (conformity's approvalsWaitingFor).
 */
export const APPROVAL_EXPECTED_DAYS = 14;

/**
 * Pending approval requests, due when the dashboard starts counting them
 * overdue. With an approver, only those they may decide now (assigned to them
 * or one of their roles, not their own work where the type segregates
 * authors), shown as theirs.
 */
export const approval: Fragment = {
  kind: 'approval',
  area: 'approvals',
  select: ({ org, approver }) => {
    const mine = approver
      ? sql`and (p.assignee_user_id = ${approver.userId}
          or p.assignee_role = any(${sql.param([...approver.roles])}::text[]))
        and not (coalesce(p.author_id, p.requested_by) = ${approver.userId}
          and coalesce((select s.segregate_author from approval_policies s
            where s.organization_id = p.organization_id
              and s.approval_type = p.approval_type), true))`
      : sql``;
    return sql`${itemColumns({
      kind: 'approval',
      area: 'approvals',
      subject: sql`p.id`,
      title: sql`p.title`,
      dueOn: sql`(p.requested_at at time zone 'UTC')::date + ${APPROVAL_EXPECTED_DAYS}::int`,
      responsible: approver ? sql`${approver.userId}::uuid` : sql`p.assignee_user_id`,
      href: sql`'/approvals'`,
    })}
    from approvals p
    where p.organization_id = ${org} and p.status = 'pending' ${mine}`;
  },
};
