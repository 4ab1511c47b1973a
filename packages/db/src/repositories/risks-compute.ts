import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';

/**
 * The risk method compiled to SQL parameters. The domain builds it from the
 * approved method; every risk value, band and evaluation is then computed by
 * one UPDATE over the whole register, never row by row in Node.
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
 * Asset value from C/I/A of the asset aliased `a`: only the properties in
 * `affects` (the threat's) count when scoring per property.
 */
function assetValueExpr(m: CompiledMethod, affects: SQL = sql`t.affects`): SQL {
  const min = sql`${m.ciaMin}::int`;
  const props = ['confidentiality', 'integrity', 'availability'] as const;
  if (m.derivation === 'sum') {
    return sql`(coalesce(a.confidentiality, ${min}) + coalesce(a.integrity, ${min}) + coalesce(a.availability, ${min}))`;
  }
  const parts = props.map((p) => {
    const col = sql.raw(`a.${p}`);
    if (m.derivation === 'max') return sql`${col}`;
    return sql`case when cardinality(${affects}) = 0 or ${p} = any(${affects}) then ${col} end`;
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

/**
 * The computed columns of a new risk (no treatment yet) as select expressions,
 * so bulk generation writes its values in the insert instead of a second pass
 * over the new rows. `a` is the asset; likelihood and vulnerability are levels.
 */
export function freshRiskValues(
  m: CompiledMethod,
  affects: SQL,
  likelihood: SQL,
  vulnerability: SQL,
): { assetValue: SQL; value: SQL; level: SQL; evaluation: SQL } {
  const av = assetValueExpr(m, affects);
  const value = valueExpr(m, av, likelihood, vulnerability, av);
  return { assetValue: av, value, level: levelOf(m, value), evaluation: evaluationOf(m, value) };
}

export interface RecomputeScope {
  /** Only these risks. */
  ids?: string[];
  /** Only risks numbered from this sequence on (freshly generated ones). */
  fromSeq?: number;
  /** Only the risks of these assets (their C/I/A changed). */
  assetIds?: string[];
}

/**
 * Recomputes asset value, value, level, evaluation and the planned residual
 * of every risk in scope in one statement; unchanged rows are not written.
 * Returns the number of risks whose values changed.
 */
export async function recomputeRisks(
  db: Executor,
  organizationId: string,
  m: CompiledMethod,
  scope: RecomputeScope = {},
) {
  return affected(await db.execute(recomputeSql(organizationId, m, scope)));
}

/** The one UPDATE of a recompute. */
export function recomputeSql(
  organizationId: string,
  m: CompiledMethod,
  scope: RecomputeScope = {},
) {
  const av = sql`s.av`;
  const value = valueExpr(m, av, sql`s.l`, sql`s.v`, sql`coalesce(s.i, s.av)`);
  const residual = valueExpr(
    m,
    av,
    sql`coalesce(s.rl, s.l)`,
    sql`coalesce(s.rv, s.v)`,
    sql`coalesce(s.ri, s.i, s.av)`,
  );
  const filters: SQL[] = [sql`r.organization_id = ${organizationId}`];
  if (scope.ids) filters.push(sql`r.id = any(${sql.param(scope.ids)}::uuid[])`);
  if (scope.assetIds) filters.push(sql`r.asset_id = any(${sql.param(scope.assetIds)}::uuid[])`);
  if (scope.fromSeq !== undefined) filters.push(sql`r.seq >= ${scope.fromSeq}::int`);
  return sql`
    update risks r set
      asset_value = x.av, value = x.value, level = x.level, evaluation = x.evaluation,
      residual_value = x.rvalue, residual_level = x.rlevel, residual_evaluation = x.revaluation,
      version = r.version + 1
    from (
      select y.*, ${levelOf(m, sql`y.value`)} as level, ${evaluationOf(m, sql`y.value`)} as evaluation,
        ${levelOf(m, sql`y.rvalue`)} as rlevel, ${evaluationOf(m, sql`y.rvalue`)} as revaluation
      from (
        select s.id, s.av, ${value} as value,
          case when s.opt is null then null else ${residual} end as rvalue
        from (
          select r.id, r.likelihood as l, r.vulnerability_level as v, r.impact as i,
            r.residual_likelihood as rl, r.residual_vulnerability_level as rv,
            r.residual_impact as ri, r.treatment_option as opt, ${assetValueExpr(m)} as av
          from risks r
          join assets a on a.id = r.asset_id
          join threats t on t.id = r.threat_id
          where ${sql.join(filters, sql` and `)}
        ) s
      ) y
    ) x
    where r.id = x.id and r.organization_id = ${organizationId}
      and (r.asset_value is distinct from x.av or r.value is distinct from x.value
        or r.level is distinct from x.level or r.evaluation is distinct from x.evaluation
        or r.residual_value is distinct from x.rvalue or r.residual_level is distinct from x.rlevel
        or r.residual_evaluation is distinct from x.revaluation)
  `;
}

/** Rows touched by a statement, on either driver. */
export function affected(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}

/**
 * Refreshes the planner's statistics of the register after a bulk write, so
 * the filters of the next list see the new distribution of values and levels.
 */
export async function analyzeRisks(db: Executor) {
  await db.execute(sql`analyze risks`);
}

/** Clears computed values when no method is in force. */
export async function clearRiskValues(db: Executor, organizationId: string) {
  await db.execute(sql`
    update risks set asset_value = null, value = null, level = null, evaluation = null,
      residual_value = null, residual_level = null, residual_evaluation = null
    where organization_id = ${organizationId} and value is not null`);
}
