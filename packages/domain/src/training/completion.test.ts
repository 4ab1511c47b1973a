import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { schema } from '@mamoru/db';
import {
  completionByCourse,
  completionByUnit,
  completionsOfUser,
} from '@mamoru/db/repositories/training-completion';
import { insertOrganization } from '@mamoru/db/repositories/organizations';
import { insertOrgUnit } from '@mamoru/db/repositories/scope';
import { insertUser } from '@mamoru/db/repositories/users';

const {
  competenceRequirements,
  ismsRoleAssignments,
  ismsRoles,
  jobDefinitions,
  personProfiles,
  trainingAttendance,
  trainingCourses,
  trainingQuizAttempts,
} = schema;
const TODAY = '2026-06-30';

describeEachDatabase('training completion', (ctx) => {
  const db = () => ctx.database.db;
  let org: string;
  let unit: string;
  const u: Record<string, string> = {};
  const c: Record<string, string> = {};

  async function user(name: string, roles: string[] = ['staff'], orgUnitId?: string) {
    const row = await insertUser(db(), {
      organizationId: org,
      email: `${name}-${org}@example.com`,
      displayName: name,
      passwordHash: 'x',
      roles,
      orgUnitId: orgUnitId ?? null,
    });
    u[name] = row.id;
  }

  async function course(key: string, values: Partial<typeof trainingCourses.$inferInsert>) {
    const [row] = await db()
      .insert(trainingCourses)
      .values({
        organizationId: org,
        number: Object.keys(c).length + 1,
        title: key,
        kind: 'other',
        ...values,
      })
      .returning();
    c[key] = row!.id;
  }

  async function attempt(userName: string, courseKey: string, passed: boolean, on: string) {
    await db()
      .insert(trainingQuizAttempts)
      .values({
        organizationId: org,
        courseId: c[courseKey]!,
        userId: u[userName]!,
        answers: [],
        questionCount: 5,
        correctCount: passed ? 5 : 2,
        score: passed ? 100 : 40,
        passMark: 80,
        passed,
        submittedAt: new Date(`${on}T03:00:00Z`),
      });
  }

  beforeAll(async () => {
    org = (await insertOrganization(db(), { name: 'Completion', defaultLocale: 'ja' })).id;
    unit = (await insertOrgUnit(db(), { organizationId: org, code: 'IT', name: 'IT' })).id;
    await user('aoi', ['staff'], unit);
    await user('ben', ['staff'], unit);
    await user('chika', ['isms_manager']);
    await user('ext', ['external_auditor']);
    await course('awareness', {
      kind: 'awareness',
      audienceAll: true,
      evaluation: 'quiz',
      intervalMonths: 12,
    });
    await course('practical', { kind: 'role', evaluation: 'supervisor' });
    await course('unit', { kind: 'other', audienceUnitIds: [unit] });
    await course('inactive', { kind: 'other', audienceAll: true, active: false });
    // chika holds a role whose requirement is the practical course; aoi's job requires it too.
    const [role] = await db()
      .insert(ismsRoles)
      .values({ organizationId: org, code: 'MGR', name: '管理責任者' })
      .returning();
    await db().insert(ismsRoleAssignments).values({
      organizationId: org,
      roleId: role!.id,
      userId: u.chika!,
      startsOn: '2026-01-01',
    });
    await db().insert(competenceRequirements).values({
      organizationId: org,
      roleId: role!.id,
      kind: 'training',
      name: 'practical',
      courseId: c.practical!,
    });
    const [job] = await db()
      .insert(jobDefinitions)
      .values({ organizationId: org, code: 'DEV', name: '開発' })
      .returning();
    await db()
      .insert(personProfiles)
      .values({ userId: u.aoi!, organizationId: org, jobId: job!.id });
    await db().insert(competenceRequirements).values({
      organizationId: org,
      jobId: job!.id,
      kind: 'training',
      name: 'practical',
      courseId: c.practical!,
    });
    // aoi failed, then passed the quiz a year ago (due again within 30 days of TODAY).
    await attempt('aoi', 'awareness', false, '2025-07-10');
    await attempt('aoi', 'awareness', true, '2025-07-11');
    // ben failed only; chika passed this year.
    await attempt('ben', 'awareness', false, '2026-05-01');
    await attempt('chika', 'awareness', true, '2026-04-01');
    // aoi attended the practical course, not yet evaluated; chika's was found effective.
    await db()
      .insert(trainingAttendance)
      .values([
        {
          organizationId: org,
          courseId: c.practical!,
          userId: u.aoi!,
          attendedOn: '2026-06-01',
          source: 'manager',
        },
        {
          organizationId: org,
          courseId: c.practical!,
          userId: u.chika!,
          attendedOn: '2026-05-01',
          source: 'manager',
          evaluationResult: 'effective',
          evaluatedBy: u.aoi!,
          evaluatedOn: '2026-05-10',
        },
        {
          organizationId: org,
          courseId: c.unit!,
          userId: u.ben!,
          attendedOn: '2026-03-01',
          source: 'self',
        },
      ]);
  });

  const statusOf = async (name: string) =>
    Object.fromEntries(
      (await completionsOfUser(db(), org, TODAY, u[name]!)).map((r) => [
        Object.entries(c).find(([, id]) => id === r.course_id)![0],
        r.status,
      ]),
    );

  it('decides each person’s status per course from quizzes, evaluations and attendance', async () => {
    expect(await statusOf('aoi')).toEqual({
      awareness: 'due_soon',
      practical: 'awaiting_evaluation',
      unit: 'not_started',
    });
    expect(await statusOf('ben')).toEqual({ awareness: 'failed', unit: 'completed' });
    expect(await statusOf('chika')).toEqual({ awareness: 'completed', practical: 'completed' });
    // External auditors are not trainees; inactive courses are not required.
    expect(await statusOf('ext')).toEqual({});
  });

  it('an interval that has passed makes a completed course overdue', async () => {
    const later = (await completionsOfUser(db(), org, '2026-08-01', u.aoi!)).find(
      (r) => r.course_id === c.awareness,
    );
    expect(later).toMatchObject({
      status: 'overdue',
      completed_on: '2025-07-11',
      due_on: '2026-07-11',
    });
  });

  it('counts required pairs per unit and per course', async () => {
    const byUnit = await completionByUnit(db(), org, TODAY);
    const it = byUnit.find((r) => r.unitId === unit)!;
    // aoi: awareness, practical, unit; ben: awareness, unit.
    expect(it).toMatchObject({ required: 5, completed: 2, failed: 1, dueSoon: 1 });
    const none = byUnit.find((r) => r.unitId === null)!;
    expect(none).toMatchObject({ required: 2, completed: 2 });
    const byCourse = await completionByCourse(db(), org, TODAY, [c.awareness!]);
    expect(byCourse.get(c.awareness!)).toMatchObject({ required: 3, completed: 2, failed: 1 });
  });
});
