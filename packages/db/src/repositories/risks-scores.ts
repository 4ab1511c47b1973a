import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import {
  affected,
  recomputeScores,
  SCORE_INPUTS,
  SCORE_VALUES,
  scoredSql,
  type CompiledMethod,
} from './risks-compute.ts';

/**
 * Each risk points at the key of its inputs in risk_scores (score_id). Every
 * write of a risk's inputs, of its asset's C/I/A or of its threat's affected
 * properties re-keys the risks it touched here, set-based: first the missing
 * keys are inserted (computed by the method in force), then the risks are
 * pointed at them.
 */
export interface RecomputeScope {
  /** Only these risks, which the caller has just written (and versioned). */
  ids?: string[];
  /** Only risks numbered from this sequence on (freshly generated ones). */
  fromSeq?: number;
  /** Only the risks of these assets (their C/I/A changed). */
  assetIds?: string[];
  /** Only the risks of these threats (their affected properties changed). */
  threatIds?: string[];
}

/** A risk's key inputs from risks r, its asset a and its threat t. */
export const RISK_INPUTS: SQL[] = [
  sql`a.confidentiality`,
  sql`a.integrity`,
  sql`a.availability`,
  sql`t.affects`,
  sql`r.likelihood`,
  sql`r.vulnerability_level`,
  sql`r.impact`,
  sql`r.residual_likelihood`,
  sql`r.residual_vulnerability_level`,
  sql`r.residual_impact`,
  sql`r.treatment_option is not null`,
];

const NULLABLE = new Set<string>([
  'confidentiality',
  'integrity',
  'availability',
  'impact',
  'residual_likelihood',
  'residual_vulnerability_level',
  'residual_impact',
]);

/**
 * The key k of the given inputs (in SCORE_INPUTS order), written as the
 * expressions of the unique index risk_scores_inputs_key so a lookup can use
 * it and a bulk join can hash on it.
 */
export function keyMatch(organizationId: string, inputs: SQL[]): SQL {
  const parts = SCORE_INPUTS.map((col, i) => {
    const k = sql.raw(`k.${col}`);
    return NULLABLE.has(col)
      ? sql`coalesce(${k}, -1) = coalesce(${inputs[i]!}, -1)`
      : sql`${k} = (${inputs[i]!})`;
  });
  return sql`k.organization_id = ${organizationId} and ${sql.join(parts, sql` and `)}`;
}

/**
 * Inserts the keys of the distinct inputs `source` yields (SCORE_INPUTS
 * columns) that do not exist yet, with the values the method gives them.
 */
export function insertScoresSql(organizationId: string, m: CompiledMethod | null, source: SQL) {
  const cols = sql.raw([...SCORE_INPUTS, ...SCORE_VALUES].join(', '));
  return sql`
    insert into risk_scores (organization_id, ${cols})
    select ${organizationId}::uuid, ${cols} from (${scoredSql(m, source)}) x
    on conflict do nothing`;
}

function scopeFilters(organizationId: string, scope: RecomputeScope): SQL[] {
  const filters: SQL[] = [sql`r.organization_id = ${organizationId}`];
  if (scope.ids) filters.push(sql`r.id = any(${sql.param(scope.ids)}::uuid[])`);
  if (scope.assetIds) filters.push(sql`r.asset_id = any(${sql.param(scope.assetIds)}::uuid[])`);
  if (scope.threatIds) filters.push(sql`r.threat_id = any(${sql.param(scope.threatIds)}::uuid[])`);
  if (scope.fromSeq !== undefined) filters.push(sql`r.seq >= ${scope.fromSeq}::int`);
  return filters;
}

/**
 * Points the risks in scope at the keys of their current inputs, inserting
 * the keys that are missing (two statements, whatever the number of risks).
 * A risk whose key changes gets a new version, as its values may have
 * changed; its first key is not a change, and neither is a move caused by an
 * edit of the risk itself (scope `ids`: that edit already counted, so one
 * change is one version). Returns the number of risks moved.
 */
export async function assignScores(
  db: Executor,
  organizationId: string,
  m: CompiledMethod | null,
  scope: RecomputeScope,
) {
  const where = sql.join(scopeFilters(organizationId, scope), sql` and `);
  const bump = scope.ids ? sql`0` : sql`case when r.score_id is null then 0 else 1 end`;
  const inputs = sql.join(
    RISK_INPUTS.map((e, i) => sql`${e} as ${sql.raw(SCORE_INPUTS[i]!)}`),
    sql`, `,
  );
  await db.execute(
    insertScoresSql(
      organizationId,
      m,
      sql`select distinct ${inputs} from risks r join assets a on a.id = r.asset_id
        join threats t on t.id = r.threat_id where ${where}`,
    ),
  );
  return affected(
    await db.execute(sql`
      update risks r set score_id = k.id,
        version = r.version + ${bump}
      from assets a, threats t, risk_scores k
      where ${where} and a.id = r.asset_id and t.id = r.threat_id
        and ${keyMatch(organizationId, RISK_INPUTS)} and r.score_id is distinct from k.id`),
  );
}

/**
 * Recomputes by the method: with a scope, re-keys those risks (their inputs
 * changed); without one, recomputes the organization's keys alone (the method
 * changed), leaving the risks table untouched. Returns the number of risks
 * moved to another key, or whose values changed.
 */
export async function recomputeRisks(
  db: Executor,
  organizationId: string,
  m: CompiledMethod,
  scope: RecomputeScope = {},
) {
  const scoped = Object.values(scope).some((v) => v !== undefined);
  if (scoped) return assignScores(db, organizationId, m, scope);
  return recomputeScores(db, organizationId, m);
}
