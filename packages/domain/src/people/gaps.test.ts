import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { schema } from '@mamoru/db';
import {
  gapCounts,
  gapCountsByUser,
  gapSql,
  type GapRow,
} from '@mamoru/db/repositories/people-gaps';
import { queryRows } from '@mamoru/db';
import { insertOrganization } from '@mamoru/db/repositories/organizations';
import { insertUser } from '@mamoru/db/repositories/users';

const {
  competenceRequirements,
  ismsRoleAssignments,
  ismsRoles,
  jobDefinitions,
  personCompetences,
  personProfiles,
  trainingCourses,
  trainingQuizAttempts,
} = schema;
const TODAY = '2026-06-30';

describeEachDatabase('competence gaps', (ctx) => {
  const db = () => ctx.database.db;
  let org: string;
  const u: Record<string, string> = {};
  const q: Record<string, string> = {};

  async function user(name: string) {
    const row = await insertUser(db(), {
      organizationId: org,
      email: `${name}-${org}@example.com`,
      displayName: name,
      passwordHash: 'x',
      roles: ['staff'],
    });
    u[name] = row.id;
  }

  beforeAll(async () => {
    org = (await insertOrganization(db(), { name: 'Gaps', defaultLocale: 'ja' })).id;
    for (const name of ['aoi', 'ben', 'chika', 'dai']) await user(name);
    const [role] = await db()
      .insert(ismsRoles)
      .values({ organizationId: org, code: 'AUD', name: '内部監査員' })
      .returning();
    const [ended] = await db()
      .insert(ismsRoles)
      .values({ organizationId: org, code: 'OLD', name: '旧役割' })
      .returning();
    const [course] = await db()
      .insert(trainingCourses)
      .values({
        organizationId: org,
        number: 1,
        title: '監査員研修',
        kind: 'role',
        evaluation: 'quiz',
        intervalMonths: 24,
      })
      .returning();
    const [job] = await db()
      .insert(jobDefinitions)
      .values({ organizationId: org, code: 'OPS', name: '運用' })
      .returning();
    const reqs = await db()
      .insert(competenceRequirements)
      .values([
        {
          organizationId: org,
          roleId: role!.id,
          kind: 'qualification',
          name: '監査員資格',
          renewalMonths: 36,
        },
        {
          organizationId: org,
          roleId: role!.id,
          kind: 'training',
          name: '研修',
          courseId: course!.id,
        },
        { organizationId: org, roleId: ended!.id, kind: 'skill', name: '旧技能' },
        { organizationId: org, jobId: job!.id, kind: 'skill', name: 'Linux運用' },
      ])
      .returning();
    for (const [i, key] of ['cert', 'course', 'old', 'linux'].entries()) q[key] = reqs[i]!.id;
    // aoi, ben and chika audit; dai's role assignment ended; dai and chika work in operations.
    await db()
      .insert(ismsRoleAssignments)
      .values([
        { organizationId: org, roleId: role!.id, userId: u.aoi!, startsOn: '2025-01-01' },
        {
          organizationId: org,
          roleId: role!.id,
          userId: u.ben!,
          startsOn: '2025-01-01',
          kind: 'deputy',
        },
        { organizationId: org, roleId: role!.id, userId: u.chika!, startsOn: '2025-01-01' },
        {
          organizationId: org,
          roleId: ended!.id,
          userId: u.dai!,
          startsOn: '2024-01-01',
          endsOn: '2025-12-31',
        },
      ]);
    await db()
      .insert(personProfiles)
      .values([
        { userId: u.dai!, organizationId: org, jobId: job!.id },
        { userId: u.chika!, organizationId: org, jobId: job!.id },
      ]);
    await db()
      .insert(personCompetences)
      .values([
        // aoi: certificate obtained 2023-08-01, renewal 36 months → valid until 2026-08-01 (expiring).
        {
          organizationId: org,
          userId: u.aoi!,
          kind: 'certificate',
          name: '監査員資格',
          requirementId: q.cert!,
          obtainedOn: '2023-08-01',
        },
        // ben: expired certificate.
        {
          organizationId: org,
          userId: u.ben!,
          kind: 'certificate',
          name: '監査員資格',
          requirementId: q.cert!,
          obtainedOn: '2025-01-01',
          expiresOn: '2026-01-31',
        },
        // chika: valid for years, and the Linux skill without expiry.
        {
          organizationId: org,
          userId: u.chika!,
          kind: 'certificate',
          name: '監査員資格',
          requirementId: q.cert!,
          obtainedOn: '2026-01-01',
        },
        {
          organizationId: org,
          userId: u.chika!,
          kind: 'skill',
          name: 'Linux',
          requirementId: q.linux!,
        },
      ]);
    await db()
      .insert(trainingQuizAttempts)
      .values([
        {
          organizationId: org,
          courseId: course!.id,
          userId: u.aoi!,
          answers: [],
          questionCount: 2,
          correctCount: 2,
          score: 100,
          passMark: 80,
          passed: true,
        },
        {
          organizationId: org,
          courseId: course!.id,
          userId: u.ben!,
          answers: [],
          questionCount: 2,
          correctCount: 0,
          score: 0,
          passMark: 80,
          passed: false,
        },
      ]);
  });

  const gaps = async () =>
    (await queryRows<GapRow>(db(), gapSql(org, TODAY, 90)))
      .map((g) => [
        Object.entries(u).find(([, id]) => id === g.user_id)![0],
        Object.entries(q).find(([, id]) => id === g.requirement_id)![0],
        g.status,
        g.due_on,
      ])
      .sort();

  it('lists what each person lacks for the roles they hold and their job', async () => {
    expect(await gaps()).toEqual([
      ['aoi', 'cert', 'expiring', '2026-08-01'],
      ['ben', 'cert', 'expired', '2026-01-31'],
      ['ben', 'course', 'failed', null],
      ['chika', 'course', 'missing', null],
      ['dai', 'linux', 'missing', null],
    ]);
  });

  it('counts gaps by status and per person', async () => {
    expect(await gapCounts(db(), org, TODAY, 90)).toMatchObject({
      missing: 2,
      expired: 1,
      expiring: 1,
      failed: 1,
      people: 3,
    });
    const byUser = await gapCountsByUser(db(), org, TODAY, 90, [u.aoi!, u.ben!]);
    expect(byUser.get(u.aoi!)).toEqual({ gaps: 0, expiring: 1 });
    expect(byUser.get(u.ben!)).toEqual({ gaps: 2, expiring: 0 });
  });
});
