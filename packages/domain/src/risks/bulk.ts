import type { Db } from '@mamoru/db';
import * as bulk from '@mamoru/db/repositories/risks-bulk';
import type { RiskFilter } from '@mamoru/db/repositories/risks-list';
import { RISK_BULK_MAX, type RiskBulkTreatmentInput } from '@mamoru/contracts';
import { conflict, DomainError, forbidden, invalid, type FieldError } from '../errors.ts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { auditable, checkUser } from '../scope/common.ts';
import { treatmentProblems } from './rules.ts';
import { RISK_ENTITY, recomputeSome } from './register.ts';
import { unknownControlProblems } from './treatment.ts';
import { proposalsFor } from './proposals.ts';

/**
 * One treatment decision for every risk a register filter selects (4.2.1.f–g):
 * set-based writes, one audit event per risk in one batch. The person confirms
 * the selection they saw (count and tag); a changed selection answers 412.
 */

/** What the filter selects now, and how many of those the caller may not change. */
export async function selection(db: Db, ctx: RequestContext, filter: RiskFilter) {
  authorize(ctx.actor, 'isms:read');
  const row = await bulk.riskSelection(db, ctx.actor.organizationId, filter, ctx.actor.userId);
  const own = ctx.actor.grants['isms:write'] === 'own';
  return { ...row, notOwned: own ? row.notOwned : 0, max: RISK_BULK_MAX };
}

/** The rules of one treatment, with field names of the bulk request. */
function inputProblems(input: RiskBulkTreatmentInput): FieldError[] {
  const rename = (field: string) =>
    field
      .replace(/^selectedControls\.\d+\.justification$/, 'justification')
      .replace(/^selectedControls\.(\d+)\.controlId$/, 'controlIds.$1')
      .replace(/^selectedControls$/, 'controlIds');
  const problems = treatmentProblems({
    option: input.option,
    transferTo: input.transferTo,
    rationale: input.rationale,
    selectedControls: input.controlIds.map((controlId) => ({
      controlId,
      justification: input.justification,
    })),
  }).map((p) => ({ ...p, field: rename(p.field) }));
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}:${p.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function bulkTreatment(db: Db, ctx: RequestContext, input: RiskBulkTreatmentInput) {
  const reach = authorize(ctx.actor, 'isms:write');
  const org = ctx.actor.organizationId;
  const riskFilter: RiskFilter = { ...input.filter, open: input.filter.open === 'true' };
  return db.transaction(async (tx) => {
    const problems = [
      ...inputProblems(input),
      ...(await unknownControlProblems(tx, input.controlIds, (i) => `controlIds.${i}`)),
      ...(await checkUser(tx, org, input.ownerUserId, 'ownerUserId')),
    ];
    if (problems.length) throw invalid(problems);
    // The cap is checked before any row is locked.
    const seen = await bulk.riskSelection(tx, org, riskFilter, ctx.actor.userId);
    if (seen.count > RISK_BULK_MAX)
      throw invalid(
        [{ field: 'filter', code: 'risk_bulk_too_many', params: { max: RISK_BULK_MAX } }],
        'risk_bulk_too_many',
      );
    if (seen.count === 0)
      throw invalid([{ field: 'filter', code: 'risk_bulk_empty' }], 'risk_bulk_empty');
    const before = await bulk.lockSelection(tx, org, riskFilter);
    const now = await bulk.riskSelection(tx, org, riskFilter, ctx.actor.userId);
    if (now.count !== input.expected.count || now.tag !== input.expected.tag)
      throw new DomainError('precondition_failed', 'risk_selection_changed', {
        count: now.count,
      });
    if (reach === 'own' && now.notOwned > 0)
      throw forbidden('forbidden_not_owner', { permission: 'isms:write' });
    if (now.pending > 0) throw conflict('risk_residual_pending');

    const ids = before.map((r) => r.id);
    const updated = await bulk.applyTreatment(tx, org, ids, {
      option: input.option,
      transferTo: input.transferTo,
      rationale: input.rationale,
      residualLikelihood: input.residualLikelihood ?? null,
      residualVulnerabilityLevel: input.residualVulnerabilityLevel ?? null,
      residualImpact: input.residualImpact ?? null,
      ownerUserId: input.ownerUserId,
    });
    await bulk.replaceSelectedControls(tx, org, ids, input.controlIds, input.justification);
    await recomputeSome(tx, org, { ids });
    const after = await bulk.risksByIds(tx, org, ids);
    const selectedControls = input.controlIds.map((controlId) => ({
      controlId,
      justification: input.justification,
    }));
    await recordAudit(
      tx,
      ctx,
      after.map((row, i) => ({
        action: 'risk.treatment_set',
        entityType: RISK_ENTITY,
        entityId: row.id,
        ...diff(
          { ...auditable(before[i]!), selectedControls: undefined, bulk: undefined },
          { ...auditable(row), selectedControls, bulk: { count: ids.length } },
        ),
      })),
    );
    const proposals = await proposalsFor(tx, org, ids);
    return { updated, riskIds: ids, proposals };
  });
}
