import { sql } from 'drizzle-orm';
import { completionSql } from '../training-completion.ts';
import { itemColumns, type Fragment } from './fragment.ts';

/** Planned training sessions on the day they are held (events). */
export const trainingSession: Fragment = {
  kind: 'training_session',
  area: 'training',
  select: ({ org }) => sql`${itemColumns({
    kind: 'training_session',
    area: 'training',
    subject: sql`s.id`,
    title: sql`'TS-' || lpad(s.number::text, 4, '0') || ' ' || c.title`,
    dueOn: sql`s.held_on`,
    event: true,
    responsible: sql`s.trainer_user_id`,
    href: sql`'/training/sessions/' || s.id`,
  })}
  from training_sessions s join training_courses c on c.id = s.course_id
  where s.organization_id = ${org} and s.status = 'planned'`,
};

/**
 * Required courses due again (completed, with an interval): the day the
 * completion lapses, as the one completion query decides it.
 */
export const trainingRenewal: Fragment = {
  kind: 'training_renewal',
  area: 'training',
  select: ({ org, today }) => sql`${itemColumns({
    kind: 'training_renewal',
    area: 'training',
    subject: sql`r.course_id || ':' || r.user_id`,
    title: sql`c.title`,
    dueOn: sql`r.due_on`,
    responsible: sql`r.user_id`,
    href: sql`'/training/my'`,
    recurring: true,
  })}
  from (${completionSql(org, today, { requiredOnly: true })}) r
  join training_courses c on c.id = r.course_id
  where r.due_on is not null`,
};
