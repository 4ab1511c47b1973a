import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * Conformity facts of the legal register (5.2.1.c): active obligations, and
 * those without an owner who is still active, without a control or a
 * document in force answering them, or past their review date. One query;
 * each list at fault is capped.
 */

export const LEGAL_LINK_CAP = 5;

/** An obligation at fault, named by its code and title. */
export interface LegalRef {
  id: string;
  code: string;
  title: string;
}

interface Counted {
  count: number;
  refs: LegalRef[];
}

export interface LegalFacts {
  /** Obligations ever recorded, and those in force. */
  total: number;
  active: number;
  /** Active obligations whose review date has passed. */
  reviewOverdue: Counted;
  /** Active obligations with no owner, or an owner no longer active. */
  withoutOwner: Counted;
  /** Active obligations no control and no document in force answers. */
  unanswered: Counted;
  /** Reviews recorded in the last 12 months. */
  reviews12m: number;
}

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

const fault = (flag: string) =>
  sql.raw(`(select count(*) from facts where ${flag})::int as ${flag},
    (select coalesce(json_agg(json_build_object('id', x.id, 'code', x.code, 'title', x.title)
        order by x.code), '[]')
      from (select id, code, title from facts where ${flag}
        order by code limit ${LEGAL_LINK_CAP}) x) as ${flag}_refs`);

export async function legalFacts(db: Executor, org: string, today: string): Promise<LegalFacts> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with facts as (
      select o.id, o.code, o.title,
        o.next_review_date < ${today}::date as overdue,
        coalesce(u.active, false) = false as without_owner,
        cardinality(o.control_ids) = 0 and not exists (
          select 1 from documents d where d.organization_id = o.organization_id
            and d.id = any(o.document_ids) and d.status <> 'obsolete') as unanswered
      from legal_obligations o
      left join users u on u.id = o.owner_user_id
      where o.organization_id = ${org} and o.status = 'active'
    )
    select
      (select count(*) from legal_obligations where organization_id = ${org})::int as total,
      (select count(*) from facts)::int as active,
      (select count(*) from legal_reviews where organization_id = ${org}
        and reviewed_on > ${today}::date - interval '12 months')::int as reviews12m,
      ${fault('overdue')}, ${fault('without_owner')}, ${fault('unanswered')}`,
  );
  const r = row ?? {};
  const counted = (flag: string): Counted => ({
    count: Number(r[flag] ?? 0),
    refs: parseJson<LegalRef[]>(r[`${flag}_refs`] ?? []),
  });
  return {
    total: Number(r.total ?? 0),
    active: Number(r.active ?? 0),
    reviewOverdue: counted('overdue'),
    withoutOwner: counted('without_owner'),
    unanswered: counted('unanswered'),
    reviews12m: Number(r.reviews12m ?? 0),
  };
}
