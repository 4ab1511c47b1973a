import { sql } from 'drizzle-orm';
import { itemColumns, type Fragment } from './fragment.ts';

/** Issued documents by their next review date (the register's "review due"). */
export const documentReview: Fragment = {
  kind: 'document_review',
  area: 'documents',
  select: ({ org }) => sql`${itemColumns({
    kind: 'document_review',
    area: 'documents',
    subject: sql`d.id`,
    title: sql`d.code || ' ' || d.title`,
    dueOn: sql`d.next_review_date`,
    responsible: sql`d.owner_user_id`,
    href: sql`'/documents/' || d.id`,
    recurring: true,
  })}
  from documents d
  where d.organization_id = ${org} and d.status = 'issued' and d.next_review_date is not null`,
};
