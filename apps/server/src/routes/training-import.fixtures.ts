import { sql } from 'drizzle-orm';
import { schema } from '@mamoru/db';
import type { App } from '../testing/app.ts';
import { multipartBody } from '../testing/files.ts';
import type { Client } from '../testing/identity.ts';

/**
 * Courses, sessions and units written straight to the database for the
 * import, dashboard and report tests (the course and session routes are
 * tested by their own suites).
 */

let counter = 0;

export async function insertCourse(
  app: App,
  org: string,
  values: Partial<typeof schema.trainingCourses.$inferInsert> = {},
) {
  const [row] = await app.database.db
    .insert(schema.trainingCourses)
    .values({
      organizationId: org,
      number: 1000 + ++counter,
      title: `講習 ${counter}`,
      titleEn: `Course ${counter}`,
      kind: 'awareness',
      audienceAll: true,
      ...values,
    })
    .returning();
  return row!;
}

export async function insertSession(
  app: App,
  org: string,
  courseId: string,
  values: Partial<typeof schema.trainingSessions.$inferInsert> = {},
) {
  const [row] = await app.database.db
    .insert(schema.trainingSessions)
    .values({
      organizationId: org,
      courseId,
      number: 1000 + ++counter,
      heldOn: new Date().toISOString().slice(0, 10),
      status: 'held',
      ...values,
    })
    .returning();
  return row!;
}

/** A unit headed by `headId`, with the given members. */
export async function insertUnit(app: App, org: string, headId: string | null, members: string[]) {
  const [unit] = await app.database.db
    .insert(schema.orgUnits)
    .values({
      organizationId: org,
      code: `U${++counter}`,
      name: `Unit ${counter}`,
      managerUserId: headId,
    })
    .returning();
  await app.database.db.execute(
    sql`update users set org_unit_id = ${unit!.id}
      where id = any(${sql.param(members)}::uuid[])`,
  );
  return unit!;
}

/** POST the file to the session's import. */
export function importFile(
  client: Client,
  sessionId: string,
  content: Buffer,
  filename: string,
  dryRun = false,
) {
  const { body, contentType } = multipartBody(content, filename);
  return client.post(`/api/v1/training-sessions/${sessionId}/attendance/import`, body, {
    headers: { 'content-type': contentType },
    query: { dryRun: String(dryRun) },
  });
}
