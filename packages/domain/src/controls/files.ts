import { CONTROL_CHECK_RESULT_FILE_OWNER } from '@mamoru/contracts';
import { authorizeObject } from '../identity/actor.ts';
import { registerFileOwner } from '../files/owners.ts';
import { readableResult } from './checks.ts';

/**
 * Evidence files of a check result (what the checker saw: screenshots, logs,
 * signed sheets). Readers of the check read them; whoever may record results
 * of the check attaches or removes them.
 */
registerFileOwner(CONTROL_CHECK_RESULT_FILE_OWNER, {
  async authorizeRead(db, ctx, ownerId) {
    await readableResult(db, ctx, ownerId);
  },
  async authorizeWrite(db, ctx, ownerId) {
    const { check } = await readableResult(db, ctx, ownerId);
    authorizeObject(ctx.actor, 'controls:check', check.check.checkerUserId);
  },
});
