import { sql } from 'drizzle-orm';
import { itemColumns, type Fragment } from './fragment.ts';

/**
 * Competences (qualifications, certificates) that lapse: per person and
 * requirement the best one's end (the earlier of its expiry and its renewal
 * date, as the competence gaps judge it); open-ended ones never lapse.
 * Competences serving no requirement lapse on their own expiry date.
 */
export const competenceExpiry: Fragment = {
  kind: 'competence_expiry',
  area: 'people',
  select: ({ org }) => sql`${itemColumns({
    kind: 'competence_expiry',
    area: 'people',
    subject: sql`e.subject`,
    title: sql`e.name`,
    dueOn: sql`e.valid_until`,
    responsible: sql`e.user_id`,
    href: sql`'/people/gaps'`,
    recurring: true,
  })}
  from (
    select pc.user_id, coalesce(pc.requirement_id, pc.id) || ':' || pc.user_id as subject,
      min(coalesce(q.name, pc.name)) as name,
      max(least(pc.expires_on, case when q.renewal_months is not null and pc.obtained_on is not null
        then (pc.obtained_on + make_interval(months => q.renewal_months))::date end)) as valid_until,
      bool_or(pc.expires_on is null and (q.renewal_months is null or pc.obtained_on is null))
        as open_ended
    from person_competences pc
    join users u on u.id = pc.user_id and u.active
    left join competence_requirements q on q.id = pc.requirement_id
    where pc.organization_id = ${org}
    group by pc.user_id, coalesce(pc.requirement_id, pc.id)
  ) e
  where not e.open_ended and e.valid_until is not null`,
};
