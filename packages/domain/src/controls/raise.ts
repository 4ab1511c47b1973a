import type { Db } from '@mamoru/db';
import { insertNonconformity, lockNumbering } from '@mamoru/db/repositories/improvement';
import * as repo from '@mamoru/db/repositories/controls';
import * as register from '@mamoru/db/repositories/controls-register';
import type { CheckResult, ControlNonconformityRaise } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, invalid } from '../errors.ts';
import { authorize, authorizeObject } from '../identity/actor.ts';
import { NONCONFORMITY_ENTITY } from '../improvement/access.ts';
import { nonconformityCode } from '../improvement/improvements-presenters.ts';
import { contentOf as nonconformityContent } from '../improvement/nonconformities.ts';
import { checkUser } from '../scope/common.ts';
import { readableResult, RESULT_ENTITY } from './checks.ts';
import { canRaiseNonconformity } from './schedule.ts';

const RESULT_LABEL = {
  partly_effective: { ja: '一部有効', en: 'partly effective' },
  not_effective: { ja: '有効でない', en: 'not effective' },
} as const;

/**
 * A check that found the control partly or not effective raises a
 * nonconformity (7.2) in the improvement area, source 'control_check',
 * linked both ways: the nonconformity names the result, the result the
 * nonconformity. Once per result.
 */
export async function raiseNonconformity(
  db: Db,
  ctx: RequestContext,
  resultId: string,
  input: ControlNonconformityRaise,
) {
  authorize(ctx.actor, 'controls:check');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const { view, check } = await readableResult(tx, ctx, resultId);
    authorizeObject(ctx.actor, 'controls:check', check.check.checkerUserId);
    const r = view.result;
    if (!canRaiseNonconformity(r.result as CheckResult)) {
      throw conflict('control_check_result_effective');
    }
    if (r.nonconformityId) throw conflict('control_check_result_already_raised');
    const problems = await checkUser(tx, org, input.ownerUserId, 'ownerUserId');
    if (problems.length > 0) throw invalid(problems);
    const entry = await register.controlSoaRow(tx, org, r.controlId);
    const displayId = entry?.display_id ?? r.controlId;
    const word = RESULT_LABEL[r.result as keyof typeof RESULT_LABEL];
    const sourceLink = {
      type: 'control_check_result',
      id: r.id,
      label: `${displayId} ${view.checkTitle} (${r.performedOn})`,
    };
    await lockNumbering(tx, org);
    const nc = await insertNonconformity(tx, {
      organizationId: org,
      kind: 'nonconformity',
      source: 'control_check',
      sourceLink,
      title: input.title ?? `${displayId} ${view.checkTitle}: ${word.ja} / ${word.en}`,
      description: input.description || r.notes,
      severity: input.severity,
      controlIds: [r.controlId],
      evidence: [sourceLink],
      detectedOn: r.performedOn,
      ownerId: input.ownerUserId ?? null,
      reportedBy: ctx.actor.userId,
    });
    if (!(await repo.linkNonconformity(tx, org, r.id, nc.id))) {
      throw conflict('control_check_result_already_raised');
    }
    await recordAudit(tx, ctx, [
      {
        action: 'nonconformity.created',
        entityType: NONCONFORMITY_ENTITY,
        entityId: nc.id,
        after: nonconformityContent(nc),
      },
      {
        action: 'control_check_result.nonconformity_raised',
        entityType: RESULT_ENTITY,
        entityId: r.id,
        after: { nonconformityId: nc.id, code: nonconformityCode(nc.number) },
      },
    ]);
    return { nonconformityId: nc.id, code: nonconformityCode(nc.number), resultId: r.id };
  });
}
