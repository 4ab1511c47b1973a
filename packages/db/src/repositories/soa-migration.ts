import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import {
  soaMigrationEntries,
  soaMigrations,
  soaVersions,
  soas,
  type SoaLink,
  type SoaMigrationSource,
  type SoaReason,
} from '../tables/soa.ts';

/** Statements drafted from another library's statement in force, and their review state. */

export type SoaMigrationRow = typeof soaMigrations.$inferSelect;
export type SoaMigrationEntryRow = typeof soaMigrationEntries.$inferSelect;
export type { SoaMigrationSource };

export interface InForceSoa {
  soaId: string;
  title: string;
  libraryId: string;
  scopeVersionId: string;
  versionId: string;
  versionNumber: number;
  approvedAt: Date | null;
}

/** The statement of a library with the most recently approved version (the one in force). */
export async function inForceSoa(
  db: Executor,
  organizationId: string,
  libraryId: string,
): Promise<InForceSoa | null> {
  const [row] = await db
    .select({
      soaId: soas.id,
      title: soas.title,
      libraryId: soas.libraryId,
      scopeVersionId: soas.scopeVersionId,
      versionId: soaVersions.id,
      versionNumber: soaVersions.number,
      approvedAt: soaVersions.approvedAt,
    })
    .from(soaVersions)
    .innerJoin(soas, eq(soas.id, soaVersions.soaId))
    .where(
      and(
        eq(soaVersions.organizationId, organizationId),
        eq(soaVersions.status, 'approved'),
        eq(soas.organizationId, organizationId),
        eq(soas.libraryId, libraryId),
      ),
    )
    .orderBy(sql`${soaVersions.approvedAt} desc nulls last`, desc(soaVersions.number))
    .limit(1);
  return row ?? null;
}

export async function migrationFromSource(
  db: Executor,
  organizationId: string,
  sourceSoaId: string,
  targetLibraryId: string,
) {
  const [row] = await db
    .select()
    .from(soaMigrations)
    .where(
      and(
        eq(soaMigrations.organizationId, organizationId),
        eq(soaMigrations.sourceSoaId, sourceSoaId),
        eq(soaMigrations.targetLibraryId, targetLibraryId),
      ),
    );
  return row ?? null;
}

export async function migrationOfTarget(db: Executor, organizationId: string, targetSoaId: string) {
  const [row] = await db
    .select()
    .from(soaMigrations)
    .where(
      and(
        eq(soaMigrations.organizationId, organizationId),
        eq(soaMigrations.targetSoaId, targetSoaId),
      ),
    );
  return row ?? null;
}

export async function insertMigration(
  db: Executor,
  values: Omit<typeof soaMigrations.$inferInsert, 'id' | 'createdAt'>,
) {
  const [row] = await db.insert(soaMigrations).values(values).returning();
  return row!;
}

export async function insertMigrationEntries(
  db: Executor,
  rows: Omit<typeof soaMigrationEntries.$inferInsert, 'confirmedAt'>[],
) {
  if (rows.length === 0) return;
  await db
    .insert(soaMigrationEntries)
    .values(rows.map((r) => ({ ...r, confirmedAt: r.review === 'confirmed' ? new Date() : null })));
}

/** The review state of every entry of a migration, in control ID order. */
export async function listMigrationEntries(
  db: Executor,
  organizationId: string,
  migrationId: string,
) {
  return db
    .select()
    .from(soaMigrationEntries)
    .where(
      and(
        eq(soaMigrationEntries.organizationId, organizationId),
        eq(soaMigrationEntries.migrationId, migrationId),
      ),
    )
    .orderBy(soaMigrationEntries.controlId);
}

export async function getMigrationEntry(
  db: Executor,
  organizationId: string,
  migrationId: string,
  controlId: string,
) {
  const [row] = await db
    .select()
    .from(soaMigrationEntries)
    .where(
      and(
        eq(soaMigrationEntries.organizationId, organizationId),
        eq(soaMigrationEntries.migrationId, migrationId),
        eq(soaMigrationEntries.controlId, controlId),
      ),
    )
    .for('update');
  return row ?? null;
}

export async function confirmMigrationEntry(
  db: Executor,
  organizationId: string,
  migrationId: string,
  controlId: string,
  userId: string | null,
) {
  const [row] = await db
    .update(soaMigrationEntries)
    .set({ review: 'confirmed', confirmedBy: userId, confirmedAt: sql`now()` })
    .where(
      and(
        eq(soaMigrationEntries.organizationId, organizationId),
        eq(soaMigrationEntries.migrationId, migrationId),
        eq(soaMigrationEntries.controlId, controlId),
      ),
    )
    .returning();
  return row ?? null;
}

/** Control IDs of a statement's migrated entries still awaiting review (none when not migrated). */
export async function pendingReviewIds(db: Executor, organizationId: string, targetSoaId: string) {
  const rows = await queryRows<{ controlId: string }>(
    db,
    sql`select e.control_id as "controlId" from soa_migration_entries e
      join soa_migrations m on m.id = e.migration_id and m.organization_id = e.organization_id
      where m.organization_id = ${organizationId}::uuid and m.target_soa_id = ${targetSoaId}::uuid
        and e.review = 'pending'`,
  );
  return new Set(rows.map((r) => r.controlId));
}

/** A pre-filled entry of the drafted statement (every decision field). */
export interface MigratedEntry {
  controlId: string;
  applicable: boolean | null;
  proposed: boolean;
  reasons: SoaReason[];
  exclusionReason: string;
  riskAcceptedBy: string | null;
  riskAcceptedOn: string | null;
  implementationStatus: string;
  links: SoaLink[];
  ownerUserId: string | null;
}

/** Writes the pre-filled entries into a version in one `update … from jsonb_to_recordset`. */
export async function applyMigratedEntries(
  db: Executor,
  organizationId: string,
  versionId: string,
  entries: MigratedEntry[],
  updatedBy: string | null,
) {
  if (entries.length === 0) return;
  const payload = JSON.stringify(
    entries.map((d) => ({
      control_id: d.controlId,
      applicable: d.applicable,
      proposed: d.proposed,
      reasons: d.reasons,
      exclusion_reason: d.exclusionReason,
      risk_accepted_by: d.riskAcceptedBy,
      risk_accepted_on: d.riskAcceptedOn,
      implementation_status: d.implementationStatus,
      links: d.links,
      owner_user_id: d.ownerUserId,
    })),
  );
  await db.execute(sql`
    update soa_entries e set applicable = d.applicable, proposed = d.proposed,
      reasons = d.reasons, exclusion_reason = d.exclusion_reason,
      risk_accepted_by = d.risk_accepted_by, risk_accepted_on = d.risk_accepted_on,
      implementation_status = d.implementation_status, links = d.links,
      owner_user_id = d.owner_user_id, updated_by = ${updatedBy}::uuid, updated_at = now()
    from jsonb_to_recordset(${payload}::jsonb) as d(control_id text, applicable boolean,
      proposed boolean, reasons jsonb, exclusion_reason text, risk_accepted_by uuid,
      risk_accepted_on date, implementation_status text, links jsonb, owner_user_id uuid)
    where e.organization_id = ${organizationId}::uuid and e.soa_version_id = ${versionId}::uuid
      and e.control_id = d.control_id`);
}
