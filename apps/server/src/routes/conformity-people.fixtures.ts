import { eq, sql } from 'drizzle-orm';
import { schema, type Db } from '@mamoru/db';
import { insertUser } from '@mamoru/db/repositories/users';

/**
 * The people and training data of the conformity test, made straight in the
 * tables (the areas' own routes come from other branches). Ids are keyed by
 * a short name: aoi, ben (staff), ciso, sec, unit, old (roles), job, c1–c5
 * (courses), s1, s2 (sessions), policy.
 */

/** YYYY-MM-DD `days` from today (negative: in the past). */
export function fromToday(days: number) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const at = (day: string) => new Date(`${day}T09:00:00Z`);

/**
 * Sets aside the roles (set-up loads the shipped ones) and courses an organization starts
 * with, so counts are exact; their codes move aside too, freeing them for the fixture.
 */
export async function setAsideDefaults(db: Db, org: string) {
  await db.execute(
    sql`update isms_roles set active = false, code = code || '-shipped' where organization_id = ${org}`,
  );
  await db.execute(sql`update training_courses set active = false where organization_id = ${org}`);
}

export async function seedPeopleAndTraining(
  db: Db,
  org: string,
  users: { top: string; owner: string },
) {
  const id: Record<string, string> = { ...users };
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
      userId: users.top,
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
        userId: users.top,
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
    .values({ userId: users.top, organizationId: org, education: '情報工学 修士' });

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
      attempt(users.owner, true, fromToday(-350)),
      attempt(users.top, true, fromToday(-395)),
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
      userId: users.top,
      acknowledgedAt: at(fromToday(-50)),
    },
    { organizationId: org, documentId: doc!.id, versionId: version!.id, userId: id.aoi! },
  ]);
  id.policy = doc!.id;

  return id;
}
