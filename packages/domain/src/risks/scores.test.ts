import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { insertOrganization } from '@mamoru/db/repositories/organizations';
import { insertOrgUnit } from '@mamoru/db/repositories/scope';
import { insertAsset } from '@mamoru/db/repositories/assets';
import { insertThreat } from '@mamoru/db/repositories/risks-catalog';
import { clearRiskValues } from '@mamoru/db/repositories/risks-compute';
import { assignScores, recomputeRisks } from '@mamoru/db/repositories/risks-scores';
import { generateRisks } from '@mamoru/db/repositories/risks-generate';
import { listRisks, riskHeatmap, type RiskFilter } from '@mamoru/db/repositories/risks-list';
import { compileMethod } from './compile.ts';
import { assetValue, type Property } from './method.ts';
import { additivePreset, multiplicativePreset } from './presets.ts';

/**
 * Risk values live in keys of their inputs (risk_scores): a method change
 * writes the keys alone, an input change moves risks to another key.
 */
interface Row {
  id: string;
  xmin: string;
  score_id: string;
  version: number;
  asset_value: number | null;
  value: number | null;
}

describeEachDatabase('risk values by key', (ctx) => {
  const db = () => ctx.database.db;
  let org: string;
  let assetIds: string[];
  let threatIds: string[];
  const multiplicative = multiplicativePreset();
  const perProperty = { ...multiplicativePreset(), derivation: 'per_property' as const };

  const rows = () =>
    queryRows<Row>(
      db(),
      sql`select r.id, r.xmin::text as xmin, r.score_id, r.version, k.asset_value, k.value
        from risks r join risk_scores k on k.id = r.score_id
        where r.organization_id = ${org} order by r.seq`,
    );
  const byId = (list: Row[]) => new Map(list.map((r) => [r.id, r]));
  const risksOf = (assetId: string) =>
    queryRows<{ id: string }>(
      db(),
      sql`select id from risks where organization_id = ${org} and asset_id = ${assetId}`,
    ).then((list) => new Set(list.map((r) => r.id)));

  beforeAll(async () => {
    org = (await insertOrganization(db(), { name: 'Keys', defaultLocale: 'en' })).id;
    const unit = await insertOrgUnit(db(), { organizationId: org, code: 'U', name: 'Unit' });
    assetIds = [];
    for (let i = 0; i < 6; i++) {
      const asset = await insertAsset(db(), {
        organizationId: org,
        code: `A${i}`,
        name: `Asset ${i}`,
        category: 'information',
        ownerUnitId: unit.id,
        // Two assets per C/I/A combination, so risks share keys.
        confidentiality: 1 + (i % 3),
        integrity: 1,
        availability: 2,
      });
      assetIds.push(asset.id);
    }
    threatIds = [];
    const affects: Property[][] = [['confidentiality'], ['availability']];
    for (let t = 0; t < 2; t++) {
      const threat = await insertThreat(db(), {
        organizationId: org,
        code: `T${t}`,
        groupId: 'g',
        nameJa: 't',
        nameEn: 't',
        description: { ja: '', en: '' },
        affects: affects[t]!,
        assetCategories: ['information'],
        defaultLikelihood: 2,
      });
      threatIds.push(threat.id);
    }
    const made = await generateRisks(db(), org, {
      pairing: 'per_threat',
      ownerFromAsset: false,
      defaultVulnerabilityLevel: 2,
      method: compileMethod(multiplicative),
    });
    expect(made.created).toBe(12);
  });

  it('a method change recomputes the keys alone: no risk row is written', async () => {
    const before = await rows();
    const [keys] = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from risk_scores where organization_id = ${org}`,
    );
    // 3 C/I/A combinations × 2 threats: fewer keys than risks.
    expect(keys!.n).toBe(6);
    const changed = await recomputeRisks(db(), org, compileMethod(additivePreset()));
    const after = byId(await rows());
    let differs = 0;
    for (const r of before) {
      const now = after.get(r.id)!;
      expect([now.xmin, now.score_id, now.version]).toEqual([r.xmin, r.score_id, r.version]);
      if (now.value !== r.value) differs += 1;
    }
    // The count is of risks whose values changed, as before keys.
    expect(changed).toBe(differs);
    expect(changed).toBeGreaterThan(0);
    // Clearing (no method in force) also writes the keys alone.
    await clearRiskValues(db(), org);
    const cleared = await rows();
    expect(cleared.every((r) => r.value === null && r.asset_value === null)).toBe(true);
    expect(cleared.map((r) => r.xmin)).toEqual(before.map((r) => r.xmin));
    await recomputeRisks(db(), org, compileMethod(multiplicative));
    expect((await rows()).map((r) => r.value)).toEqual(before.map((r) => r.value));
  });

  it('a C/I/A change moves the asset’s risks to the key of their new inputs', async () => {
    const m = compileMethod(multiplicative);
    const before = byId(await rows());
    const moved = assetIds[0]!;
    await db().execute(sql`update assets set confidentiality = 4 where id = ${moved}`);
    expect(await assignScores(db(), org, m, { assetIds: [moved] })).toBe(2);
    const mine = await risksOf(moved);
    for (const r of await rows()) {
      const old = before.get(r.id)!;
      if (mine.has(r.id)) {
        expect(r.score_id).not.toBe(old.score_id);
        expect(r.version).toBe(old.version + 1);
        expect(r.asset_value).toBe(4); // max of C/I/A
      } else {
        // Other risks, even those that shared the old key, stay where they were.
        expect([r.xmin, r.score_id, r.value]).toEqual([old.xmin, old.score_id, old.value]);
      }
    }
    // Back to the old C/I/A: back to the old key, which still holds its values.
    await db().execute(sql`update assets set confidentiality = 1 where id = ${moved}`);
    await assignScores(db(), org, m, { assetIds: [moved] });
    const again = byId(await rows());
    for (const id of mine) expect(again.get(id)!.score_id).toBe(before.get(id)!.score_id);
  });

  it('a risk moved by an edit of its own keeps the version that edit gave it', async () => {
    const m = compileMethod(multiplicative);
    const [first] = await rows();
    // The edit (the caller's update) counts once; re-keying those ids adds nothing.
    await db().execute(
      sql`update risks set impact = 4, version = version + 1 where id = ${first!.id}`,
    );
    expect(await assignScores(db(), org, m, { ids: [first!.id] })).toBe(1);
    const after = byId(await rows()).get(first!.id)!;
    expect(after.score_id).not.toBe(first!.score_id);
    expect(after.version).toBe(first!.version + 1);
  });

  it('a threat’s affected properties move its risks under per-property scoring', async () => {
    const m = compileMethod(perProperty);
    await recomputeRisks(db(), org, m);
    const threat = threatIds[0]!;
    await db().execute(
      sql`update threats set affects = '{availability}'::text[] where id = ${threat}`,
    );
    await assignScores(db(), org, m, { threatIds: [threat] });
    const assets = await queryRows<{ id: string; confidentiality: number; availability: number }>(
      db(),
      sql`select r.id, a.confidentiality, a.availability from risks r
        join assets a on a.id = r.asset_id where r.threat_id = ${threat}`,
    );
    const now = byId(await rows());
    expect(assets).toHaveLength(6);
    for (const a of assets) {
      const cia = {
        confidentiality: a.confidentiality,
        integrity: 1,
        availability: a.availability,
      };
      expect(now.get(a.id)!.asset_value).toBe(assetValue(perProperty, cia, ['availability']));
    }
  });
  it('a value sort pages through the keys and their risks as one ordered walk would', async () => {
    const [first] = await queryRows<{ level: number }>(
      db(),
      sql`select k.level from risks r join risk_scores k on k.id = r.score_id
        where r.organization_id = ${org} and k.level is not null limit 1`,
    );
    const filters: RiskFilter[] = [{}, { level: first!.level }, { threatId: threatIds[1]! }];
    for (const sort of ['value', 'residualValue'] as const) {
      const column = sort === 'value' ? sql`k.value` : sql`k.residual_value`;
      for (const direction of ['asc', 'desc'] as const) {
        const d = sql.raw(direction);
        for (const filter of filters) {
          const where = [sql`r.organization_id = ${org}`];
          if (filter.level !== undefined) where.push(sql`k.level = ${filter.level}`);
          if (filter.threatId) where.push(sql`r.threat_id = ${filter.threatId}`);
          const expected = await queryRows<{ id: string }>(
            db(),
            sql`select r.id from risks r join risk_scores k on k.id = r.score_id
              where ${sql.join(where, sql` and `)}
              order by coalesce(${column}, -1) ${d}, k.id ${d}, r.id ${d}`,
          );
          expect(expected.length).toBeGreaterThan(1);
          // Page sizes that cut inside a key (two risks share each) and across keys.
          for (const limit of [1, 3]) {
            const walked: string[] = [];
            let cursor: string | undefined;
            do {
              const page = await listRisks(
                db(),
                org,
                filter,
                { sort, direction },
                { limit, cursor },
              );
              walked.push(...page.items.map((r) => r.id));
              cursor = page.nextCursor ?? undefined;
            } while (cursor);
            expect(walked, `${sort} ${direction} ${JSON.stringify(filter)} by ${limit}`).toEqual(
              expected.map((r) => r.id),
            );
          }
        }
      }
    }
  });
  it('the heat map counted per key equals the heat map over the risks, current and residual', async () => {
    const m = compileMethod(multiplicative);
    await recomputeRisks(db(), org, m);
    // Some risks treated with planned residual inputs (some left unset), one impact set on
    // the risk itself: every branch of the cell's likelihood and impact is reached.
    const all = await rows();
    const plan = [
      sql`treatment_option = 'apply_controls', residual_likelihood = 1, residual_impact = 1`,
      sql`treatment_option = 'apply_controls', residual_likelihood = 3`,
      sql`treatment_option = 'retain'`,
      sql`impact = 2`,
    ];
    for (const [i, set] of plan.entries()) {
      await db().execute(
        sql`update risks set ${set}, version = version + 1 where id = ${all[i]!.id}`,
      );
    }
    await assignScores(db(), org, m, { ids: all.slice(0, plan.length).map((r) => r.id) });
    // A key no risk uses any more (its risks changed): it must not show as a cell of 0.
    await db().execute(
      sql`insert into risk_scores (organization_id, affects, likelihood, vulnerability_level, impact, treated, level)
        values (${org}, '{}', 97, 1, 98, false, 1)`,
    );
    const [first] = await queryRows<{ level: number; evaluation: string }>(
      db(),
      sql`select k.level, k.evaluation from risks r join risk_scores k on k.id = r.score_id
        where r.organization_id = ${org} and k.level is not null limit 1`,
    );
    const filters: RiskFilter[] = [
      {},
      { level: first!.level },
      { evaluation: first!.evaluation },
      // A filter on the risks themselves takes the row path: it must agree too.
      { threatId: threatIds[0]! },
    ];
    for (const residual of [false, true]) {
      for (const filter of filters) {
        const where = [sql`r.organization_id = ${org}`];
        if (filter.level !== undefined) where.push(sql`k.level = ${filter.level}`);
        if (filter.evaluation) where.push(sql`k.evaluation = ${filter.evaluation}`);
        if (filter.threatId) where.push(sql`r.threat_id = ${filter.threatId}`);
        // Written here from the risks' own columns, as a reader of the register would.
        const now = { l: sql`r.likelihood`, i: sql`coalesce(r.impact, k.asset_value)` };
        const cell = (planned: ReturnType<typeof sql>, current: ReturnType<typeof sql>) =>
          residual
            ? sql`case when r.treatment_option is null then ${current} else coalesce(${planned}, ${current}) end`
            : current;
        const expected = await queryRows<Record<string, number | null>>(
          db(),
          sql`select (${cell(sql`r.residual_likelihood`, now.l)})::int as likelihood,
              (${cell(sql`r.residual_impact`, now.i)})::int as impact, count(*)::int as count,
              max(${residual ? sql`coalesce(k.residual_level, k.level)` : sql`k.level`})::int as "maxLevel"
            from risks r join risk_scores k on k.id = r.score_id
            where ${sql.join(where, sql` and `)} group by 1, 2 order by 1, 2`,
        );
        expect(expected.length).toBeGreaterThan(0);
        const found = await riskHeatmap(db(), org, filter, residual);
        expect(found, `${residual ? 'residual' : 'current'} ${JSON.stringify(filter)}`).toEqual(
          expected,
        );
      }
    }
  });
});
