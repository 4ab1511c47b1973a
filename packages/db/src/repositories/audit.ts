import { and, asc, desc, eq, gt, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { auditEvents, auditHeads } from '../tables/audit.ts';

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;

/**
 * Locks the organization's chain tip for this transaction (creating it on the
 * first event) and returns it with the database's clock, to the millisecond.
 */
export async function lockAuditHead(tx: Executor, organizationId: string, genesisHash: string) {
  await tx
    .insert(auditHeads)
    .values({ organizationId, lastSeq: 0, lastHash: genesisHash })
    .onConflictDoNothing();
  const rows = await queryRows<{ last_seq: number; last_hash: string; now: string }>(
    tx,
    sql`
    select last_seq, last_hash, to_char(date_trunc('milliseconds', now()) at time zone 'UTC',
      'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as now
    from audit_heads where organization_id = ${organizationId} for update`,
  );
  const row = rows[0];
  if (!row) throw new Error('audit head missing');
  return { lastSeq: Number(row.last_seq), lastHash: row.last_hash, now: new Date(row.now) };
}

const INSERT_BATCH = 5000;

/**
 * Appends events, 5,000 per statement, as one set of parameters per column
 * zipped by ROWS FROM: short texts as arrays (unnest), before and after as one
 * JSON array each (one native JSON.stringify in Node, one parse in the
 * database; escaping kilobytes of JSON into array literals costs more than the
 * insert). A fixed twelve parameters whatever the batch: bulk imports append
 * one event per row.
 */
export async function insertAuditEvents(tx: Executor, rows: NewAuditEvent[]) {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const batch = rows.slice(i, i + INSERT_BATCH);
    const texts = (pick: (r: NewAuditEvent) => string | null) =>
      sql`unnest(${sql.param(batch.map(pick))}::text[])`;
    const json = (pick: (r: NewAuditEvent) => unknown) =>
      sql`jsonb_array_elements(${JSON.stringify(batch.map((r) => pick(r) ?? null))}::jsonb)`;
    const at = (r: NewAuditEvent) =>
      r.occurredAt instanceof Date ? r.occurredAt.toISOString() : String(r.occurredAt);
    await tx.execute(sql`
      insert into ${auditEvents} (organization_id, seq, occurred_at, actor_id, actor_name, action,
        entity_type, entity_id, before, after, request_id, prev_hash, hash)
      select organization_id::uuid, seq::bigint, occurred_at::timestamptz, actor_id::uuid,
        actor_name, action, entity_type, entity_id,
        nullif(before, 'null'::jsonb), nullif(after, 'null'::jsonb), request_id, prev_hash, hash
      from rows from (
        ${texts((r) => r.organizationId)}, ${texts((r) => String(r.seq))}, ${texts(at)},
        ${texts((r) => r.actorId ?? null)}, ${texts((r) => r.actorName)},
        ${texts((r) => r.action)}, ${texts((r) => r.entityType)}, ${texts((r) => r.entityId)},
        ${json((r) => r.before)}, ${json((r) => r.after)}, ${texts((r) => r.requestId ?? null)},
        ${texts((r) => r.prevHash)}, ${texts((r) => r.hash)})
        as r(organization_id, seq, occurred_at, actor_id, actor_name, action, entity_type,
          entity_id, before, after, request_id, prev_hash, hash)`);
  }
}

export async function moveAuditHead(
  tx: Executor,
  organizationId: string,
  lastSeq: number,
  lastHash: string,
) {
  await tx
    .update(auditHeads)
    .set({ lastSeq, lastHash })
    .where(eq(auditHeads.organizationId, organizationId));
}

export async function getAuditHead(db: Executor, organizationId: string) {
  const [row] = await db
    .select()
    .from(auditHeads)
    .where(eq(auditHeads.organizationId, organizationId));
  return row ?? null;
}

/** Events in chain order after a sequence number, for verification in bounded batches. */
export async function auditEventsAfter(
  db: Executor,
  organizationId: string,
  afterSeq: number,
  limit: number,
) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), gt(auditEvents.seq, afterSeq)))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
}

export interface AuditEventFilter {
  actorId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

function filterConditions(organizationId: string, f: AuditEventFilter): SQL[] {
  const conditions: SQL[] = [eq(auditEvents.organizationId, organizationId)];
  if (f.actorId) conditions.push(eq(auditEvents.actorId, f.actorId));
  if (f.entityType) conditions.push(eq(auditEvents.entityType, f.entityType));
  if (f.entityId) conditions.push(eq(auditEvents.entityId, f.entityId));
  if (f.action) conditions.push(eq(auditEvents.action, f.action));
  if (f.from) conditions.push(gte(auditEvents.occurredAt, f.from));
  if (f.to) conditions.push(lte(auditEvents.occurredAt, f.to));
  return conditions;
}

/** Newest first, keyset-paginated on seq. */
export async function listAuditEvents(
  db: Executor,
  organizationId: string,
  filter: AuditEventFilter,
  page: { limit: number; cursor?: string | undefined },
) {
  const conditions = filterConditions(organizationId, filter);
  const after = decodeCursor(page.cursor, 1);
  if (after) conditions.push(lt(auditEvents.seq, Number(after[0])));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.seq]);
}

/** One event of the chain by its sequence number (anchor checks). */
export async function auditEventAt(db: Executor, organizationId: string, seq: number) {
  const [row] = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.seq, seq)));
  return row ?? null;
}
