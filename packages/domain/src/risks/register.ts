import { allowLongStatements, type Db, type Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/risks';
import type { RiskRow } from '@mamoru/db/repositories/risks';
import * as register from '@mamoru/db/repositories/risks-list';
import type { RiskFilter, RiskSort } from '@mamoru/db/repositories/risks-list';
import * as catalogRepo from '@mamoru/db/repositories/risks-catalog';
import * as compute from '@mamoru/db/repositories/risks-compute';
import * as scores from '@mamoru/db/repositories/risks-scores';
import { generateRisks, generationAssetIds } from '@mamoru/db/repositories/risks-generate';
import * as assetsRepo from '@mamoru/db/repositories/assets';
import type { JobRow } from '@mamoru/db/repositories/jobs';
import type { RiskGenerateRequest } from '@mamoru/contracts';
import { conflict, invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize, authorizeObject } from '../identity/actor.ts';
import { auditable, authorizeWriteAll, checkUser, isUniqueViolation } from '../scope/common.ts';
import { createJob, progressReporter, runJob } from '../jobs/service.ts';
import { ensureCatalogs } from './catalog.ts';
import { compileMethod, middleOf } from './compile.ts';
import { assetValueRange, type RiskMethod } from './method.ts';
import { methodInForce } from './methods.ts';
import { acceptanceBlocker, type RetentionStatus, type TreatmentOption } from './rules.ts';

/**
 * The risk register (4.2.1.d–e). Values are never computed in Node: every
 * write re-runs the method's SQL over the rows it touched.
 */
export const RISK_ENTITY = 'risk';
type Page = { limit: number; cursor?: string | undefined };

/**
 * Points the given risks at the keys of their current inputs (risk_scores),
 * new keys valued by the method in force (or not valued without one).
 */
export async function recomputeSome(tx: Executor, org: string, scope: scores.RecomputeScope) {
  const inForce = await methodInForce(tx, org);
  return scores.assignScores(tx, org, inForce ? compileMethod(inForce.method) : null, scope);
}

/** For the assets area: after a C/I/A change, move those assets' risks to their keys. */
export async function recomputeForAssets(tx: Executor, org: string, assetIds: string[]) {
  if (assetIds.length === 0) return 0;
  return recomputeSome(tx, org, { assetIds });
}

export async function listRisks(
  db: Db,
  ctx: RequestContext,
  filter: RiskFilter,
  order: { sort: RiskSort; direction: 'asc' | 'desc' },
  page: Page,
) {
  authorize(ctx.actor, 'isms:read');
  const org = ctx.actor.organizationId;
  const result = await register.listRisks(db, org, filter, order, page);
  const inForce = await methodInForce(db, org);
  return { ...result, method: inForce?.method ?? null };
}

export function eachRisk(db: Db, ctx: RequestContext, filter: RiskFilter) {
  authorize(ctx.actor, 'isms:read');
  return register.eachRisk(db, ctx.actor.organizationId, filter);
}

export async function getRisk(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  const org = ctx.actor.organizationId;
  const row = await repo.getRiskView(db, org, id);
  if (!row) throw notFound('risk');
  const controls = await repo.riskControlsOf(db, org, id);
  const inForce = await methodInForce(db, org);
  return { row, controls, method: inForce?.method ?? null };
}

async function referenceProblems(
  tx: Executor,
  org: string,
  input: { vulnerabilityId?: string | null | undefined; ownerUserId?: string | null | undefined },
): Promise<FieldError[]> {
  const problems = await checkUser(tx, org, input.ownerUserId, 'ownerUserId');
  if (
    input.vulnerabilityId &&
    !(await catalogRepo.getVulnerability(tx, org, input.vulnerabilityId))
  )
    problems.push({ field: 'vulnerabilityId', code: 'reference_not_found' });
  return problems;
}

export async function createRisk(
  db: Db,
  ctx: RequestContext,
  input: {
    assetId: string;
    threatId: string;
    vulnerabilityId?: string | null | undefined;
    likelihood?: number | undefined;
    vulnerabilityLevel?: number | undefined;
    impact?: number | null | undefined;
    ownerUserId?: string | null | undefined;
    notes: string;
  },
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const asset = await assetsRepo.getAsset(tx, org, input.assetId);
    const threat = await catalogRepo.getThreat(tx, org, input.threatId);
    const vulnerability = input.vulnerabilityId
      ? await catalogRepo.getVulnerability(tx, org, input.vulnerabilityId)
      : null;
    const problems = await referenceProblems(tx, org, input);
    if (!asset) problems.push({ field: 'assetId', code: 'reference_not_found' });
    if (!threat) problems.push({ field: 'threatId', code: 'reference_not_found' });
    if (problems.length) throw invalid(problems);
    const inForce = await methodInForce(tx, org);
    const values = {
      organizationId: org,
      assetId: input.assetId,
      threatId: input.threatId,
      vulnerabilityId: input.vulnerabilityId ?? null,
      likelihood: input.likelihood ?? threat!.defaultLikelihood,
      vulnerabilityLevel:
        input.vulnerabilityLevel ??
        vulnerability?.defaultLevel ??
        (inForce ? middleOf(inForce.method.vulnerabilityScale) : 2),
      impact: input.impact ?? null,
      ownerUserId: input.ownerUserId ?? asset!.ownerUserId ?? null,
      notes: input.notes,
    };
    if (await repo.riskExists(tx, org, values)) throw conflict('risk_exists');
    const method = inForce ? compileMethod(inForce.method) : null;
    const row = await repo.insertRisk(tx, values, method).catch((e: unknown) => {
      if (isUniqueViolation(e)) throw conflict('risk_exists');
      throw e;
    });
    await recordAudit(tx, ctx, [
      { action: 'risk.created', entityType: RISK_ENTITY, entityId: row.id, after: auditable(row) },
    ]);
    return (await repo.getRiskView(tx, org, row.id))!;
  });
}

/** Loads a risk for a change; owners change only the risks they own. */
export async function riskForChange(tx: Executor, ctx: RequestContext, id: string) {
  const row = await repo.getRisk(tx, ctx.actor.organizationId, id, true);
  if (!row) throw notFound('risk');
  authorizeObject(ctx.actor, 'isms:write', row.ownerUserId);
  return row;
}

/** The acceptance rule checked against the stored, freshly computed risk. */
export async function checkAcceptance(tx: Executor, org: string, row: RiskRow) {
  const inForce = await methodInForce(tx, org);
  const blocker = acceptanceBlocker({
    value: row.value,
    acceptableLevel: inForce?.method.acceptableLevel ?? null,
    treatmentOption: row.treatmentOption as TreatmentOption | null,
    retentionStatus: row.retentionStatus as RetentionStatus,
  });
  if (blocker) throw invalid([{ field: 'status', code: blocker }], blocker);
}

export async function updateRisk(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: {
    vulnerabilityId?: string | null | undefined;
    likelihood?: number | undefined;
    vulnerabilityLevel?: number | undefined;
    impact?: number | null | undefined;
    ownerUserId?: string | null | undefined;
    status?: 'open' | 'in_treatment' | 'accepted' | 'closed' | undefined;
    notes?: string | undefined;
    existingControls?: { controlId: string; justification: string }[] | undefined;
  },
) {
  authorize(ctx.actor, 'isms:write');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await riskForChange(tx, ctx, id);
    if (before.version !== expectedVersion) throw staleVersion();
    const problems = await referenceProblems(tx, org, input);
    if (problems.length) throw invalid(problems);
    const { existingControls, ...columns } = input;
    const set = Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
    const updated = await repo.updateRisk(tx, org, id, expectedVersion, set);
    if (!updated) throw staleVersion();
    if (existingControls) await repo.replaceRiskControls(tx, org, id, 'existing', existingControls);
    await recomputeSome(tx, org, { ids: [id] });
    const after = (await repo.getRisk(tx, org, id))!;
    if (input.status === 'accepted' && before.status !== 'accepted')
      await checkAcceptance(tx, org, after);
    await recordAudit(tx, ctx, [
      {
        action: 'risk.updated',
        entityType: RISK_ENTITY,
        entityId: id,
        ...diff(auditable(before), auditable(after)),
      },
    ]);
    return (await repo.getRiskView(tx, org, id))!;
  });
}

// ---- bulk generation ------------------------------------------------------------------

export async function startGeneration(db: Db, ctx: RequestContext) {
  authorizeWriteAll(ctx.actor);
  return createJob(db, ctx, 'risk_generation');
}

/** Assets per transaction of a generation: progress is reported between chunks. */
export const GENERATION_CHUNK = 200;

/**
 * Generates the risks of the rule a chunk of assets at a time: each chunk is
 * one insert … select (which also computes the values by the method in force)
 * and one audit event, committed together; the job reports the assets done
 * after each. A generation keeps existing combinations, so one that stops
 * half-way is completed by running it again.
 */
export function runGeneration(db: Db, ctx: RequestContext, job: JobRow, rule: RiskGenerateRequest) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return runJob(db, job, async () => {
    await db.transaction((tx) => ensureCatalogs(tx, ctx));
    const assetIds = await generationAssetIds(db, org, rule);
    const report = progressReporter(db, org, job.id, 0);
    await report({ phase: 'generating', processed: 0, total: assetIds.length }, true);
    const outcome = { created: 0, assets: 0 };
    for (let i = 0; i < assetIds.length; i += GENERATION_CHUNK) {
      const chunk = assetIds.slice(i, i + GENERATION_CHUNK);
      const result = await db.transaction(async (tx) => {
        await allowLongStatements(tx); // one statement for every asset × threat of the chunk
        const inForce = await methodInForce(tx, org);
        const done = await generateRisks(tx, org, {
          assetIds: chunk,
          threatIds: rule.threatIds,
          pairing: rule.pairing,
          ownerFromAsset: rule.ownerFromAsset,
          defaultVulnerabilityLevel: inForce ? middleOf(inForce.method.vulnerabilityScale) : 2,
          method: inForce ? compileMethod(inForce.method) : undefined,
        });
        await recordAudit(tx, ctx, [
          {
            action: 'risks.generated',
            entityType: RISK_ENTITY,
            entityId: job.id,
            after: {
              ...rule,
              assetIds: undefined,
              chunk: { from: i, assets: chunk.length },
              created: done.created,
              assets: done.assets,
            },
          },
        ]);
        return done;
      });
      outcome.created += result.created;
      outcome.assets += result.assets;
      await report(
        { phase: 'generating', processed: i + chunk.length, total: assetIds.length },
        true,
      );
    }
    if (outcome.created > 0) await compute.analyzeRisks(db);
    return {
      status: 'succeeded' as const,
      result: outcome,
      processed: assetIds.length,
      total: assetIds.length,
    };
  });
}

// ---- heat map ------------------------------------------------------------------------------

const label = (v: number) => ({ ja: String(v), en: String(v) });

/** Heat map axes: likelihood levels; impact as asset values or impact levels. */
function axes(method: RiskMethod) {
  const levels = (scale: RiskMethod['threatScale']) =>
    scale.map((l, i) => ({ value: i + 1, label: l.label }));
  if (method.formula.kind === 'likelihood_impact') {
    return { likelihood: levels(method.likelihoodScale), impact: levels(method.impactScale) };
  }
  const { min, max } = assetValueRange(method);
  const impact =
    method.derivation === 'sum'
      ? Array.from({ length: max - min + 1 }, (_, k) => ({ value: min + k, label: label(min + k) }))
      : method.ciaScale;
  return { likelihood: levels(method.threatScale), impact };
}

export async function heatmap(db: Db, ctx: RequestContext, filter: RiskFilter, residual: boolean) {
  authorize(ctx.actor, 'isms:read');
  const org = ctx.actor.organizationId;
  const cells = await register.riskHeatmap(db, org, filter, residual);
  const inForce = await methodInForce(db, org);
  const seen = (key: 'likelihood' | 'impact') =>
    [...new Set(cells.map((c) => c[key]).filter((v): v is number => v !== null))]
      .sort((a, b) => a - b)
      .map((v) => ({ value: v, label: label(v) }));
  const a = inForce
    ? axes(inForce.method)
    : { likelihood: seen('likelihood'), impact: seen('impact') };
  return {
    likelihood: a.likelihood.map((l) => ({ value: l.value, label: l.label })),
    impact: a.impact.map((l) => ({ value: l.value, label: l.label })),
    cells: cells
      .filter((c) => c.impact !== null)
      .map((c) => ({
        likelihood: c.likelihood,
        impact: c.impact!,
        count: c.count,
        maxLevel: c.maxLevel,
      })),
    bands: (inForce?.method.bands ?? []).map((b, i) => ({
      index: i + 1,
      label: b.label,
      color: b.color,
    })),
    total: cells.reduce((n, c) => n + c.count, 0),
  };
}
