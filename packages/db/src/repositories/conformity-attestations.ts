import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/** An approved attestation in force today: the item it makes met, and until when. */
export interface AttestationInForce {
  id: string;
  itemId: string;
  validUntil: string;
}

export interface AttestationFacts {
  /** One per item (the one valid longest), approved and with today inside its validity. */
  inForce: AttestationInForce[];
  /**
   * Items whose latest approved attestation ended within the last 90 days and
   * that no attestation in force covers now (to renew, or to evidence otherwise).
   */
  lapsedItemIds: string[];
}

/** The approved attestations the engine and the due list look at. */
export async function attestationFacts(
  db: Executor,
  org: string,
  today: string,
): Promise<AttestationFacts> {
  const inForce = await queryRows<{ id: string; item_id: string; valid_until: string }>(
    db,
    sql`
    select distinct on (item_id) id, item_id, to_char(valid_until, 'YYYY-MM-DD') as valid_until
    from conformity_attestations
    where organization_id = ${org} and status = 'approved'
      and valid_from <= ${today}::date and valid_until >= ${today}::date
    order by item_id, valid_until desc, id`,
  );
  const lapsed = await queryRows<{ item_id: string }>(
    db,
    sql`
    select distinct a.item_id from conformity_attestations a
    where a.organization_id = ${org} and a.status = 'approved'
      and a.valid_until < ${today}::date
      and a.valid_until >= ${today}::date - 90
      and not exists (select 1 from conformity_attestations b
        where b.organization_id = a.organization_id and b.item_id = a.item_id
          and b.status = 'approved' and b.valid_until >= ${today}::date)
    order by a.item_id`,
  );
  return {
    inForce: inForce.map((r) => ({ id: r.id, itemId: r.item_id, validUntil: r.valid_until })),
    lapsedItemIds: lapsed.map((r) => r.item_id),
  };
}
