import type { Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/improvement';
import * as actionsRepo from '@mamoru/db/repositories/improvement-actions';
import type { NonconformityRow } from '@mamoru/db/repositories/improvement';
import { invalid, notFound, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import type { RequestContext } from '../audit/trail.ts';
import type { NonconformityBundle } from './presenters.ts';
import {
  transition,
  type ActionStatus,
  type NcEvent,
  type NcState,
  type NcStatus,
} from './workflow.ts';

/**
 * Shared by the improvement services: who may read what, loading a
 * nonconformity with everything its page shows, and asking the workflow.
 */

export const NONCONFORMITY_ENTITY = 'nonconformity';
export const ACTION_ENTITY = 'improvement_action';

/** improvement:read; under 'own' reach only what the user owns, reported or acts on. */
export async function authorizeRead(db: Executor, ctx: RequestContext, id: string) {
  const reach = authorize(ctx.actor, 'improvement:read');
  const org = ctx.actor.organizationId;
  if (reach === 'own' && !(await repo.isVisibleTo(db, org, id, ctx.actor.userId ?? ''))) {
    throw notFound('nonconformity');
  }
}

export async function loadBundle(
  db: Executor,
  org: string,
  id: string,
): Promise<NonconformityBundle> {
  const nonconformity = await repo.getNonconformityView(db, org, id);
  if (!nonconformity) throw notFound('nonconformity');
  const [analyses, actions] = await Promise.all([
    repo.listAnalyses(db, org, id),
    actionsRepo.actionsOf(db, org, id),
  ]);
  const reviews = await actionsRepo.reviewsOf(
    db,
    org,
    actions.map((a) => a.id),
  );
  return { nonconformity, analyses, actions, reviews };
}

/** The nonconformity locked for a step, its version checked when the client sent one. */
export async function lockForStep(
  tx: Executor,
  org: string,
  id: string,
  expectedVersion: number | null,
): Promise<{ row: NonconformityRow; state: NcState }> {
  const row = await repo.getNonconformity(tx, org, id, true);
  if (!row) throw notFound('nonconformity');
  if (expectedVersion !== null && row.version !== expectedVersion) throw staleVersion();
  const [analysis, actions] = await Promise.all([
    repo.getAnalysis(tx, org, id, row.cycle),
    actionsRepo.actionStatusesOfCycle(tx, org, id, row.cycle),
  ]);
  return {
    row,
    state: {
      status: row.status as NcStatus,
      cycle: row.cycle,
      actionNeeded: analysis?.actionNeeded ?? null,
      actions: actions as ActionStatus[],
    },
  };
}

/** The workflow's answer, or 422 naming the step refused and the status it is in. */
export function next(state: NcState, event: NcEvent) {
  const t = transition(state, event);
  if (!t.ok) {
    throw invalid([{ field: 'status', code: t.code, params: { status: state.status } }], t.code);
  }
  return t;
}
