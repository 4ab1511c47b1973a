import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * The register's views for trends (7.2, 7.3): open nonconformities by age and
 * what recurs (the same cause category, the same requirement item or control),
 * each one grouped query. `visible` is the 'own' reach condition, or none.
 */

export async function ageingOf(db: Executor, organizationId: string, visible: SQL | null) {
  const rows = await queryRows<{ bucket: string; severity: string; count: number }>(
    db,
    sql`select case when age <= 30 then '0_30' when age <= 90 then '31_90'
        when age <= 180 then '91_180' else 'over_180' end as bucket, severity, count(*)::int as count
      from (select current_date - detected_on as age, severity from nonconformities
        where organization_id = ${organizationId} and status <> 'closed'
          ${visible ? sql`and ${visible}` : sql``}) open_ones
      group by 1, 2`,
  );
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** Causes and clauses shared by two or more nonconformities, most frequent first. */
export async function recurrenceOf(db: Executor, organizationId: string, visible: SQL | null) {
  const scope = sql`nonconformities.organization_id = ${organizationId} ${visible ? sql`and ${visible}` : sql``}`;
  const rows = await queryRows<{ kind: string; key: string; count: number }>(
    db,
    sql`select * from (
        select 'cause' as kind, a.fishbone_category as key,
          count(distinct a.nonconformity_id)::int as count
        from nonconformity_analyses a
        join nonconformities on nonconformities.id = a.nonconformity_id
        where ${scope}
        group by a.fishbone_category
        having count(distinct a.nonconformity_id) >= 2
        union all
        select 'clause', c.id, count(*)::int
        from nonconformities,
          unnest(nonconformities.requirement_ids || nonconformities.control_ids) as c(id)
        where ${scope}
        group by c.id
        having count(*) >= 2
      ) recurring
      order by count desc, kind, key
      limit 20`,
  );
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}
