import type { AuditAction, AuditEntityType } from '@mamoru/contracts';
import type { Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/audit';
import { insertIsmsEvents } from '@mamoru/db/repositories/events';
import { EVENT_ACTIONS, eventTitleOf } from '../events/from-audit.ts';
import type { Actor } from '../identity/actor.ts';
import { GENESIS_HASH, hashEvent, toJsonValue, type ChainedEvent } from './hash.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AuditEntry {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /**
   * The ISMS event log's title for a milestone (events/from-audit.ts), when the
   * entry's data holds none: a change shows only what changed.
   */
  eventTitle?: string;
}

/** Who did it and under which request: passed down from the route to every service. */
export interface RequestContext {
  actor: Actor;
  requestId: string | null;
}

/**
 * Appends events to the organization's chain inside the caller's transaction,
 * so the events exist exactly when the change commits. The head row lock
 * serializes appends across server instances; bulk callers pass many entries
 * and get one batched insert.
 */
export async function recordAudit(tx: Executor, ctx: RequestContext, entries: AuditEntry[]) {
  if (entries.length === 0) return;
  const organizationId = ctx.actor.organizationId;
  const head = await repo.lockAuditHead(tx, organizationId, GENESIS_HASH);
  let prevHash = head.lastHash;
  let seq = head.lastSeq;
  const rows = entries.map((entry) => {
    seq += 1;
    const event: ChainedEvent = {
      organizationId,
      seq,
      occurredAt: head.now,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJsonValue(entry.before),
      after: toJsonValue(entry.after),
      requestId: ctx.requestId,
      prevHash,
    };
    const hash = hashEvent(event);
    prevHash = hash;
    return { ...event, hash };
  });
  await repo.insertAuditEvents(tx, rows);
  await repo.moveAuditHead(tx, organizationId, seq, prevHash);
  // Milestones also go to the ISMS event log (4.2.3.f).
  await insertIsmsEvents(
    tx,
    entries.flatMap((entry) => {
      const category = EVENT_ACTIONS[entry.action];
      if (!category) return [];
      return [
        {
          organizationId,
          occurredAt: head.now,
          category,
          source: 'auto',
          action: entry.action,
          entityType: entry.entityType,
          entityId: UUID.test(entry.entityId) ? entry.entityId : null,
          title: entry.eventTitle?.trim().slice(0, 300) || eventTitleOf(entry.after),
          recordedBy: ctx.actor.userId,
        },
      ];
    }),
  );
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first event that does not verify, with why. */
  broken?: { seq: number; reason: 'hash_mismatch' | 'link_mismatch' | 'gap' | 'head_mismatch' };
}

const VERIFY_BATCH = 5000;

/** Recomputes the whole chain in bounded batches (never the whole table in memory). */
export async function verifyAuditChain(
  db: Executor,
  organizationId: string,
): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const batch = await repo.auditEventsAfter(db, organizationId, lastSeq, VERIFY_BATCH);
    for (const row of batch) {
      if (row.seq !== lastSeq + 1)
        return { ok: false, checked, broken: { seq: lastSeq + 1, reason: 'gap' } };
      if (row.prevHash !== prevHash)
        return { ok: false, checked, broken: { seq: row.seq, reason: 'link_mismatch' } };
      const { hash, ...event } = row;
      if (hashEvent(event) !== hash)
        return { ok: false, checked, broken: { seq: row.seq, reason: 'hash_mismatch' } };
      prevHash = hash;
      lastSeq = row.seq;
      checked += 1;
    }
    if (batch.length < VERIFY_BATCH) break;
  }
  const head = await repo.getAuditHead(db, organizationId);
  // A deleted tail leaves a consistent chain; the head still remembers how long it was.
  if (head && (head.lastSeq !== lastSeq || head.lastHash !== prevHash)) {
    return { ok: false, checked, broken: { seq: lastSeq + 1, reason: 'head_mismatch' } };
  }
  return { ok: true, checked };
}
