import type { Executor } from '@mamoru/db';
import * as register from '@mamoru/db/repositories/controls-register';
import type { RequestContext } from '../audit/trail.ts';
import { notFound } from '../errors.ts';
import { authorize } from '../identity/actor.ts';

/**
 * Who sees what of the controls area: 'all' reach reads the whole register;
 * 'own' reach (staff) only controls whose operation they own or which they
 * check. A control out of reach is not found, as in other areas.
 */

export const CONTROL_ENTITY = 'control';

/** The user id to filter lists by, or undefined for the whole organization. */
export function visibleTo(ctx: RequestContext): string | undefined {
  const reach = authorize(ctx.actor, 'controls:read');
  return reach === 'own' ? (ctx.actor.userId ?? '') : undefined;
}

/** The control's SoA entry when the caller may read it, else 404. */
export async function readableControl(db: Executor, ctx: RequestContext, controlId: string) {
  const only = visibleTo(ctx);
  const org = ctx.actor.organizationId;
  const entry = await register.controlSoaRow(db, org, controlId);
  if (!entry) throw notFound(CONTROL_ENTITY);
  if (only !== undefined && !(only && (await register.involvedIn(db, org, controlId, only)))) {
    throw notFound(CONTROL_ENTITY);
  }
  return entry;
}

/** Today as the rules see it (UTC date, as the conformity snapshot takes it). */
export const todayOf = (now = new Date()) => now.toISOString().slice(0, 10);
