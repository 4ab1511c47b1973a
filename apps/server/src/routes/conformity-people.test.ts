import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { ConformityItem, ConformityReport } from '@mamoru/contracts';
import { schema } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { insertUser } from '@mamoru/db/repositories/users';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';

// Setting up a database can take long when other suites share the machine (a limit, not a measurement).
vi.setConfig({ hookTimeout: 240_000, testTimeout: 120_000 });

const PEOPLE_ITEMS = ['4.2.2.d', '5.1.c', '5.1.d', '5.2.2.a', '5.2.2.b', '5.2.2.c', '5.2.2.d'];

/** YYYY-MM-DD `days` from today (negative: in the past). */
function fromToday(days: number) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const at = (day: string) => new Date(`${day}T09:00:00Z`);

/**
 * The people and training facts read from the tables (the areas' own routes
 * come from other branches): roles, assignments, requirements, profiles,
 * competences, courses, sessions, attendance and quiz attempts inserted here;
 * verdicts, links and due lines read through the conformity view.
 */
describeEachDatabase('conformity of people and training', (ctx) => {
  let app: App;
  let admin: Client;
  let top: Client;
  let owner: Client;
  const id = {} as Record<string, string>;

  const report = async (client: Client = admin) => {
    const res = await client.get('/api/v1/conformity');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ConformityReport>();
  };
  const item = (r: ConformityReport, itemId: string) => r.items.find((i) => i.id === itemId)!;
  const gaps = (i: ConformityItem) => i.links.filter((l) => l.kind === 'gap').map((l) => l.href);

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    top = await createUserAndLogin(admin, { roles: ['top_management'], displayName: 'Taro Top' });
    owner = await createUserAndLogin(admin, { roles: ['owner'], displayName: 'Oda Owner' });
    // Roles or courses an organization starts with are set aside, so the counts below are exact.
    const db = app.database.db;
    const org = admin.organization.id;
    await db.execute(sql`update isms_roles set active = false where organization_id = ${org}`);
    await db.execute(
      sql`update training_courses set active = false where organization_id = ${org}`,
    );
  });
  afterAll(() => app.close());

  it('before any role, course or record: every people item is not met and nothing is due', async () => {
    const r = await report();
    for (const itemId of PEOPLE_ITEMS) {
      expect(item(r, itemId).status, itemId).toBe('not_met');
      expect(item(r, itemId).needs).toBeNull();
    }
    expect(gaps(item(r, '5.1.c'))).toEqual(['/people/roles']);
    expect(r.due.slice(-2)).toEqual([
      { kind: 'training', count: 0, overdue: 0, href: '/training' },
      { kind: 'competence', count: 0, overdue: 0, href: '/people/gaps' },
    ]);
  });

  it('reads roles, acknowledgements, competence, training and records into the rules', async () => {
    const db = app.database.db;
    const org = admin.organization.id;
    const person = async (key: string, name: string) => {
      const u = await insertUser(db, {
        organizationId: org,
        email: `${key}-${org}@example.com`,
        displayName: name,
        passwordHash: 'x',
        roles: ['staff'],
      });
      id[key] = u.id;
    };
    await person('aoi', 'Aoi Staff');
    await person('ben', 'Ben Staff');
    id.top = top.user.id;
    id.owner = owner.user.id;

    // Roles: CISO needs a deputy and was edited since its holder acknowledged it; the office
    // holder never acknowledged; the unit role states no duties and its only holder left.
    const roles = await db
      .insert(schema.ismsRoles)
      .values([
        {
          organizationId: org,
          code: 'CISO',
          name: '最高責任者',
          nameEn: 'CISO',
          responsibilities: 'ISMSの最終責任',
          requiresDeputy: true,
          sortOrder: 1,
          version: 2,
        },
        {
          organizationId: org,
          code: 'SEC',
          name: '事務局',
          nameEn: 'ISMS office',
          responsibilitiesEn: 'Runs the ISMS',
          sortOrder: 2,
        },
        { organizationId: org, code: 'UNIT', name: '推進委員', sortOrder: 3 },
        { organizationId: org, code: 'OLD', name: '旧役割', active: false, sortOrder: 4 },
      ])
      .returning();
    for (const [i, key] of ['ciso', 'sec', 'unit', 'old'].entries()) id[key] = roles[i]!.id;
    await db.insert(schema.ismsRoleAssignments).values([
      {
        organizationId: org,
        roleId: id.ciso!,
        userId: id.top,
        startsOn: fromToday(-400),
        acknowledgedAt: at(fromToday(-300)),
        acknowledgedRoleVersion: 1,
      },
      { organizationId: org, roleId: id.sec!, userId: id.aoi!, startsOn: fromToday(-100) },
      {
        organizationId: org,
        roleId: id.unit!,
        userId: id.ben!,
        startsOn: fromToday(-400),
        endsOn: fromToday(-1),
      },
      { organizationId: org, roleId: id.old!, userId: id.ben!, startsOn: fromToday(-400) },
    ]);
    const [job] = await db
      .insert(schema.jobDefinitions)
      .values({ organizationId: org, code: 'OPS', name: '運用' })
      .returning();
    id.job = job!.id;

    // Courses: awareness for everyone with a one-question quiz; a supervisor-evaluated role
    // course; one evaluating nothing; a quiz course without questions; a retired course.
    let courseNumber = 100;
    const course = async (
      key: string,
      values: Partial<typeof schema.trainingCourses.$inferInsert>,
    ) => {
      const [row] = await db
        .insert(schema.trainingCourses)
        .values({
          organizationId: org,
          number: ++courseNumber,
          title: `${key}の研修`,
          kind: 'role',
          ...values,
        })
        .returning();
      id[key] = row!.id;
    };
    await course('c1', {
      kind: 'awareness',
      audienceAll: true,
      evaluation: 'quiz',
      intervalMonths: 12,
      delivery: 'elearning',
    });
    await course('c2', { evaluation: 'supervisor' });
    await course('c3', { kind: 'other', evaluation: 'none' });
    await course('c4', { evaluation: 'quiz' });
    await course('c5', { evaluation: 'none', active: false });
    await db.insert(schema.trainingQuizQuestions).values({
      organizationId: org,
      courseId: id.c1!,
      position: 1,
      question: '問',
      choices: [
        { text: 'はい', textEn: 'Yes', correct: true },
        { text: 'いいえ', textEn: 'No', correct: false },
      ],
    });

    // Requirements: the CISO needs a certificate and the retired course; the office its course.
    const reqs = await db
      .insert(schema.competenceRequirements)
      .values([
        { organizationId: org, roleId: id.ciso!, kind: 'qualification', name: '資格' },
        {
          organizationId: org,
          roleId: id.ciso!,
          kind: 'training',
          name: '旧研修',
          courseId: id.c5!,
        },
        { organizationId: org, roleId: id.sec!, kind: 'training', name: '研修', courseId: id.c2! },
      ])
      .returning();
    const comps = await db
      .insert(schema.personCompetences)
      .values([
        {
          organizationId: org,
          userId: id.top,
          kind: 'certificate',
          name: '資格',
          requirementId: reqs[0]!.id,
          obtainedOn: fromToday(-700),
          expiresOn: fromToday(30),
        },
        { organizationId: org, userId: id.aoi!, kind: 'skill', name: 'Linux' },
      ])
      .returning();
    const [blob] = await db
      .insert(schema.fileBlobs)
      .values({ organizationId: org, sha256: 'c'.repeat(64), size: 3 })
      .returning();
    await db.insert(schema.files).values({
      organizationId: org,
      blobId: blob!.id,
      sha256: 'c'.repeat(64),
      size: 3,
      mediaType: 'application/pdf',
      originalName: 'skill.pdf',
      ownerType: 'person_competence',
      ownerId: comps[1]!.id,
    });
    await db
      .insert(schema.personProfiles)
      .values({ userId: id.top, organizationId: org, education: '情報工学 修士' });

    // Sessions of the role course: one held with aoi attending, not evaluated; one unrecorded.
    const sessions = await db
      .insert(schema.trainingSessions)
      .values([
        {
          organizationId: org,
          courseId: id.c2!,
          number: 1,
          heldOn: fromToday(-10),
          status: 'held',
        },
        { organizationId: org, courseId: id.c2!, number: 2, heldOn: fromToday(-5), status: 'held' },
      ])
      .returning();
    for (const [i, key] of ['s1', 's2'].entries()) id[key] = sessions[i]!.id;
    await db.insert(schema.trainingAttendance).values({
      organizationId: org,
      courseId: id.c2!,
      sessionId: id.s1!,
      userId: id.aoi!,
      attendedOn: fromToday(-10),
      source: 'trainer',
    });
    // Awareness quiz: aoi failed then passed; ben failed only; the owner passed 11.5 months
    // ago (due again soon); top passed 13 months ago (overdue).
    const attempt = (user: string, passed: boolean, day: string) => ({
      organizationId: org,
      courseId: id.c1!,
      userId: user,
      answers: [[passed ? 0 : 1]],
      questionCount: 1,
      correctCount: passed ? 1 : 0,
      score: passed ? 100 : 0,
      passMark: 80,
      passed,
      submittedAt: at(day),
    });
    await db
      .insert(schema.trainingQuizAttempts)
      .values([
        attempt(id.aoi!, false, fromToday(-3)),
        attempt(id.aoi!, true, fromToday(-2)),
        attempt(id.ben!, false, fromToday(-2)),
        attempt(id.owner, true, fromToday(-350)),
        attempt(id.top, true, fromToday(-395)),
      ]);

    // The ISMS policy in force: top acknowledged it, aoi not yet.
    const [doc] = await db
      .insert(schema.documents)
      .values({
        organizationId: org,
        code: 'POL-001',
        title: 'ISMS基本方針',
        type: 'policy',
        ismsPolicy: true,
        status: 'issued',
        issuedAt: at(fromToday(-60)),
        currentRevision: 1,
      })
      .returning();
    const [version] = await db
      .insert(schema.documentVersions)
      .values({ organizationId: org, documentId: doc!.id, revision: 1, status: 'issued' })
      .returning();
    await db
      .update(schema.documents)
      .set({ currentVersionId: version!.id })
      .where(eq(schema.documents.id, doc!.id));
    await db.insert(schema.documentAcknowledgements).values([
      {
        organizationId: org,
        documentId: doc!.id,
        versionId: version!.id,
        userId: id.top,
        acknowledgedAt: at(fromToday(-50)),
      },
      { organizationId: org, documentId: doc!.id, versionId: version!.id, userId: id.aoi! },
    ]);
    id.policy = doc!.id;

    const r = await report();
    const c = item(r, '5.1.c');
    expect(c.status).toBe('partly_met');
    expect(c.data).toMatchObject({
      activeRoles: 3,
      currentAssignments: 2,
      rolesWithoutResponsibilities: 1,
      rolesNotHeld: 1,
      rolesWithoutDeputy: 1,
      assignmentsNotAcknowledged: 2,
      policyIssued: true,
    });
    expect(gaps(c)).toEqual([
      `/people/roles?role=${id.unit}`,
      `/people/roles?role=${id.ciso}`,
      `/people/${id.top}`,
      `/people/${id.aoi}`,
    ]);
    expect(c.links.find((l) => l.href === `/people/${id.aoi}`)!.label).toEqual({
      ja: 'Aoi Staff（事務局）',
      en: 'Aoi Staff (ISMS office)',
    });

    const [{ n: everyone }] = (await db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.users)
      .where(and(eq(schema.users.organizationId, org), eq(schema.users.active, true)))) as [
      { n: number },
    ];
    const d = item(r, '5.1.d');
    expect(d.status).toBe('partly_met');
    expect(d.data).toMatchObject({
      policyRecipients: 2,
      policyAcknowledged: 1,
      awarenessCourses: 1,
      awarenessRequired: everyone,
      awarenessCompleted: 2,
      peopleBehindOnAwareness: everyone - 2,
    });
    expect(gaps(d)).toContain(`/people/${id.aoi}`);
    expect(gaps(d)).toContain(`/people/${id.ben}`);
    expect(gaps(d)).not.toContain(`/people/${id.owner}`);
    expect(d.links).toContainEqual(
      expect.objectContaining({ kind: 'evidence', href: `/training/courses/${id.c1}` }),
    );

    const p = item(r, '4.2.2.d');
    expect(p.status).toBe('partly_met');
    expect(p.data).toMatchObject({
      awarenessCourses: 1,
      roleCourses: 2,
      sessionsHeldLast12Months: 2,
      attendancesLast12Months: 1,
      quizAttemptsLast12Months: 4,
      coursesNotDelivered: 1,
      rolesWithoutActiveCourse: 1,
    });
    expect(gaps(p)).toEqual([`/people/roles?role=${id.ciso}`, `/training/courses/${id.c4}`]);

    const a = item(r, '5.2.2.a');
    expect(a.status).toBe('partly_met');
    expect(a.data).toMatchObject({ requirements: 3, rolesWithoutRequirements: 1 });
    expect(gaps(a)).toEqual([`/people/roles?role=${id.unit}`, `/people/jobs?job=${id.job}`]);

    // Gaps: top misses the retired course, aoi awaits the supervisor; top's certificate expires.
    const b = item(r, '5.2.2.b');
    expect(b.status).toBe('partly_met');
    expect(b.data).toMatchObject({ missing: 2, expired: 0, failed: 0, expiring: 1 });
    expect(gaps(b)).toEqual([
      '/people/gaps?status=missing',
      `/people/${id.aoi}`,
      `/people/${id.top}`,
    ]);
    expect(b.explanation.en).toContain('1 competence expires within 90 days.');

    const e = item(r, '5.2.2.c');
    expect(e.status).toBe('partly_met');
    expect(e.data).toMatchObject({
      activeCourses: 4,
      coursesWithoutEvaluation: 1,
      quizCoursesWithoutQuestions: 1,
      evaluationResults: 3,
      sessionsToEvaluate: 1,
      failedNotRetaken: 1,
    });
    expect(gaps(e)).toEqual([
      `/training/courses/${id.c3}`,
      `/training/courses/${id.c4}`,
      `/training/sessions/${id.s1}`,
      `/people/${id.ben}`,
    ]);

    const rec = item(r, '5.2.2.d');
    expect(rec.status).toBe('partly_met');
    expect(rec.data).toMatchObject({
      roleHolders: 2,
      holdersWithoutProfile: 1,
      competences: 2,
      competencesWithoutEvidence: 1,
      heldSessions: 2,
      sessionsWithoutAttendance: 1,
      attendanceRecords: 1,
    });
    expect(gaps(rec)).toEqual([
      `/people/${id.aoi}`,
      `/people/${id.top}`,
      `/training/sessions/${id.s2}`,
    ]);
  });

  it('shows training and competences due to the organization, or to an owner their own', async () => {
    const due = (r: ConformityReport) =>
      r.due.filter((d) => ['training', 'competence'].includes(d.kind));
    expect(due(await report(top))).toEqual([
      { kind: 'training', count: 2, overdue: 1, href: '/training' },
      { kind: 'competence', count: 1, overdue: 0, href: '/people/gaps' },
    ]);
    expect(due(await report(owner))).toEqual([
      { kind: 'training', count: 1, overdue: 0, href: '/training/my' },
      { kind: 'competence', count: 0, overdue: 0, href: '/people/gaps' },
    ]);
  });

  it('closes gaps as the facts change: the role acknowledged, the session evaluated', async () => {
    const db = app.database.db;
    await db
      .update(schema.ismsRoleAssignments)
      .set({ acknowledgedAt: new Date(), acknowledgedRoleVersion: 2 })
      .where(eq(schema.ismsRoleAssignments.userId, id.top!));
    await db
      .update(schema.trainingAttendance)
      .set({ evaluationResult: 'effective', evaluatedBy: id.top!, evaluatedOn: fromToday(0) })
      .where(eq(schema.trainingAttendance.sessionId, id.s1!));
    const r = await report();
    expect(item(r, '5.1.c').data).toMatchObject({ assignmentsNotAcknowledged: 1 });
    expect(gaps(item(r, '5.1.c'))).not.toContain(`/people/${id.top}`);
    const e = item(r, '5.2.2.c');
    expect(e.data).toMatchObject({ sessionsToEvaluate: 0, evaluationResults: 4 });
    // aoi completed the office course: only top's retired course is missing now.
    expect(item(r, '5.2.2.b').data).toMatchObject({ missing: 1 });
  });

  it('keeps organizations apart', async () => {
    const { admin: other } = await addOrganization(app);
    const r = await report(other);
    for (const itemId of PEOPLE_ITEMS) expect(item(r, itemId).status, itemId).toBe('not_met');
    expect(r.due.find((d) => d.kind === 'training')).toMatchObject({ count: 0 });
    expect(r.due.find((d) => d.kind === 'competence')).toMatchObject({ count: 0 });
  });
});
