import { sql } from 'drizzle-orm';
import { itemColumns, type Fragment } from './fragment.ts';

/**
 * Reviews of change (4.2.3.c): each kind of change is reviewed at least every
 * 12 months (the conformity rule's window), so the next one is due a year
 * after the latest; a kind never reviewed is due today.
 */
export const riskReview: Fragment = {
  kind: 'risk_review',
  area: 'risks',
  select: ({ org, today }) => sql`${itemColumns({
    kind: 'risk_review',
    area: 'risks',
    subject: sql`k.kind`,
    title: sql`k.kind`,
    dueOn: sql`coalesce((select max(c.reviewed_on) from risk_change_reviews c
      where c.organization_id = ${org} and c.kind = k.kind) + interval '12 months',
      ${today}::date)`,
    responsible: sql`null`,
    href: sql`'/risks/assessments'`,
    recurring: true,
  })}
  from (values ('organization'), ('technology'), ('business'), ('threats'), ('external')) k(kind)`,
};

/** Treatment actions not done or cancelled, by their due date (the plan's "due"). */
export const treatmentAction: Fragment = {
  kind: 'treatment_action',
  area: 'treatmentPlan',
  select: ({ org }) => sql`${itemColumns({
    kind: 'treatment_action',
    area: 'treatmentPlan',
    subject: sql`a.id`,
    title: sql`a.code || ' ' || a.title`,
    dueOn: sql`a.due_date`,
    responsible: sql`a.owner_user_id`,
    href: sql`'/treatment-plan'`,
  })}
  from treatment_actions a
  where a.organization_id = ${org} and a.status in ('planned', 'in_progress')
    and a.due_date is not null`,
};
