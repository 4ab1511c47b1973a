import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { insertOrganization } from '@mamoru/db/repositories/organizations';
import { insertOrgUnit } from '@mamoru/db/repositories/scope';
import { insertAsset } from '@mamoru/db/repositories/assets';
import { insertThreat } from '@mamoru/db/repositories/risks-catalog';
import { assignScores, recomputeRisks } from '@mamoru/db/repositories/risks-scores';
import { generateRisks } from '@mamoru/db/repositories/risks-generate';
import { compileMethod } from './compile.ts';
import {
  assetValue,
  evaluate,
  riskBand,
  riskValue,
  type Property,
  type RiskMethod,
} from './method.ts';
import { additivePreset, likelihoodImpactPreset, multiplicativePreset } from './presets.ts';

/**
 * The SQL the register is recomputed with must give what the pure method
 * rules give, for every formula and derivation, on both databases.
 */
interface Stored {
  likelihood: number;
  vulnerability_level: number;
  impact: number | null;
  asset_value: number;
  value: number;
  level: number;
  evaluation: string;
  confidentiality: number | null;
  integrity: number | null;
  availability: number | null;
  affects: Property[];
}

const methods: [string, RiskMethod][] = [
  ['multiplicative, max of C/I/A', multiplicativePreset()],
  ['Annex E additive', { ...additivePreset(), acceptableLevel: 3 }],
  ['likelihood × impact grid', likelihoodImpactPreset()],
  [
    'multiplicative, sum of C/I/A',
    {
      ...multiplicativePreset(),
      derivation: 'sum',
      bands: multiplicativePreset().bands.map((b, i) => ({ ...b, min: [3, 20, 40][i]! })),
      acceptableLevel: 20,
    },
  ],
  ['multiplicative, per property', { ...multiplicativePreset(), derivation: 'per_property' }],
];

describeEachDatabase('risk values computed in SQL', (ctx) => {
  const db = () => ctx.database.db;
  let org: string;

  beforeAll(async () => {
    org = (await insertOrganization(db(), { name: 'Compute', defaultLocale: 'en' })).id;
    const unit = await insertOrgUnit(db(), { organizationId: org, code: 'U', name: 'Unit' });
    const cia = [null, 0, 1, 2, 3, 4];
    for (let i = 0; i < 12; i++) {
      await insertAsset(db(), {
        organizationId: org,
        code: `A${i}`,
        name: `Asset ${i}`,
        category: 'information',
        ownerUnitId: unit.id,
        confidentiality: cia[i % 6]!,
        integrity: cia[(i * 5 + 1) % 6]!,
        availability: cia[(i * 7 + 2) % 6]!,
      });
    }
    const affects: Property[][] = [['confidentiality'], ['integrity', 'availability'], []];
    for (let t = 0; t < 3; t++) {
      await insertThreat(db(), {
        organizationId: org,
        code: `T${t}`,
        groupId: 'g',
        nameJa: 't',
        nameEn: 't',
        description: { ja: '', en: '' },
        affects: affects[t]!,
        assetCategories: ['information'],
        defaultLikelihood: t + 1,
      });
    }
    const made = await generateRisks(db(), org, {
      pairing: 'per_threat',
      ownerFromAsset: false,
      defaultVulnerabilityLevel: 2,
    });
    expect(made.created).toBe(36);
    // Spread the levels and impacts over the scales, set-based.
    await db().execute(sql`update risks set vulnerability_level = 1 + seq % 3,
      impact = case when seq % 4 = 0 then null else 1 + seq % 5 end where organization_id = ${org}`);
    // Written behind the register's back: point the risks at the keys of their new inputs.
    await assignScores(db(), org, null, { fromSeq: 1 });
  });

  it.each(methods)('%s gives what the method rules give, risk by risk', async (_name, method) => {
    const updated = await recomputeRisks(db(), org, compileMethod(method));
    expect(updated).toBeGreaterThan(0);
    const rows = await queryRows<Stored>(
      db(),
      sql`select r.likelihood, r.vulnerability_level, r.impact, k.asset_value, k.value, k.level,
        k.evaluation, a.confidentiality, a.integrity, a.availability, t.affects
        from risks r join risk_scores k on k.id = r.score_id
        join assets a on a.id = r.asset_id join threats t on t.id = r.threat_id
        where r.organization_id = ${org}`,
    );
    expect(rows).toHaveLength(36);
    const min = Math.min(...method.ciaScale.map((l) => l.value));
    for (const r of rows) {
      const av = assetValue(
        method,
        {
          confidentiality: r.confidentiality ?? min,
          integrity: r.integrity ?? min,
          availability: r.availability ?? min,
        },
        r.affects,
      );
      expect(r.asset_value).toBe(av);
      const impactLevel = Math.min(Math.max(r.impact ?? av, 1), method.impactScale.length);
      const value = riskValue(method, {
        assetValue: av,
        threat: method.threatScale[r.likelihood - 1]!.value,
        vulnerability: method.vulnerabilityScale[r.vulnerability_level - 1]!.value,
        likelihood: method.likelihoodScale[r.likelihood - 1]!.value,
        impact: method.impactScale[impactLevel - 1]!.value,
      });
      expect(r.value).toBe(value);
      expect(method.bands[r.level - 1]).toEqual(riskBand(method, value));
      expect(r.evaluation).toBe(evaluate(method, value));
    }
    // A second run changes nothing: unchanged keys are not rewritten.
    expect(await recomputeRisks(db(), org, compileMethod(method))).toBe(0);
  });

  it.each(methods)(
    '%s: generation writes the values a recompute would give',
    async (_name, method) => {
      const m = compileMethod(method);
      // A fresh register under this method (keys are valued by the method in force).
      await db().execute(sql`delete from risks where organization_id = ${org}`);
      await db().execute(sql`delete from risk_scores where organization_id = ${org}`);
      const made = await generateRisks(db(), org, {
        pairing: 'per_threat',
        ownerFromAsset: false,
        defaultVulnerabilityLevel: 2,
        method: m,
      });
      expect(made.created).toBe(36);
      const [counts] = await queryRows<{ valued: number }>(
        db(),
        sql`select count(k.value)::int as valued from risks r join risk_scores k on k.id = r.score_id
          where r.organization_id = ${org}`,
      );
      expect(counts!.valued).toBe(36);
      // Nothing left for a recompute to change.
      expect(await recomputeRisks(db(), org, m)).toBe(0);
    },
  );
});
