import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * The risk method compiled to SQL parameters. The domain builds it from the
 * approved method; every risk value, band and evaluation is then computed in
 * SQL over the distinct inputs of the register (risk_scores), never in Node.
 */
export interface CompiledMethod {
  derivation: 'max' | 'sum' | 'per_property';
  formula: 'multiplicative' | 'additive' | 'likelihood_impact';
  /**
   * Ascending values of each scale. Risks store levels (1 = lowest) and the
   * SQL looks the value up, so changing a scale value changes every risk.
   */
  threatValues: number[];
  vulnerabilityValues: number[];
  likelihoodValues: number[];
  impactValues: number[];
  /** The grid row by row (likelihood index major), for matrix methods. */
  grid: number[];
  /** Lowest C/I/A value: unset properties count as this. */
  ciaMin: number;
  /** Ascending band minimums; the level is the 1-based index of the band. */
  bandMins: number[];
  acceptableLevel: number;
}

/** A PostgreSQL array literal of integers, passed as one parameter. */
export const intArray = (values: readonly number[]) =>
  sql`${`{${values.map((v) => Math.trunc(v)).join(',')}}`}::int[]`;

/**
 * Asset value from the C/I/A of a key (alias `k`): only the properties in its
 * `affects` (the threat's) count when scoring per property.
 */
function assetValueExpr(m: CompiledMethod): SQL {
  const min = sql`${m.ciaMin}::int`;
  const props = ['confidentiality', 'integrity', 'availability'] as const;
  if (m.derivation === 'sum') {
    return sql`(coalesce(k.confidentiality, ${min}) + coalesce(k.integrity, ${min}) + coalesce(k.availability, ${min}))`;
  }
  const parts = props.map((p) => {
    const col = sql.raw(`k.${p}`);
    if (m.derivation === 'max') return sql`${col}`;
    return sql`case when cardinality(k.affects) = 0 or ${p} = any(k.affects) then ${col} end`;
  });
  return sql`coalesce(greatest(${sql.join(parts, sql`, `)}), ${min})`;
}

/** A stored level clamped to the scale, as a 1-based index into it. */
const levelIndex = (level: SQL, size: number) => sql`least(greatest(${level}, 1), ${size}::int)`;
/** The value of a stored level on a scale. */
const valueAt = (values: number[], level: SQL) =>
  sql`(${intArray(values)})[${levelIndex(level, values.length)}]`;

/**
 * The risk value of likelihood level l, vulnerability level v, impact i and
 * asset value av. For matrix methods i is a level of the impact scale.
 */
function valueExpr(m: CompiledMethod, av: SQL, l: SQL, v: SQL, i: SQL): SQL {
  const t = valueAt(m.threatValues, l);
  const e = valueAt(m.vulnerabilityValues, v);
  if (m.formula === 'multiplicative') return sql`(${av} * ${t} * ${e})`;
  if (m.formula === 'additive') return sql`(${av} + ${t} + ${e})`;
  const li = levelIndex(l, m.likelihoodValues.length);
  const ii = levelIndex(i, m.impactValues.length);
  const cols = m.impactValues.length;
  return sql`(${intArray(m.grid)})[(${li} - 1) * ${cols}::int + ${ii}]`;
}

const levelOf = (m: CompiledMethod, value: SQL) =>
  sql`case when ${value} is null then null else greatest(1, width_bucket(${value}, ${intArray(m.bandMins)})) end`;
const evaluationOf = (m: CompiledMethod, value: SQL) =>
  sql`case when ${value} is null then null when ${value} <= ${m.acceptableLevel}::int then 'accept' else 'treat' end`;

/** The inputs of a key (risk_scores), in column order. */
export const SCORE_INPUTS = [
  'confidentiality',
  'integrity',
  'availability',
  'affects',
  'likelihood',
  'vulnerability_level',
  'impact',
  'residual_likelihood',
  'residual_vulnerability_level',
  'residual_impact',
  'treated',
] as const;
/** The values computed from them. */
export const SCORE_VALUES = [
  'asset_value',
  'value',
  'level',
  'evaluation',
  'residual_value',
  'residual_level',
  'residual_evaluation',
] as const;

/**
 * The rows of `source` (the SCORE_INPUTS columns, and any others) with the
 * SCORE_VALUES the method gives them; all null when no method is in force.
 */
export function scoredSql(m: CompiledMethod | null, source: SQL): SQL {
  if (!m) {
    return sql`select k.*, null::int as asset_value, null::int as value, null::int as level,
      null::text as evaluation, null::int as residual_value, null::int as residual_level,
      null::text as residual_evaluation from (${source}) k`;
  }
  const av = sql`s.asset_value`;
  const value = valueExpr(
    m,
    av,
    sql`s.likelihood`,
    sql`s.vulnerability_level`,
    sql`coalesce(s.impact, ${av})`,
  );
  const residual = valueExpr(
    m,
    av,
    sql`coalesce(s.residual_likelihood, s.likelihood)`,
    sql`coalesce(s.residual_vulnerability_level, s.vulnerability_level)`,
    sql`coalesce(s.residual_impact, s.impact, ${av})`,
  );
  return sql`
    select y.*, ${levelOf(m, sql`y.value`)} as level, ${evaluationOf(m, sql`y.value`)} as evaluation,
      ${levelOf(m, sql`y.residual_value`)} as residual_level,
      ${evaluationOf(m, sql`y.residual_value`)} as residual_evaluation
    from (
      select s.*, ${value} as value, case when s.treated then ${residual} end as residual_value
      from (select k.*, ${assetValueExpr(m)} as asset_value from (${source}) k) s
    ) y`;
}

const inputColumns = sql.raw(SCORE_INPUTS.join(', '));

/**
 * Recomputes the values of every key of the organization (a few thousand
 * rows) in one statement; the risks themselves are not written. Returns the
 * number of risks whose values changed.
 */
export async function recomputeScores(db: Executor, organizationId: string, m: CompiledMethod) {
  const set = sql.raw(SCORE_VALUES.map((c) => `${c} = x.${c}`).join(', '));
  const differs = sql.raw(SCORE_VALUES.map((c) => `s.${c} is distinct from x.${c}`).join(' or '));
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`
      with changed as (
        update risk_scores s set ${set}
        from (${scoredSql(m, sql`select id, ${inputColumns} from risk_scores where organization_id = ${organizationId}`)}) x
        where s.id = x.id and s.organization_id = ${organizationId} and (${differs})
        returning s.id
      )
      select count(*)::int as n from risks r join changed c on c.id = r.score_id
      where r.organization_id = ${organizationId}`,
  );
  return row?.n ?? 0;
}

/** Rows touched by a statement, on either driver. */
export function affected(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}

/**
 * Refreshes the planner's statistics of the register after a bulk write, so
 * the filters of the next list see the new distribution of keys and values.
 */
export async function analyzeRisks(db: Executor) {
  await db.execute(sql`analyze risks, risk_scores`);
}

/** The same after a recompute, which writes the keys alone. */
export async function analyzeScores(db: Executor) {
  await db.execute(sql`analyze risk_scores`);
}

/** Clears computed values (of the keys) when no method is in force. */
export async function clearRiskValues(db: Executor, organizationId: string) {
  await db.execute(sql`
    update risk_scores set asset_value = null, value = null, level = null, evaluation = null,
      residual_value = null, residual_level = null, residual_evaluation = null
    where organization_id = ${organizationId}
      and (asset_value is not null or value is not null or residual_value is not null)`);
}
