import { and, asc, count, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { documentVersions } from '../tables/documents.ts';
import { riskMethods, riskScores, risks } from '../tables/risks.ts';
import { scopeVersions } from '../tables/scope.ts';
import { soaVersions } from '../tables/soa.ts';
import { riskColumns, scoreOfRisk, withRiskNames } from './risks.ts';

// The approved version before a given one: what an approval summary compares against.
const APPROVED = ['approved', 'superseded'];

export async function previousApprovedScope(db: Executor, org: string, beforeNumber: number) {
  const [row] = await db
    .select()
    .from(scopeVersions)
    .where(
      and(
        eq(scopeVersions.organizationId, org),
        inArray(scopeVersions.status, APPROVED),
        lt(scopeVersions.number, beforeNumber),
      ),
    )
    .orderBy(desc(scopeVersions.number))
    .limit(1);
  return row;
}

export async function previousApprovedMethod(db: Executor, org: string, beforeNumber: number) {
  const [row] = await db
    .select()
    .from(riskMethods)
    .where(
      and(
        eq(riskMethods.organizationId, org),
        inArray(riskMethods.status, APPROVED),
        lt(riskMethods.number, beforeNumber),
      ),
    )
    .orderBy(desc(riskMethods.number))
    .limit(1);
  return row;
}

export async function previousApprovedSoaVersion(
  db: Executor,
  org: string,
  soaId: string,
  beforeNumber: number,
) {
  const [row] = await db
    .select({ id: soaVersions.id, number: soaVersions.number })
    .from(soaVersions)
    .where(
      and(
        eq(soaVersions.organizationId, org),
        eq(soaVersions.soaId, soaId),
        inArray(soaVersions.status, APPROVED),
        lt(soaVersions.number, beforeNumber),
      ),
    )
    .orderBy(desc(soaVersions.number))
    .limit(1);
  return row;
}

/** The latest earlier revision that was approved (issued, superseded or withdrawn since). */
export async function previousApprovedRevision(
  db: Executor,
  org: string,
  documentId: string,
  beforeRevision: number,
) {
  const [row] = await db
    .select()
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.organizationId, org),
        eq(documentVersions.documentId, documentId),
        isNotNull(documentVersions.approvedAt),
        lt(documentVersions.revision, beforeRevision),
      ),
    )
    .orderBy(desc(documentVersions.revision))
    .limit(1);
  return row;
}

/** The risks of a residual-risk submission, highest residual level first, and how many there are. */
export async function risksOfAcceptance(
  db: Executor,
  org: string,
  acceptanceId: string,
  limit: number,
) {
  const where = and(eq(risks.organizationId, org), eq(risks.residualAcceptanceId, acceptanceId));
  const rows = await db
    .select(riskColumns)
    .from(risks)
    .innerJoin(riskScores, scoreOfRisk)
    .where(where)
    .orderBy(sql`${riskScores.residualLevel} desc nulls last`, asc(risks.code))
    .limit(limit);
  const [total] = await db.select({ n: count() }).from(risks).where(where);
  return { items: await withRiskNames(db, org, rows), total: total?.n ?? 0 };
}
