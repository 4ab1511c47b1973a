// Fixtures that need a risk at a given level or evaluation, whatever its
// inputs, give it a key of its own holding those values (risks share keys, so
// writing to the key a risk points at would change its neighbours too). The
// key's made-up likelihood (negative, unique) keeps it apart from real ones.
import { sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';

export interface PinnedValues {
  assetValue?: number | null;
  value?: number | null;
  level?: number | null;
  evaluation?: 'accept' | 'treat' | null;
}

export async function pinRiskValues(db: Executor, riskId: string, v: PinnedValues) {
  await db.execute(sql`
    with k as (
      insert into risk_scores (organization_id, affects, likelihood, vulnerability_level, treated,
        asset_value, value, level, evaluation)
      select r.organization_id, '{}', -1 - (select count(*)::int from risk_scores s
          where s.organization_id = r.organization_id and s.likelihood < 0),
        r.vulnerability_level, r.treatment_option is not null,
        ${v.assetValue ?? null}::int, ${v.value ?? null}::int, ${v.level ?? null}::int,
        ${v.evaluation ?? null}::text
      from risks r where r.id = ${riskId}
      returning id
    )
    update risks set score_id = (select id from k) where id = ${riskId}`);
}
