import { sql } from 'drizzle-orm';
import { itemColumns, type Fragment } from './fragment.ts';

/**
 * Approved attestations on the day they end, unless a later approved one for
 * the same item already takes over (the dashboard's "lapsed without a successor").
 */
export const attestationExpiry: Fragment = {
  kind: 'attestation_expiry',
  area: 'conformity',
  select: ({ org }) => sql`${itemColumns({
    kind: 'attestation_expiry',
    area: 'conformity',
    subject: sql`a.id`,
    title: sql`a.item_id`,
    dueOn: sql`a.valid_until`,
    responsible: sql`a.requested_by`,
    href: sql`'/conformity'`,
    recurring: true,
  })}
  from conformity_attestations a
  where a.organization_id = ${org} and a.status = 'approved'
    and not exists (select 1 from conformity_attestations b
      where b.organization_id = a.organization_id and b.item_id = a.item_id
        and b.status = 'approved' and b.valid_until > a.valid_until)`,
};
