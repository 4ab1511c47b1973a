import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * Whose people and training records a user reaches under 'own' reach: their
 * own, and those of the members of the units they head (with the units below
 * them). Shared by the people and training areas.
 */

/** Ids of the units the user heads, and every unit below them. */
export async function unitsHeadedBy(db: Executor, org: string, userId: string) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with recursive headed as (
      select id from org_units
      where organization_id = ${org} and manager_user_id = ${userId} and active
      union
      select u.id from org_units u join headed h on u.parent_id = h.id
      where u.organization_id = ${org}
    )
    select id from headed`,
  );
  return rows.map((r) => r.id);
}

/** The person's organization unit, or undefined when the user is not of this organization. */
export async function personUnit(db: Executor, org: string, userId: string) {
  const [row] = await queryRows<{ org_unit_id: string | null }>(
    db,
    sql`select org_unit_id from users where organization_id = ${org} and id = ${userId}`,
  );
  return row ? row.org_unit_id : undefined;
}

/**
 * A filter on a users column for lists: everyone under 'all' reach, else the
 * caller and the members of the given units. `userColumn` is trusted SQL.
 */
export function reachablePeopleFilter(
  userColumn: SQL,
  reach: 'all' | 'own',
  callerId: string | null,
  headedUnitIds: readonly string[],
): SQL {
  if (reach === 'all') return sql`true`;
  return sql`(${userColumn} = ${callerId} or ${userColumn} in (
    select id from users where org_unit_id = any(${sql.param([...headedUnitIds])}::uuid[])))`;
}
