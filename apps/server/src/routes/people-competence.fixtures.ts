import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows, schema } from '@mamoru/db';
import type { App } from '../testing/app.ts';
import type { Client } from '../testing/identity.ts';

/**
 * Fixtures of the competence tests. ISMS roles, their assignments and
 * training courses belong to other parts of the area (their own routes and
 * tests); here they are rows put straight into the tables, as the gap query's
 * own test does, so these tests depend only on the competence routes.
 */

const { ismsRoleAssignments, ismsRoles, trainingCourses } = schema;
let counter = 0;

export const isoDaysFromNow = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
export const ifMatch = (version: number | string) => ({
  headers: { 'if-match': `"${version}"` },
});

export async function insertRole(app: App, org: string, name = '内部監査責任者') {
  const [row] = await app.database.db
    .insert(ismsRoles)
    .values({ organizationId: org, code: `T-ROLE-${++counter}`, name, nameEn: 'Test role' })
    .returning();
  return row!;
}

export async function assignRole(app: App, org: string, roleId: string, userId: string) {
  await app.database.db
    .insert(ismsRoleAssignments)
    .values({ organizationId: org, roleId, userId, startsOn: isoDaysFromNow(-30) });
}

export async function insertCourse(app: App, org: string, active = true) {
  const [max] = await queryRows<{ n: number }>(
    app.database.db,
    sql`select coalesce(max(number), 0)::int as n from training_courses
      where organization_id = ${org}`,
  );
  const [row] = await app.database.db
    .insert(trainingCourses)
    .values({
      organizationId: org,
      number: (max?.n ?? 0) + 1,
      title: '監査員研修',
      kind: 'role',
      active,
    })
    .returning();
  return row!;
}

/** Puts the user into the unit through the users API (as an administrator does). */
export async function placeInUnit(admin: Client, userId: string, unitId: string) {
  const current = await admin.get(`/api/v1/users/${userId}`);
  const res = await admin.patch(
    `/api/v1/users/${userId}`,
    { orgUnitId: unitId },
    ifMatch(current.json<{ version: number }>().version),
  );
  expect(res.statusCode, res.body).toBe(200);
}

export async function createJob(client: Client, body: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/job-definitions', {
    code: `JOB-${++counter}`,
    name: 'システム運用',
    nameEn: 'System operations',
    securityResponsibilities: 'アクセス権の定期確認',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; code: string; version: number }>();
}
