import { and, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { users } from '../tables/identity.ts';
import { improvements, improvementSettings, nonconformities } from '../tables/improvement.ts';
import { likePattern } from './scope.ts';

/**
 * The improvement register, the communication log, potential nonconformities
 * raised from suggestions and preventive proposals, and the area's settings.
 * The communication log and preventive proposals have files of their own.
 */

export type ImprovementRow = typeof improvements.$inferSelect;
export type NewImprovement = Omit<typeof improvements.$inferInsert, 'id' | 'number'>;
export type NewPotentialNonconformity = Omit<
  typeof nonconformities.$inferInsert,
  'id' | 'number' | 'kind'
>;
type Page = { limit: number; cursor?: string | undefined };

/** Numbers per organization under a transaction lock, so two writers never take the same one. */
async function nextNumber(db: Executor, org: string, table: 'improvements' | 'nonconformities') {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`${table}:${org}`}))`);
  const [row] = await queryRows<{ next: number }>(
    db,
    sql`select coalesce(max(number), 0)::int + 1 as next from ${sql.identifier(table)}
      where organization_id = ${org}`,
  );
  return row!.next;
}

// ---- improvements ----------------------------------------------------------------

const suggester = alias(users, 'suggester');
const decider = alias(users, 'decider');
const owner = alias(users, 'owner');
const improvementView = {
  ...getTableColumns(improvements),
  suggestedByName: suggester.displayName,
  decidedByName: decider.displayName,
  ownerName: owner.displayName,
};
export type ImprovementView = ImprovementRow & {
  suggestedByName: string | null;
  decidedByName: string | null;
  ownerName: string | null;
};

const selectImprovements = (db: Executor) =>
  db
    .select(improvementView)
    .from(improvements)
    .leftJoin(suggester, eq(suggester.id, improvements.suggestedBy))
    .leftJoin(decider, eq(decider.id, improvements.decidedBy))
    .leftJoin(owner, eq(owner.id, improvements.ownerId));

export async function insertImprovement(db: Executor, values: NewImprovement) {
  const number = await nextNumber(db, values.organizationId, 'improvements');
  const [row] = await db
    .insert(improvements)
    .values({ ...values, number })
    .returning();
  return row!;
}

export async function getImprovement(db: Executor, org: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(improvements)
    .where(and(eq(improvements.organizationId, org), eq(improvements.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function getImprovementView(db: Executor, org: string, id: string) {
  const [row] = await selectImprovements(db).where(
    and(eq(improvements.organizationId, org), eq(improvements.id, id)),
  );
  return row ?? null;
}

export async function updateImprovement(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewImprovement, 'organizationId'>>,
) {
  const [row] = await db
    .update(improvements)
    .set({ ...values, version: sql`${improvements.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(improvements.organizationId, org),
        eq(improvements.id, id),
        eq(improvements.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

export interface ImprovementFilter {
  q?: string | undefined;
  status?: string | undefined;
  source?: string | undefined;
  /** Accepted, not implemented, due before this day. */
  overdueBefore?: string | undefined;
  /** No evidence of the effect attached (as the conformity rule counts it). */
  withoutEvidence?: boolean | undefined;
  /** 'own' reach: only what this user suggested or owns. */
  visibleTo?: string | undefined;
}

/** The register, newest first, keyset-paginated by number. */
export async function listImprovements(
  db: Executor,
  org: string,
  f: ImprovementFilter,
  page: Page,
) {
  const c: SQL[] = [eq(improvements.organizationId, org)];
  if (f.status) c.push(eq(improvements.status, f.status));
  if (f.source) c.push(eq(improvements.source, f.source));
  if (f.q) {
    const like = likePattern(f.q);
    c.push(sql`(${improvements.title} ilike ${like} or ${improvements.description} ilike ${like})`);
  }
  if (f.overdueBefore) {
    c.push(
      sql`${improvements.status} = 'accepted' and ${improvements.dueDate} < ${f.overdueBefore}::date`,
    );
  }
  if (f.withoutEvidence) c.push(sql`jsonb_array_length(${improvements.evidence}) = 0`);
  if (f.visibleTo) {
    c.push(
      sql`(${improvements.suggestedBy} = ${f.visibleTo} or ${improvements.ownerId} = ${f.visibleTo})`,
    );
  }
  const after = decodeCursor(page.cursor, 1, ['int']);
  if (after) c.push(sql`${improvements.number} < ${Number(after[0])}`);
  const rows = await selectImprovements(db)
    .where(and(...c))
    .orderBy(desc(improvements.number))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.number]);
}

// ---- potential nonconformities (raised here, worked through in the NC workflow) -------

/** A potential nonconformity (preventive action, 7.3.a), numbered in the one register. */
export async function insertPotentialNonconformity(
  db: Executor,
  values: NewPotentialNonconformity,
) {
  const number = await nextNumber(db, values.organizationId, 'nonconformities');
  const [row] = await db
    .insert(nonconformities)
    .values({ ...values, number, kind: 'potential' })
    .returning();
  return row!;
}

/** Code and title of a nonconformity of the organization (a reference check). */
export async function nonconformityRef(db: Executor, org: string, id: string) {
  const [row] = await db
    .select({
      id: nonconformities.id,
      number: nonconformities.number,
      title: nonconformities.title,
    })
    .from(nonconformities)
    .where(and(eq(nonconformities.organizationId, org), eq(nonconformities.id, id)));
  return row ?? null;
}

/** Whether the user is an active member of the organization (owner references). */
export async function activeUserIn(db: Executor, org: string, userId: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, org), eq(users.id, userId), eq(users.active, true)));
  return row !== undefined;
}

// ---- settings ------------------------------------------------------------------------

export async function getImprovementSettings(db: Executor, org: string) {
  const [row] = await db
    .select()
    .from(improvementSettings)
    .where(eq(improvementSettings.organizationId, org));
  return row ?? null;
}

/**
 * Saves the settings when their version is still `expectedVersion` (0: never
 * saved, the row is created). Returns null on a stale version.
 */
export async function saveImprovementSettings(
  db: Executor,
  org: string,
  expectedVersion: number,
  values: { levelJump: number; reviewIntervalDays: number },
) {
  const t = improvementSettings;
  if (expectedVersion === 0) {
    const [row] = await db
      .insert(t)
      .values({ organizationId: org, ...values })
      .onConflictDoNothing()
      .returning();
    return row ?? null;
  }
  const [row] = await db
    .update(t)
    .set({ ...values, version: sql`${t.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(t.organizationId, org), eq(t.version, expectedVersion)))
    .returning();
  return row ?? null;
}

// ---- audit findings taken over (observations and opportunities for improvement) ----

/**
 * Turns an audit's observations and opportunities for improvement into proposed
 * improvements (source 'audit', the finding linked), numbered on from the
 * register in one insert … select; a finding already taken over is skipped, so
 * calling it again changes nothing. Marks the open ones 'transferred'. Returns
 * the new improvements' ids and finding ids.
 */
export async function takeOverAuditFindings(db: Executor, org: string, auditId: string) {
  const start = (await nextNumber(db, org, 'improvements')) - 1;
  const created = await queryRows<{ id: string; audit_finding_id: string; number: number }>(
    db,
    sql`
    insert into improvements (organization_id, number, source, source_link, audit_finding_id,
      title, description)
    select f.organization_id, ${start}::int + row_number() over (order by f.number)::int, 'audit',
      jsonb_build_object('type', 'audit_finding', 'id', f.id::text,
        'label', a.code || ' #' || f.number::text),
      f.id, a.code || ' #' || f.number::text || ' ' || left(f.description, 200), f.description
    from audit_findings f join audits a on a.id = f.audit_id
    where f.organization_id = ${org} and f.audit_id = ${auditId}
      and f.kind in ('observation', 'ofi')
      and not exists (select 1 from improvements i where i.audit_finding_id = f.id)
    order by f.number
    returning id, audit_finding_id, number`,
  );
  if (created.length > 0) {
    await db.execute(sql`
      update audit_findings set status = 'transferred', version = version + 1, updated_at = now()
      where organization_id = ${org} and status = 'open'
        and id = any(${sql.param(created.map((c) => c.audit_finding_id))}::uuid[])`);
  }
  return created;
}
