import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { competenceRequirements, personAgreements, personCompetences } from '../tables/people.ts';
import { gapSql, type GapStatus } from './people-gaps.ts';

/**
 * A person's competences (qualifications, certificates, skills with expiry)
 * and signed agreements, with how many evidence files each carries, and the
 * paged competence-gap list over people.ts's one gap query. Every query is
 * scoped by the organization id it is given.
 */

export type CompetenceRow = typeof personCompetences.$inferSelect;
export type NewCompetence = Omit<typeof personCompetences.$inferInsert, 'id'>;
export type AgreementRow = typeof personAgreements.$inferSelect;
export type NewAgreement = Omit<typeof personAgreements.$inferInsert, 'id'>;

/** A person holds at most this many of each (the profile shows them all). */
export const MAX_PER_PERSON = 200;

const c = personCompetences;
const a = personAgreements;
/** Files of each row; the table is named in full since drizzle leaves single-table columns bare. */
const fileCount = (table: 'person_competences' | 'person_agreements', ownerType: string) =>
  sql<number>`(select count(*)::int from files f
    where f.organization_id = ${sql.raw(table)}.organization_id
      and f.owner_type = ${ownerType} and f.owner_id = ${sql.raw(table)}.id)`;

// ---- competences ----------------------------------------------------------------------

export type CompetenceView = CompetenceRow & { requirementName: string | null; fileCount: number };

const selectCompetences = (db: Executor) =>
  db
    .select({
      id: c.id,
      organizationId: c.organizationId,
      userId: c.userId,
      kind: c.kind,
      name: c.name,
      issuer: c.issuer,
      requirementId: c.requirementId,
      obtainedOn: c.obtainedOn,
      expiresOn: c.expiresOn,
      note: c.note,
      createdBy: c.createdBy,
      version: c.version,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      requirementName: competenceRequirements.name,
      fileCount: fileCount('person_competences', 'person_competence'),
    })
    .from(c)
    .leftJoin(competenceRequirements, eq(competenceRequirements.id, c.requirementId));

export async function competencesOf(db: Executor, org: string, userId: string) {
  return (await selectCompetences(db)
    .where(and(eq(c.organizationId, org), eq(c.userId, userId)))
    .orderBy(sql`${c.expiresOn} nulls last`, asc(c.name), asc(c.id))
    .limit(MAX_PER_PERSON)) as CompetenceView[];
}

export async function getCompetence(db: Executor, org: string, id: string) {
  const [row] = await selectCompetences(db).where(and(eq(c.organizationId, org), eq(c.id, id)));
  return (row as CompetenceView | undefined) ?? null;
}

export async function getCompetenceRow(db: Executor, org: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(c)
    .where(and(eq(c.organizationId, org), eq(c.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function countCompetences(db: Executor, org: string, userId: string) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from person_competences
      where organization_id = ${org} and user_id = ${userId}`,
  );
  return row?.n ?? 0;
}

export async function insertCompetence(db: Executor, values: NewCompetence) {
  const [row] = await db.insert(c).values(values).returning();
  return row!;
}

export async function updateCompetence(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewCompetence, 'organizationId' | 'userId'>>,
) {
  const [row] = await db
    .update(c)
    .set({ ...values, version: sql`${c.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(c.organizationId, org), eq(c.id, id), eq(c.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function deleteCompetence(db: Executor, org: string, id: string, version: number) {
  const [row] = await db
    .delete(c)
    .where(and(eq(c.organizationId, org), eq(c.id, id), eq(c.version, version)))
    .returning();
  return row ?? null;
}

/** The kind of a requirement of the organization, or null when it is not one. */
export async function requirementKind(db: Executor, org: string, requirementId: string) {
  const [row] = await queryRows<{ kind: string }>(
    db,
    sql`select kind from competence_requirements
      where organization_id = ${org} and id = ${requirementId}`,
  );
  return row?.kind ?? null;
}

// ---- agreements -----------------------------------------------------------------------

export type AgreementView = AgreementRow & { fileCount: number };

const selectAgreements = (db: Executor) =>
  db
    .select({
      id: a.id,
      organizationId: a.organizationId,
      userId: a.userId,
      kind: a.kind,
      signedOn: a.signedOn,
      expiresOn: a.expiresOn,
      note: a.note,
      createdBy: a.createdBy,
      version: a.version,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      fileCount: fileCount('person_agreements', 'person_agreement'),
    })
    .from(a);

export async function agreementsOf(db: Executor, org: string, userId: string) {
  return (await selectAgreements(db)
    .where(and(eq(a.organizationId, org), eq(a.userId, userId)))
    .orderBy(desc(a.signedOn), asc(a.id))
    .limit(MAX_PER_PERSON)) as AgreementView[];
}

export async function getAgreement(db: Executor, org: string, id: string) {
  const [row] = await selectAgreements(db).where(and(eq(a.organizationId, org), eq(a.id, id)));
  return (row as AgreementView | undefined) ?? null;
}

export async function getAgreementRow(db: Executor, org: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(a)
    .where(and(eq(a.organizationId, org), eq(a.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function countAgreements(db: Executor, org: string, userId: string) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from person_agreements
      where organization_id = ${org} and user_id = ${userId}`,
  );
  return row?.n ?? 0;
}

export async function insertAgreement(db: Executor, values: NewAgreement) {
  const [row] = await db.insert(a).values(values).returning();
  return row!;
}

export async function updateAgreement(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewAgreement, 'organizationId' | 'userId'>>,
) {
  const [row] = await db
    .update(a)
    .set({ ...values, version: sql`${a.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(a.organizationId, org), eq(a.id, id), eq(a.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function deleteAgreement(db: Executor, org: string, id: string, version: number) {
  const [row] = await db
    .delete(a)
    .where(and(eq(a.organizationId, org), eq(a.id, id), eq(a.version, version)))
    .returning();
  return row ?? null;
}

// ---- the gap list ---------------------------------------------------------------------

export interface GapListRow {
  user_id: string;
  display_name: string;
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  requirement_id: string;
  kind: 'skill' | 'qualification' | 'training';
  requirement_name: string;
  requirement_name_en: string;
  source_kind: 'role' | 'job';
  source_code: string;
  source_name: string;
  status: GapStatus;
  due_on: string | null;
}

/** Gaps by person name, then requirement name; keyset over (name, user, requirement name, id). */
export async function listGaps(
  db: Executor,
  org: string,
  today: string,
  warningDays: number,
  filter: {
    status?: GapStatus | undefined;
    unitId?: string | undefined;
    userId?: string | undefined;
    peopleFilter: SQL;
  },
  page: { limit: number; cursor?: string | undefined },
) {
  const g = gapSql(org, today, warningDays, {
    ...(filter.userId ? { userIds: [filter.userId] } : {}),
    ...(filter.unitId ? { unitId: filter.unitId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    peopleFilter: filter.peopleFilter,
  });
  const after = decodeCursor(page.cursor, 4, ['text', 'uuid', 'text', 'uuid']);
  const keyset = after
    ? sql`where (display_name, user_id, requirement_name, requirement_id) >
        (${String(after[0])}, ${String(after[1])}::uuid, ${String(after[2])},
         ${String(after[3])}::uuid)`
    : sql``;
  const rows = await queryRows<GapListRow>(
    db,
    sql`select * from (
        select g.user_id, u.display_name, ou.id as unit_id, ou.code as unit_code,
          ou.name as unit_name, g.requirement_id, g.kind, q.name as requirement_name,
          q.name_en as requirement_name_en, g.source_kind,
          coalesce(r.code, jd.code) as source_code, coalesce(r.name, jd.name) as source_name,
          g.status, g.due_on::text as due_on
        from (${g}) g
        join users u on u.id = g.user_id
        join competence_requirements q on q.id = g.requirement_id
        left join org_units ou on ou.id = g.unit_id
        left join isms_roles r on g.source_kind = 'role' and r.id = g.source_id
        left join job_definitions jd on g.source_kind = 'job' and jd.id = g.source_id
      ) x ${keyset}
      order by display_name, user_id, requirement_name, requirement_id
      limit ${page.limit + 1}`,
  );
  return toPage(rows, page.limit, (r) => [
    r.display_name,
    r.user_id,
    r.requirement_name,
    r.requirement_id,
  ]);
}
