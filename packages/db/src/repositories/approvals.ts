import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { approvalPolicies, approvals } from '../tables/approvals.ts';

export type ApprovalRow = typeof approvals.$inferSelect;

export async function insertApproval(db: Executor, values: typeof approvals.$inferInsert) {
  const [row] = await db.insert(approvals).values(values).returning();
  return row!;
}

export async function getApproval(
  db: Executor,
  organizationId: string,
  id: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(approvals)
    .where(and(eq(approvals.organizationId, organizationId), eq(approvals.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function pendingApprovalFor(
  db: Executor,
  organizationId: string,
  entityType: string,
  entityId: string,
) {
  const [row] = await db
    .select()
    .from(approvals)
    .where(
      and(
        eq(approvals.organizationId, organizationId),
        eq(approvals.entityType, entityType),
        eq(approvals.entityId, entityId),
        eq(approvals.status, 'pending'),
      ),
    );
  return row ?? null;
}

export async function decideApproval(
  db: Executor,
  organizationId: string,
  id: string,
  values: { status: string; decidedBy: string | null; comment: string | null },
) {
  const [row] = await db
    .update(approvals)
    .set({
      ...values,
      decidedAt: sql`now()`,
      // The roles held at the moment of deciding, read in the same statement.
      decidedByRoles: values.decidedBy
        ? sql`(select u.roles from users u where u.id = ${values.decidedBy})`
        : null,
    })
    .where(
      and(
        eq(approvals.organizationId, organizationId),
        eq(approvals.id, id),
        eq(approvals.status, 'pending'),
      ),
    )
    .returning();
  return row ?? null;
}

export interface ApprovalFilter {
  status?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /**
   * Requests this user may decide: assigned to them or their roles (or of a
   * fixed type their roles decide), and not their own work.
   */
  decidableBy?: { userId: string; roles: string[]; fixedTypes: string[] } | undefined;
  /** 'own' reach: only requests the user made or authored, or that are assigned to them. */
  involving?: string | undefined;
}

export async function listApprovals(
  db: Executor,
  organizationId: string,
  f: ApprovalFilter,
  page: { limit: number; cursor?: string | undefined },
) {
  const conditions: SQL[] = [eq(approvals.organizationId, organizationId)];
  if (f.status) conditions.push(eq(approvals.status, f.status));
  if (f.entityType) conditions.push(eq(approvals.entityType, f.entityType));
  if (f.entityId) conditions.push(eq(approvals.entityId, f.entityId));
  if (f.decidableBy) {
    const { userId, roles, fixedTypes } = f.decidableBy;
    conditions.push(
      or(
        eq(approvals.assigneeUserId, userId),
        sql`${approvals.assigneeRole} = any(${sql.param(roles)}::text[])`,
        sql`${approvals.approvalType} = any(${sql.param(fixedTypes)}::text[])`,
      )!,
    );
    // Not the user's own work where the request segregates the author (the default).
    conditions.push(
      sql`not (${approvals.segregateAuthor} and coalesce(${approvals.authorId}, ${approvals.requestedBy}) = ${userId})`,
    );
    // Nor a request about the user themself (a role grant to them).
    conditions.push(
      sql`not (${approvals.entityType} = 'user' and ${approvals.entityId} = ${userId})`,
    );
  }
  if (f.involving) {
    conditions.push(
      or(
        eq(approvals.requestedBy, f.involving),
        eq(approvals.authorId, f.involving),
        eq(approvals.assigneeUserId, f.involving),
      )!,
    );
  }
  const after = decodeCursor(page.cursor, 2);
  if (after) {
    conditions.push(
      sql`(${approvals.requestedAt}, ${approvals.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`,
    );
  }
  const rows = await db
    .select()
    .from(approvals)
    .where(and(...conditions))
    .orderBy(desc(approvals.requestedAt), desc(approvals.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.requestedAt.toISOString(), r.id]);
}

export async function getPolicy(db: Executor, organizationId: string, approvalType: string) {
  const [row] = await db
    .select()
    .from(approvalPolicies)
    .where(
      and(
        eq(approvalPolicies.organizationId, organizationId),
        eq(approvalPolicies.approvalType, approvalType),
      ),
    );
  return row ?? null;
}

export async function listPolicies(db: Executor, organizationId: string) {
  return db
    .select()
    .from(approvalPolicies)
    .where(eq(approvalPolicies.organizationId, organizationId));
}

export async function upsertPolicy(
  db: Executor,
  organizationId: string,
  approvalType: string,
  values: { approverRole: string; segregateAuthor: boolean },
) {
  const [row] = await db
    .insert(approvalPolicies)
    .values({ organizationId, approvalType, ...values })
    .onConflictDoUpdate({
      target: [approvalPolicies.organizationId, approvalPolicies.approvalType],
      set: values,
    })
    .returning();
  return row!;
}

/** Pending requests of one type for these objects, e.g. role grants waiting for a page of users. */
export async function pendingOfType(
  db: Executor,
  organizationId: string,
  approvalType: string,
  entityIds: string[],
) {
  if (entityIds.length === 0) return [];
  return db
    .select()
    .from(approvals)
    .where(
      and(
        eq(approvals.organizationId, organizationId),
        eq(approvals.approvalType, approvalType),
        eq(approvals.status, 'pending'),
        sql`${approvals.entityId} = any(${sql.param(entityIds)}::text[])`,
      ),
    );
}
