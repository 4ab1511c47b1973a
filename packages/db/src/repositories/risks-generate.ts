import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { SCORE_INPUTS, type CompiledMethod } from './risks-compute.ts';
import { lockRiskNumbering, maxRiskSeq, riskCodeSql } from './risks.ts';
import { insertScoresSql, keyMatch } from './risks-scores.ts';

const NO_VULNERABILITY = sql`'00000000-0000-0000-0000-000000000000'::uuid`;

export interface GenerateRule {
  assetIds?: string[] | undefined;
  categories?: string[] | undefined;
  threatIds?: string[] | undefined;
  /** One risk per asset × threat, or per asset × threat × exploiting vulnerability. */
  pairing: 'per_threat' | 'per_vulnerability';
  ownerFromAsset: boolean;
  /** Ease of exploitation of a risk without a matching vulnerability. */
  defaultVulnerabilityLevel: number;
  /** The method in force: the new keys of new risks get their values computed. */
  method?: CompiledMethod | undefined;
}

/**
 * Bulk generation from rules: every asset in use × every active threat that
 * applies to its category, with the vulnerabilities of that category the threat
 * exploits, in ONE insert … select. The threat × vulnerability pairing depends
 * only on the category, so it is worked out once per category (a few hundred
 * rows) and joined to the assets. Existing combinations are left alone.
 * One statement before it inserts the keys (risk_scores) the new risks need.
 * Returns the first new sequence number and how many risks were created.
 */
export async function generateRisks(db: Executor, organizationId: string, rule: GenerateRule) {
  await lockRiskNumbering(db, organizationId);
  const base = await maxRiskSeq(db, organizationId);
  await db.execute(generationScoresSql(organizationId, rule));
  const [row] = await queryRows<{ created: number; assets: number }>(
    db,
    generateRisksSql(organizationId, rule, base),
  );
  return { fromSeq: base + 1, created: row?.created ?? 0, assets: row?.assets ?? 0 };
}

/** The assets a generation covers, in code order (it runs a chunk of them at a time). */
export async function generationAssetIds(
  db: Executor,
  organizationId: string,
  rule: Pick<GenerateRule, 'assetIds' | 'categories'>,
) {
  const filters: SQL[] = [sql`organization_id = ${organizationId}`, sql`status = 'in_use'`];
  if (rule.assetIds) filters.push(sql`id = any(${sql.param(rule.assetIds)}::uuid[])`);
  if (rule.categories) filters.push(sql`category = any(${sql.param(rule.categories)}::text[])`);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from assets where ${sql.join(filters, sql` and `)} order by code, id`,
  );
  return rows.map((r) => r.id);
}

/** The asset × threat (× vulnerability) pairs of a generation, as CTEs ending in `picked`. */
function pairsSql(organizationId: string, rule: GenerateRule) {
  const threatFilter = rule.threatIds
    ? sql`and t.id = any(${sql.param(rule.threatIds)}::uuid[])`
    : sql``;
  // per_threat keeps the most easily exploited vulnerability (then the lowest code).
  const pick =
    rule.pairing === 'per_threat'
      ? sql`select distinct on (p.category, p.threat_id) * from pairs p
            order by p.category, p.threat_id, p.level desc nulls last, p.vcode nulls last`
      : sql`select * from pairs`;
  return sql`
    with cats as (
      select unnest(array['information','software','physical','service','people','intangible']) as category
    ),
    pairs as (
      select k.category, t.id as threat_id, t.code as tcode, t.default_likelihood, t.affects, v.id as vulnerability_id,
        coalesce(v.default_level, ${rule.defaultVulnerabilityLevel}::int) as level, v.code as vcode
      from cats k
      join threats t on t.organization_id = ${organizationId} and t.active
        and k.category = any(t.asset_categories) ${threatFilter}
      left join vulnerabilities v on v.organization_id = ${organizationId} and v.active
        and k.category = any(v.asset_categories) and t.code = any(v.exploited_by)
    ),
    picked as (${pick})`;
}

function assetFilters(organizationId: string, rule: GenerateRule) {
  const filters: SQL[] = [sql`a.organization_id = ${organizationId}`, sql`a.status = 'in_use'`];
  if (rule.assetIds) filters.push(sql`a.id = any(${sql.param(rule.assetIds)}::uuid[])`);
  if (rule.categories) filters.push(sql`a.category = any(${sql.param(rule.categories)}::text[])`);
  return sql.join(filters, sql` and `);
}

/** A new risk's key inputs (no impact, no treatment) from assets a and picked pairs p. */
const NEW_RISK_INPUTS: SQL[] = [
  sql`a.confidentiality`,
  sql`a.integrity`,
  sql`a.availability`,
  sql`p.affects`,
  sql`p.default_likelihood`,
  sql`p.level`,
  sql`null::int`,
  sql`null::int`,
  sql`null::int`,
  sql`null::int`,
  sql`false`,
];

/** The same inputs from the candidates c of the insert. */
const CANDIDATE_INPUTS: SQL[] = [
  sql`c.confidentiality`,
  sql`c.integrity`,
  sql`c.availability`,
  sql`c.affects`,
  sql`c.default_likelihood`,
  sql`c.level`,
  ...NEW_RISK_INPUTS.slice(6),
];

/**
 * The keys of every pair the generation covers (a superset of the new risks:
 * a key no risk uses costs a row), so the insert can join them.
 */
export function generationScoresSql(organizationId: string, rule: GenerateRule) {
  const inputs = sql.join(
    NEW_RISK_INPUTS.map((e, i) => sql`${e} as ${sql.raw(SCORE_INPUTS[i]!)}`),
    sql`, `,
  );
  return sql`${pairsSql(organizationId, rule)}
    ${insertScoresSql(
      organizationId,
      rule.method ?? null,
      sql`select distinct ${inputs} from assets a join picked p on p.category = a.category
        where ${assetFilters(organizationId, rule)}`,
    )}`;
}

/** The one statement of a generation, numbering new risks after `base`. */
export function generateRisksSql(organizationId: string, rule: GenerateRule, base: number) {
  const n = sql`${base}::int + c.n`;
  return sql`${pairsSql(organizationId, rule)},
    -- Existing combinations, read once before the insert: probing the table
    -- being written would rescan its own new index entries for every row.
    existing as materialized (
      select asset_id, threat_id, coalesce(vulnerability_id, ${NO_VULNERABILITY}) as vkey
      from risks where organization_id = ${organizationId}
    ),
    -- Materialized: the key lookup below must not change how the new pairs are found.
    candidates as materialized (
      select a.id as asset_id, p.threat_id, p.vulnerability_id, p.default_likelihood, p.level,
        ${rule.ownerFromAsset ? sql`a.owner_user_id` : sql`null::uuid`} as owner_user_id,
        row_number() over (order by a.code, p.tcode, p.vcode) as n,
        a.confidentiality, a.integrity, a.availability, p.affects
      from assets a
      join picked p on p.category = a.category
      left join existing e on e.asset_id = a.id and e.threat_id = p.threat_id
        and e.vkey = coalesce(p.vulnerability_id, ${NO_VULNERABILITY})
      where ${assetFilters(organizationId, rule)} and e.asset_id is null
    ),
    inserted as (
      insert into risks (organization_id, seq, code, asset_id, threat_id, vulnerability_id,
        likelihood, vulnerability_level, owner_user_id, score_id)
      select ${organizationId}, ${n}, ${riskCodeSql(n)}, c.asset_id, c.threat_id,
        c.vulnerability_id, c.default_likelihood, c.level, c.owner_user_id, k.id
      from candidates c
      join risk_scores k on ${keyMatch(organizationId, CANDIDATE_INPUTS)}
      returning asset_id
    )
    select count(*)::int as created, count(distinct asset_id)::int as assets from inserted`;
}

/** Starter rows copied into an organization's own threats and vulnerabilities. */
export interface StarterThreatRow {
  code: string;
  groupId: string;
  nameJa: string;
  nameEn: string;
  description: { ja: string; en: string };
  origin: string[];
  affects: string[];
  assetCategories: string[];
  defaultLikelihood: number;
  relatedControls: string[];
}
export interface StarterVulnerabilityRow {
  code: string;
  groupId: string;
  nameJa: string;
  nameEn: string;
  description: { ja: string; en: string };
  assetCategories: string[];
  defaultLevel: number;
  exploitedBy: string[];
  relatedControls: string[];
}

/** Seeds both catalogs once (first use); returns whether anything was inserted. */
export async function seedRiskCatalogs(
  db: Executor,
  organizationId: string,
  threatRows: StarterThreatRow[],
  vulnerabilityRows: StarterVulnerabilityRow[],
) {
  const [seen] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from threats where organization_id = ${organizationId}`,
  );
  if ((seen?.n ?? 0) > 0) return false;
  await db.execute(sql`
    insert into threats (organization_id, code, group_id, name_ja, name_en, description, origin,
      affects, asset_categories, default_likelihood, related_controls, source)
    select ${organizationId}::uuid, r.code, r."groupId", r."nameJa", r."nameEn", r.description,
      r.origin, r.affects, r."assetCategories", r."defaultLikelihood", r."relatedControls", 'starter'
    from jsonb_to_recordset(${JSON.stringify(threatRows)}::jsonb) as r(code text, "groupId" text,
      "nameJa" text, "nameEn" text, description jsonb, origin text[], affects text[],
      "assetCategories" text[], "defaultLikelihood" int, "relatedControls" text[])
    on conflict (organization_id, code) do nothing`);
  await db.execute(sql`
    insert into vulnerabilities (organization_id, code, group_id, name_ja, name_en, description,
      asset_categories, default_level, exploited_by, related_controls, source)
    select ${organizationId}::uuid, r.code, r."groupId", r."nameJa", r."nameEn", r.description,
      r."assetCategories", r."defaultLevel", r."exploitedBy", r."relatedControls", 'starter'
    from jsonb_to_recordset(${JSON.stringify(vulnerabilityRows)}::jsonb) as r(code text,
      "groupId" text, "nameJa" text, "nameEn" text, description jsonb, "assetCategories" text[],
      "defaultLevel" int, "exploitedBy" text[], "relatedControls" text[])
    on conflict (organization_id, code) do nothing`);
  return true;
}
