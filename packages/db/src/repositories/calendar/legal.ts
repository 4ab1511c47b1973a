import { sql } from 'drizzle-orm';
import { itemColumns, type Fragment } from './fragment.ts';

/** Active obligations by their next review date (the register's reviewDueCounts). */
export const legalReview: Fragment = {
  kind: 'legal_review',
  area: 'legal',
  select: ({ org }) => sql`${itemColumns({
    kind: 'legal_review',
    area: 'legal',
    subject: sql`o.id`,
    title: sql`o.code || ' ' || o.title`,
    dueOn: sql`o.next_review_date`,
    responsible: sql`o.owner_user_id`,
    href: sql`'/legal/' || o.id`,
    recurring: true,
  })}
  from legal_obligations o
  where o.organization_id = ${org} and o.status = 'active'`,
};
