import { and, asc, desc, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { type Executor } from '../client.ts';
import { assets } from '../tables/assets.ts';
import { catalogLibraries } from '../tables/catalog.ts';
import { documents } from '../tables/documents.ts';
import { riskControls, riskScores, risks, threats } from '../tables/risks.ts';
import { soaEntries, soaVersions, soas } from '../tables/soa.ts';

/**
 * Where one catalog control is used: the risks linking it, its entry in the
 * organization's latest statement of applicability, the documents serving it.
 * Risks, statements and documents name controls by their text ID; the caller
 * decides which library those IDs belong to.
 */

/** The text ID of a library row the organization sees, and whether it is shipped. */
export async function usageLibrary(db: Executor, organizationId: string, libraryUuid: string) {
  const [row] = await db
    .select({
      libraryId: catalogLibraries.libraryId,
      shipped: sql<boolean>`${catalogLibraries.organizationId} is null`,
    })
    .from(catalogLibraries)
    .where(
      and(
        eq(catalogLibraries.id, libraryUuid),
        or(
          isNull(catalogLibraries.organizationId),
          eq(catalogLibraries.organizationId, organizationId),
        ),
      ),
    );
  return row ?? null;
}

// ---- risks -------------------------------------------------------------------

/**
 * The links of the control: one equality scan of risk_controls_control_idx
 * (organization, role, control) per role, so PostgreSQL 15 (no skip scan)
 * never walks the organization's other links.
 */
function links(db: Executor, organizationId: string, controlId: string) {
  const byRole = (role: 'existing' | 'selected') =>
    db
      .select({ riskId: riskControls.riskId, role: riskControls.role })
      .from(riskControls)
      .where(
        and(
          eq(riskControls.organizationId, organizationId),
          eq(riskControls.role, role),
          eq(riskControls.controlId, controlId),
        ),
      );
  return byRole('existing').unionAll(byRole('selected')).as('links');
}

/** How many risks link the control (existing or selected). */
export async function countControlRisks(db: Executor, organizationId: string, controlId: string) {
  const linked = links(db, organizationId, controlId);
  const [row] = await db
    .select({ count: sql<number>`count(distinct ${linked.riskId})::int` })
    .from(linked);
  return row?.count ?? 0;
}

/** The first `limit` risks linking the control, highest level first, with asset and threat. */
export async function controlRisks(
  db: Executor,
  organizationId: string,
  controlId: string,
  limit: number,
) {
  const all = links(db, organizationId, controlId);
  const linked = db
    .select({
      riskId: all.riskId,
      roles: sql<string[]>`array_agg(distinct ${all.role})`.as('roles'),
    })
    .from(all)
    .groupBy(all.riskId)
    .as('linked');
  return db
    .select({
      id: risks.id,
      code: risks.code,
      level: riskScores.level,
      value: riskScores.value,
      status: risks.status,
      treatmentOption: risks.treatmentOption,
      roles: linked.roles,
      assetId: assets.id,
      assetCode: assets.code,
      assetName: assets.name,
      threatId: threats.id,
      threatCode: threats.code,
      threatNameJa: threats.nameJa,
      threatNameEn: threats.nameEn,
    })
    .from(linked)
    .innerJoin(risks, and(eq(risks.id, linked.riskId), eq(risks.organizationId, organizationId)))
    .innerJoin(riskScores, eq(riskScores.id, risks.scoreId))
    .innerJoin(assets, eq(assets.id, risks.assetId))
    .innerJoin(threats, eq(threats.id, risks.threatId))
    .orderBy(sql`${riskScores.level} desc nulls last`, asc(risks.code))
    .limit(limit);
}
export type ControlRiskRow = Awaited<ReturnType<typeof controlRisks>>[number];

// ---- statement of applicability ---------------------------------------------------

/**
 * The control's entry in the latest version of the organization's latest
 * statement (the one the SoA page opens) for the given library, if any.
 */
export async function controlSoaEntry(
  db: Executor,
  organizationId: string,
  libraryId: string,
  controlId: string,
) {
  const [latest] = await db
    .select({
      soaId: soas.id,
      title: soas.title,
      libraryId: soas.libraryId,
      versionId: soaVersions.id,
      versionNumber: soaVersions.number,
      versionStatus: soaVersions.status,
    })
    .from(soas)
    .innerJoin(
      soaVersions,
      and(eq(soaVersions.soaId, soas.id), eq(soaVersions.organizationId, organizationId)),
    )
    .where(eq(soas.organizationId, organizationId))
    .orderBy(desc(soas.createdAt), desc(soas.id), desc(soaVersions.number))
    .limit(1);
  if (!latest || latest.libraryId !== libraryId) return null;
  const [entry] = await db
    .select({
      applicable: soaEntries.applicable,
      proposed: soaEntries.proposed,
      reasons: soaEntries.reasons,
      exclusionReason: soaEntries.exclusionReason,
      implementationStatus: soaEntries.implementationStatus,
    })
    .from(soaEntries)
    .where(
      and(
        eq(soaEntries.organizationId, organizationId),
        eq(soaEntries.soaVersionId, latest.versionId),
        eq(soaEntries.controlId, controlId),
      ),
    );
  return entry ? { ...latest, ...entry } : null;
}
export type ControlSoaRow = NonNullable<Awaited<ReturnType<typeof controlSoaEntry>>>;

// ---- documents ------------------------------------------------------------------

export interface ControlDocumentFilter {
  /** Withdrawn documents too (left out by default). */
  includeObsolete: boolean;
  /** Only documents this user owns or must read (reach 'own' of documents:read). */
  visibleTo?: string | undefined;
}

function documentConditions(
  organizationId: string,
  controlId: string,
  filter: ControlDocumentFilter,
): SQL[] {
  const conditions: SQL[] = [
    eq(documents.organizationId, organizationId),
    sql`${documents.controlIds} @> array[${controlId}]::text[]`,
  ];
  if (!filter.includeObsolete) conditions.push(ne(documents.status, 'obsolete'));
  if (filter.visibleTo !== undefined) {
    // The same visibility as the document register (repositories/documents.ts).
    conditions.push(sql`(${documents.ownerUserId} = ${filter.visibleTo} or exists (
      select 1 from document_acknowledgements a
      where a.organization_id = ${organizationId} and a.document_id = ${documents.id}
        and a.user_id = ${filter.visibleTo}))`);
  }
  return conditions;
}

export async function countControlDocuments(
  db: Executor,
  organizationId: string,
  controlId: string,
  filter: ControlDocumentFilter,
) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(documents)
    .where(and(...documentConditions(organizationId, controlId, filter)));
  return row?.count ?? 0;
}

/** The first `limit` documents serving the control, by code. */
export async function controlDocuments(
  db: Executor,
  organizationId: string,
  controlId: string,
  filter: ControlDocumentFilter,
  limit: number,
) {
  return db
    .select({
      id: documents.id,
      code: documents.code,
      title: documents.title,
      type: documents.type,
      status: documents.status,
      currentRevision: documents.currentRevision,
    })
    .from(documents)
    .where(and(...documentConditions(organizationId, controlId, filter)))
    .orderBy(asc(documents.code))
    .limit(limit);
}
export type ControlDocumentRow = Awaited<ReturnType<typeof controlDocuments>>[number];
