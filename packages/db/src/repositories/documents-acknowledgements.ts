import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { documentAcknowledgements, documents, documentVersions } from '../tables/documents.ts';
import { users } from '../tables/identity.ts';

export interface DistributionList {
  orgUnitIds: string[];
  roles: string[];
  userIds: string[];
}

/**
 * Creates the "to read" entries of an issued version in one statement: every
 * active user of the organization named in the distribution, holding one of
 * its roles, or belonging to (`users.org_unit_id`) or heading one of its units
 * or of any unit below them (the unit tree is walked by a recursive CTE).
 * External auditors never receive documents to acknowledge. Returns how many
 * recipients were added.
 */
export async function createAcknowledgements(
  db: Executor,
  organizationId: string,
  documentId: string,
  versionId: string,
  d: DistributionList,
) {
  const rows = await queryRows<{ user_id: string }>(
    db,
    sql`with recursive units (id, manager_user_id) as (
        select ou.id, ou.manager_user_id from org_units ou
        where ou.organization_id = ${organizationId}
          and ou.id = any(${sql.param(d.orgUnitIds)}::uuid[])
        union
        select c.id, c.manager_user_id from org_units c
        join units p on c.parent_id = p.id
        where c.organization_id = ${organizationId}
      )
      insert into document_acknowledgements (organization_id, document_id, version_id, user_id)
      select ${organizationId}::uuid, ${documentId}::uuid, ${versionId}::uuid, u.id
      from users u
      where u.organization_id = ${organizationId}
        and u.active
        and (u.access_expires_at is null or u.access_expires_at > now())
        and not ('external_auditor' = any(u.roles))
        and (u.id = any(${sql.param(d.userIds)}::uuid[])
          or u.roles && ${sql.param(d.roles)}::text[]
          or u.org_unit_id in (select id from units)
          or u.id in (select manager_user_id from units))
      on conflict do nothing
      returning user_id`,
  );
  return rows.length;
}

/**
 * Puts the issued documents distributed to a user's unit, or to any unit above
 * it, on that user's "to read" list, in one statement: for someone who joined
 * a unit after those documents were issued. Same recipient rules as
 * createAcknowledgements. Returns the documents added.
 */
export async function createAcknowledgementsForMember(
  db: Executor,
  organizationId: string,
  userId: string,
) {
  const rows = await queryRows<{ document_id: string }>(
    db,
    sql`with recursive up (id) as (
        select u.org_unit_id from users u
        where u.organization_id = ${organizationId} and u.id = ${userId}
          and u.org_unit_id is not null
        union
        select ou.parent_id from org_units ou
        join up on ou.id = up.id
        where ou.organization_id = ${organizationId} and ou.parent_id is not null
      )
      insert into document_acknowledgements (organization_id, document_id, version_id, user_id)
      select d.organization_id, d.id, d.current_version_id, u.id
      from documents d
      join users u on u.organization_id = d.organization_id and u.id = ${userId}
      where d.organization_id = ${organizationId}
        and d.status = 'issued'
        and d.current_version_id is not null
        and d.distribution_unit_ids && array(select id from up)
        and u.active
        and (u.access_expires_at is null or u.access_expires_at > now())
        and not ('external_auditor' = any(u.roles))
      on conflict do nothing
      returning document_id`,
  );
  return rows.map((r) => r.document_id);
}

export async function acknowledge(
  db: Executor,
  organizationId: string,
  versionId: string,
  userId: string,
) {
  const [row] = await db
    .update(documentAcknowledgements)
    .set({ acknowledgedAt: sql`now()` })
    .where(
      and(
        eq(documentAcknowledgements.organizationId, organizationId),
        eq(documentAcknowledgements.versionId, versionId),
        eq(documentAcknowledgements.userId, userId),
        isNull(documentAcknowledgements.acknowledgedAt),
      ),
    )
    .returning();
  return row ?? null;
}

export async function acknowledgementOf(
  db: Executor,
  organizationId: string,
  versionId: string,
  userId: string,
) {
  const [row] = await db
    .select()
    .from(documentAcknowledgements)
    .where(
      and(
        eq(documentAcknowledgements.organizationId, organizationId),
        eq(documentAcknowledgements.versionId, versionId),
        eq(documentAcknowledgements.userId, userId),
      ),
    );
  return row ?? null;
}

/** Every recipient of a version with their name, acknowledged or not, by name. */
export async function recipientsOf(db: Executor, organizationId: string, versionId: string) {
  return db
    .select({
      userId: documentAcknowledgements.userId,
      displayName: users.displayName,
      email: users.email,
      notifiedAt: documentAcknowledgements.notifiedAt,
      acknowledgedAt: documentAcknowledgements.acknowledgedAt,
    })
    .from(documentAcknowledgements)
    .innerJoin(users, eq(users.id, documentAcknowledgements.userId))
    .where(
      and(
        eq(documentAcknowledgements.organizationId, organizationId),
        eq(documentAcknowledgements.versionId, versionId),
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
}

/** A user's "to read" list: issued versions distributed to them and not yet acknowledged. */
export async function toReadOf(db: Executor, organizationId: string, userId: string) {
  return db
    .select({
      documentId: documents.id,
      versionId: documentVersions.id,
      code: documents.code,
      title: documents.title,
      type: documents.type,
      revision: documentVersions.revision,
      issuedAt: documentVersions.issuedAt,
      notifiedAt: documentAcknowledgements.notifiedAt,
    })
    .from(documentAcknowledgements)
    .innerJoin(documentVersions, eq(documentVersions.id, documentAcknowledgements.versionId))
    .innerJoin(documents, eq(documents.id, documentAcknowledgements.documentId))
    .where(
      and(
        eq(documentAcknowledgements.organizationId, organizationId),
        eq(documentAcknowledgements.userId, userId),
        isNull(documentAcknowledgements.acknowledgedAt),
        eq(documentVersions.status, 'issued'),
      ),
    )
    .orderBy(desc(documentAcknowledgements.notifiedAt), asc(documents.code))
    .limit(500);
}

/** Whether any version of the document was distributed to the user. */
export async function isRecipient(
  db: Executor,
  organizationId: string,
  documentId: string,
  userId: string,
) {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(documentAcknowledgements)
    .where(
      and(
        eq(documentAcknowledgements.organizationId, organizationId),
        eq(documentAcknowledgements.documentId, documentId),
        eq(documentAcknowledgements.userId, userId),
      ),
    )
    .limit(1);
  return Boolean(row);
}
