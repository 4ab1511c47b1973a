import {
  and,
  asc,
  type AnyColumn,
  desc,
  eq,
  inArray,
  isNull,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { catalogLibraries, catalogNodes, catalogOverlays } from '../tables/catalog.ts';
import { scopeVersions } from '../tables/scope.ts';
import { soaEntries, soaVersions, soas, type SoaLink, type SoaReason } from '../tables/soa.ts';

export type SoaRow = typeof soas.$inferSelect;
export type SoaVersionRow = typeof soaVersions.$inferSelect;
export type NewSoaVersion = Omit<typeof soaVersions.$inferInsert, 'id'>;
export type SoaEntryRow = typeof soaEntries.$inferSelect;
export type { SoaLink, SoaReason };

type Page = { limit: number; cursor?: string | undefined };

// ---- statements ------------------------------------------------------------

const soaColumns = {
  id: soas.id,
  organizationId: soas.organizationId,
  scopeVersionId: soas.scopeVersionId,
  libraryId: soas.libraryId,
  title: soas.title,
  createdBy: soas.createdBy,
  createdAt: soas.createdAt,
  scopeVersionNumber: scopeVersions.number,
};
export type SoaWithScopeRow = SoaRow & { scopeVersionNumber: number };

export async function insertSoa(db: Executor, values: Omit<typeof soas.$inferInsert, 'id'>) {
  const [row] = await db.insert(soas).values(values).returning();
  return row!;
}

export async function getSoa(
  db: Executor,
  organizationId: string,
  id: string,
): Promise<SoaWithScopeRow | null> {
  const [row] = await db
    .select(soaColumns)
    .from(soas)
    .innerJoin(scopeVersions, eq(scopeVersions.id, soas.scopeVersionId))
    .where(and(eq(soas.organizationId, organizationId), eq(soas.id, id)));
  return row ?? null;
}

/** The organization's statements, newest first (few per organization: one per scope version). */
export async function listSoas(db: Executor, organizationId: string, page: Page) {
  const after = decodeCursor(page.cursor, 2);
  const conditions: SQL[] = [eq(soas.organizationId, organizationId)];
  if (after) {
    conditions.push(
      sql`(${soas.createdAt}, ${soas.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`,
    );
  }
  const rows = await db
    .select({ ...soaColumns, createdAtText: sql<string>`${soas.createdAt}::text` })
    .from(soas)
    .innerJoin(scopeVersions, eq(scopeVersions.id, soas.scopeVersionId))
    .where(and(...conditions))
    .orderBy(desc(soas.createdAt), desc(soas.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.createdAtText, r.id]);
}

/** The uuid of the organization-visible library row with this text ID (shipped or imported). */
export async function libraryUuid(db: Executor, organizationId: string, libraryId: string) {
  const [row] = await db
    .select({ id: catalogLibraries.id })
    .from(catalogLibraries)
    .where(
      and(
        eq(catalogLibraries.libraryId, libraryId),
        or(
          isNull(catalogLibraries.organizationId),
          eq(catalogLibraries.organizationId, organizationId),
        ),
      ),
    )
    .orderBy(sql`${catalogLibraries.organizationId} nulls last`)
    .limit(1);
  return row?.id ?? null;
}

// ---- versions ----------------------------------------------------------------

export async function insertVersion(db: Executor, values: NewSoaVersion) {
  const [row] = await db.insert(soaVersions).values(values).returning();
  return row!;
}

export async function latestVersion(
  db: Executor,
  organizationId: string,
  soaId: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(soaVersions)
    .where(and(eq(soaVersions.organizationId, organizationId), eq(soaVersions.soaId, soaId)))
    .orderBy(desc(soaVersions.number))
    .limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function approvedVersion(db: Executor, organizationId: string, soaId: string) {
  const [row] = await db
    .select()
    .from(soaVersions)
    .where(
      and(
        eq(soaVersions.organizationId, organizationId),
        eq(soaVersions.soaId, soaId),
        eq(soaVersions.status, 'approved'),
      ),
    )
    .orderBy(desc(soaVersions.number))
    .limit(1);
  return row ?? null;
}

export async function getVersion(
  db: Executor,
  organizationId: string,
  id: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(soaVersions)
    .where(and(eq(soaVersions.organizationId, organizationId), eq(soaVersions.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function listVersions(
  db: Executor,
  organizationId: string,
  soaId: string,
  page: Page,
) {
  const after = decodeCursor(page.cursor, 1);
  const conditions: SQL[] = [
    eq(soaVersions.organizationId, organizationId),
    eq(soaVersions.soaId, soaId),
  ];
  if (after) conditions.push(sql`${soaVersions.number} < ${Number(after[0])}`);
  const rows = await db
    .select()
    .from(soaVersions)
    .where(and(...conditions))
    .orderBy(desc(soaVersions.number))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.number]);
}

/** Updates a version; with expectedVersion only if unchanged since read (null: unconditional). */
export async function updateVersion(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number | null,
  values: Partial<Omit<NewSoaVersion, 'organizationId' | 'soaId'>>,
) {
  const conditions = [eq(soaVersions.organizationId, organizationId), eq(soaVersions.id, id)];
  if (expectedVersion !== null) conditions.push(eq(soaVersions.version, expectedVersion));
  const [row] = await db
    .update(soaVersions)
    .set({ ...values, version: sql`${soaVersions.version} + 1`, updatedAt: sql`now()` })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

/** Marks the statement's other approved versions as superseded. */
export async function supersedeApproved(
  db: Executor,
  organizationId: string,
  soaId: string,
  exceptId: string,
) {
  await db
    .update(soaVersions)
    .set({ status: 'superseded', updatedAt: sql`now()` })
    .where(
      and(
        eq(soaVersions.organizationId, organizationId),
        eq(soaVersions.soaId, soaId),
        eq(soaVersions.status, 'approved'),
        ne(soaVersions.id, exceptId),
      ),
    );
}

export interface SoaCounts {
  total: number;
  undecided: number;
  applicable: number;
  excluded: number;
  notImplemented: number;
  proposed: number;
}

/** Entry counts of several versions in one query. */
export async function versionCounts(db: Executor, organizationId: string, versionIds: string[]) {
  const result = new Map<string, SoaCounts>();
  if (versionIds.length === 0) return result;
  const rows = await db
    .select({
      versionId: soaEntries.soaVersionId,
      total: sql<number>`count(*)::int`,
      undecided: sql<number>`(count(*) filter (where ${soaEntries.applicable} is null))::int`,
      applicable: sql<number>`(count(*) filter (where ${soaEntries.applicable}))::int`,
      excluded: sql<number>`(count(*) filter (where not ${soaEntries.applicable}))::int`,
      notImplemented: sql<number>`(count(*) filter (where ${soaEntries.applicable} and ${soaEntries.implementationStatus} <> 'implemented'))::int`,
      proposed: sql<number>`(count(*) filter (where ${soaEntries.proposed}))::int`,
    })
    .from(soaEntries)
    .where(
      and(
        eq(soaEntries.organizationId, organizationId),
        inArray(soaEntries.soaVersionId, versionIds),
      ),
    )
    .groupBy(soaEntries.soaVersionId);
  for (const { versionId, ...counts } of rows) result.set(versionId, counts);
  return result;
}

// ---- entries -------------------------------------------------------------------

/** One entry per control of the library the organization sees (annex and own), in one insert. */
export async function insertCatalogEntries(
  db: Executor,
  organizationId: string,
  versionId: string,
  library: string,
) {
  await db.execute(sql`
    insert into soa_entries (soa_version_id, organization_id, control_id)
    select ${versionId}::uuid, ${organizationId}::uuid, n.node_id
    from catalog_nodes n
    where n.library_id = ${library}::uuid and n.namespace = 'control' and n.kind = 'control'
      and (n.organization_id is null or n.organization_id = ${organizationId}::uuid)
    on conflict do nothing`);
}

/** Copies every entry of one version into another (the next draft starts as the last one ended). */
export async function copyEntries(
  db: Executor,
  organizationId: string,
  fromVersionId: string,
  toVersionId: string,
) {
  await db.execute(sql`
    insert into soa_entries (soa_version_id, organization_id, control_id, applicable, proposed,
      reasons, exclusion_reason, risk_accepted_by, risk_accepted_on, implementation_status,
      links, owner_user_id, notes, updated_by, updated_at)
    select ${toVersionId}::uuid, organization_id, control_id, applicable, proposed, reasons,
      exclusion_reason, risk_accepted_by, risk_accepted_on, implementation_status, links,
      owner_user_id, notes, updated_by, updated_at
    from soa_entries
    where organization_id = ${organizationId}::uuid and soa_version_id = ${fromVersionId}::uuid`);
}

export type EntryFilter = 'undecided' | 'excluded' | 'not_implemented' | 'applicable' | 'proposed';

function filterCondition(filter: EntryFilter | undefined): SQL | undefined {
  switch (filter) {
    case 'undecided':
      return sql`${soaEntries.applicable} is null`;
    case 'excluded':
      return sql`${soaEntries.applicable} = false`;
    case 'applicable':
      return sql`${soaEntries.applicable} = true`;
    case 'not_implemented':
      return sql`${soaEntries.applicable} = true and ${soaEntries.implementationStatus} <> 'implemented'`;
    case 'proposed':
      return sql`${soaEntries.proposed}`;
    default:
      return undefined;
  }
}

const control = alias(catalogNodes, 'control');
const objective = alias(catalogNodes, 'objective');
const domain = alias(catalogNodes, 'domain');

/**
 * The entries of a version with their control, objective and domain (and the
 * organization's licensed text when present), in catalog order: one query.
 */
export async function listEntries(
  db: Executor,
  organizationId: string,
  versionId: string,
  library: string,
  opts: { filter?: EntryFilter | undefined; controlIds?: string[] | undefined } = {},
) {
  const conditions: SQL[] = [
    eq(soaEntries.organizationId, organizationId),
    eq(soaEntries.soaVersionId, versionId),
  ];
  const filter = filterCondition(opts.filter);
  if (filter) conditions.push(filter);
  if (opts.controlIds) conditions.push(inArray(soaEntries.controlId, opts.controlIds));
  const sameLibrary = (t: { libraryId: AnyColumn; namespace: AnyColumn }) =>
    and(eq(t.libraryId, library), eq(t.namespace, 'control'));
  return db
    .select({
      entry: soaEntries,
      displayId: control.displayId,
      own: sql<boolean>`${control.organizationId} is not null`,
      title: control.title,
      summary: control.summary,
      position: control.position,
      objectiveId: objective.nodeId,
      objectiveDisplayId: objective.displayId,
      objectiveTitle: objective.title,
      domainId: domain.nodeId,
      domainDisplayId: domain.displayId,
      domainTitle: domain.title,
      official: catalogOverlays.text,
    })
    .from(soaEntries)
    .leftJoin(
      control,
      and(
        sameLibrary(control),
        eq(control.nodeId, soaEntries.controlId),
        or(isNull(control.organizationId), eq(control.organizationId, organizationId)),
      ),
    )
    .leftJoin(
      objective,
      and(
        sameLibrary(objective),
        eq(objective.nodeId, control.parentId),
        isNull(objective.organizationId),
      ),
    )
    .leftJoin(
      domain,
      and(
        sameLibrary(domain),
        sql`${domain.nodeId} = ${control.ancestorIds}[1]`,
        isNull(domain.organizationId),
      ),
    )
    .leftJoin(
      catalogOverlays,
      and(
        eq(catalogOverlays.organizationId, organizationId),
        eq(catalogOverlays.libraryId, library),
        eq(catalogOverlays.namespace, 'control'),
        eq(catalogOverlays.nodeId, soaEntries.controlId),
      ),
    )
    .where(and(...conditions))
    .orderBy(sql`${control.position} nulls last`, asc(soaEntries.controlId));
}
export type SoaEntryDetailRow = Awaited<ReturnType<typeof listEntries>>[number];

export type EntryValues = Partial<
  Pick<
    typeof soaEntries.$inferInsert,
    | 'applicable'
    | 'proposed'
    | 'reasons'
    | 'exclusionReason'
    | 'riskAcceptedBy'
    | 'riskAcceptedOn'
    | 'implementationStatus'
    | 'links'
    | 'ownerUserId'
    | 'notes'
  >
>;

/** Applies one change to several entries of a version in one update; returns the ids changed. */
export async function updateEntries(
  db: Executor,
  organizationId: string,
  versionId: string,
  controlIds: string[],
  values: EntryValues,
  updatedBy: string | null,
) {
  const rows = await db
    .update(soaEntries)
    .set({ ...values, updatedBy, updatedAt: sql`now()` })
    .where(
      and(
        eq(soaEntries.organizationId, organizationId),
        eq(soaEntries.soaVersionId, versionId),
        inArray(soaEntries.controlId, controlIds),
      ),
    )
    .returning({ controlId: soaEntries.controlId });
  return rows.map((r) => r.controlId);
}

/** A drafted entry: the proposal the risk work and the scope make for one control. */
export interface DraftedEntry {
  controlId: string;
  applicable: boolean | null;
  proposed: boolean;
  reasons: SoaReason[];
  exclusionReason: string;
  riskAcceptedBy: string | null;
  riskAcceptedOn: string | null;
}

/** Writes drafted entries in one `update … from jsonb_to_recordset`. */
export async function applyDraft(
  db: Executor,
  organizationId: string,
  versionId: string,
  drafted: DraftedEntry[],
) {
  if (drafted.length === 0) return;
  const payload = JSON.stringify(
    drafted.map((d) => ({
      control_id: d.controlId,
      applicable: d.applicable,
      proposed: d.proposed,
      reasons: d.reasons,
      exclusion_reason: d.exclusionReason,
      risk_accepted_by: d.riskAcceptedBy,
      risk_accepted_on: d.riskAcceptedOn,
    })),
  );
  await db.execute(sql`
    update soa_entries e set applicable = d.applicable, proposed = d.proposed,
      reasons = d.reasons, exclusion_reason = d.exclusion_reason,
      risk_accepted_by = d.risk_accepted_by, risk_accepted_on = d.risk_accepted_on,
      updated_at = now()
    from jsonb_to_recordset(${payload}::jsonb) as d(control_id text, applicable boolean,
      proposed boolean, reasons jsonb, exclusion_reason text, risk_accepted_by uuid,
      risk_accepted_on date)
    where e.organization_id = ${organizationId}::uuid and e.soa_version_id = ${versionId}::uuid
      and e.control_id = d.control_id`);
}

export interface RiskSelection {
  controlId: string;
  riskId: string;
  code: string;
}

/**
 * Controls selected by the organization's risk treatments (risk_controls with
 * role 'selected'), one row per control and risk, in one query.
 */
export async function selectedRiskControls(db: Executor, organizationId: string) {
  return queryRows<RiskSelection>(
    db,
    sql`
    select rc.control_id as "controlId", r.id::text as "riskId", r.code as "code"
    from risk_controls rc
    join risks r on r.id = rc.risk_id and r.organization_id = rc.organization_id
    where rc.organization_id = ${organizationId}::uuid and rc.role = 'selected'
    order by rc.control_id, r.code`,
  );
}
