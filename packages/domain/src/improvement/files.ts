import type { Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/improvement';
import * as actionsRepo from '@mamoru/db/repositories/improvement-actions';
import type { RequestContext } from '../audit/trail.ts';
import { conflict, notFound } from '../errors.ts';
import { authorize, authorizeObject, reachOf } from '../identity/actor.ts';
import { registerFileOwner } from '../files/owners.ts';
import { ACTION_ENTITY, NONCONFORMITY_ENTITY, authorizeRead } from './access.ts';

/**
 * Evidence files of the improvement area in the evidence store: what an
 * action's implementation produced (7.2.e) and what shows the nonconformity.
 * Whoever may read the nonconformity reads its files and its actions' files.
 */

// An action's evidence can change until its effectiveness was judged.
const OPEN_ACTION = new Set(['planned', 'implemented']);

async function actionOf(db: Executor, ctx: RequestContext, actionId: string) {
  const action = await actionsRepo.getAction(db, ctx.actor.organizationId, actionId);
  if (!action) throw notFound('improvement_action');
  return action;
}

registerFileOwner(ACTION_ENTITY, {
  async authorizeRead(db, ctx, ownerId) {
    const action = await actionOf(db, ctx, ownerId);
    await authorizeRead(db, ctx, action.nonconformityId);
  },
  // Whoever may implement the action: the ISMS manager, or its owner acting on it.
  async authorizeWrite(db, ctx, ownerId) {
    const action = await actionOf(db, ctx, ownerId);
    await authorizeRead(db, ctx, action.nonconformityId);
    if (reachOf(ctx.actor, 'improvement:manage') !== 'all') {
      authorizeObject(ctx.actor, 'improvement:act', action.ownerId);
    }
    if (!OPEN_ACTION.has(action.status)) throw conflict('nc_action_reviewed');
  },
});

registerFileOwner(NONCONFORMITY_ENTITY, {
  async authorizeRead(db, ctx, ownerId) {
    await authorizeRead(db, ctx, ownerId);
    const row = await repo.getNonconformity(db, ctx.actor.organizationId, ownerId);
    if (!row) throw notFound('nonconformity');
  },
  async authorizeWrite(db, ctx, ownerId) {
    authorize(ctx.actor, 'improvement:manage');
    await authorizeRead(db, ctx, ownerId);
    const row = await repo.getNonconformity(db, ctx.actor.organizationId, ownerId);
    if (!row) throw notFound('nonconformity');
    if (row.status === 'closed') throw conflict('nc_closed');
  },
});
