import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/events';
import type { IsmsEventRow } from '@mamoru/db/repositories/events';
import type { IsmsEventCreate, IsmsEventUpdate } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, invalid, notFound, type FieldError } from '../errors.ts';
import { authorizeWriteAll } from '../scope/common.ts';

/**
 * Entries made by hand: what happens outside Mamoru yet affects the ISMS (a
 * reorganization, a new law, an outsourcing contract). The ISMS owner keeps
 * the log, so writing needs isms:write over the whole organization.
 */

// A little slack for clocks that run ahead of the server's.
const FUTURE_SLACK_MS = 5 * 60_000;

function checkedTime(value: string | undefined, errors: FieldError[]) {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (at.getTime() > Date.now() + FUTURE_SLACK_MS) {
    errors.push({ field: 'occurredAt', code: 'isms_event_future' });
  }
  return at;
}

const contentOf = (r: IsmsEventRow) => ({
  occurredAt: r.occurredAt.toISOString(),
  category: r.category,
  title: r.title,
  description: r.description,
  impact: r.impact,
});

export async function createIsmsEvent(db: Db, ctx: RequestContext, input: IsmsEventCreate) {
  authorizeWriteAll(ctx.actor);
  const errors: FieldError[] = [];
  const occurredAt = checkedTime(input.occurredAt, errors)!;
  if (errors.length > 0) throw invalid(errors);
  const org = ctx.actor.organizationId;
  const id = await db.transaction(async (tx) => {
    const [row] = await repo.insertIsmsEvents(tx, [
      {
        organizationId: org,
        occurredAt,
        category: input.category,
        source: 'manual',
        title: input.title,
        description: input.description,
        impact: input.impact,
        recordedBy: ctx.actor.userId,
      },
    ]);
    await recordAudit(tx, ctx, [
      {
        action: 'isms_event.recorded',
        entityType: 'isms_event',
        entityId: row!.id,
        after: contentOf(row!),
      },
    ]);
    return row!.id;
  });
  return (await repo.getIsmsEvent(db, org, id))!;
}

/**
 * Edits a manual entry; last write wins (the log keeps no version), and the
 * audit trail keeps what it said before. Automatic entries follow their source
 * and are refused (409).
 */
export async function updateIsmsEvent(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: IsmsEventUpdate,
) {
  authorizeWriteAll(ctx.actor);
  const errors: FieldError[] = [];
  const occurredAt = checkedTime(input.occurredAt, errors);
  if (errors.length > 0) throw invalid(errors);
  const org = ctx.actor.organizationId;
  await db.transaction(async (tx) => {
    const before = await repo.lockIsmsEvent(tx, org, id);
    if (!before) throw notFound('isms_event');
    if (before.source !== 'manual') throw conflict('isms_event_automatic');
    const values = {
      ...(occurredAt ? { occurredAt } : {}),
      ...(input.category !== undefined ? { category: input.category } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.impact !== undefined ? { impact: input.impact } : {}),
    };
    const after = await repo.updateIsmsEvent(tx, org, id, values);
    const change = diff(contentOf(before), contentOf(after!));
    if (change.after && Object.keys(change.after).length > 0) {
      await recordAudit(tx, ctx, [
        { action: 'isms_event.updated', entityType: 'isms_event', entityId: id, ...change },
      ]);
    }
  });
  return (await repo.getIsmsEvent(db, org, id))!;
}
