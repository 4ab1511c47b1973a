import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { ConformityItem, ConformityReport } from '@mamoru/contracts';
import { schema } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import {
  fromToday,
  seedPeopleAndTraining,
  setAsideDefaults,
} from './conformity-people.fixtures.ts';

// Setting up a database can take long when other suites share the machine (a limit, not a measurement).
vi.setConfig({ hookTimeout: 240_000, testTimeout: 120_000 });

const PEOPLE_ITEMS = ['4.2.2.d', '5.1.c', '5.1.d', '5.2.2.a', '5.2.2.b', '5.2.2.c', '5.2.2.d'];

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
    await setAsideDefaults(app.database.db, admin.organization.id);
  });
  afterAll(() => app.close());

  it('before any role, course or record: every people item is not met and nothing is due', async () => {
    const r = await report();
    for (const itemId of PEOPLE_ITEMS) {
      expect(item(r, itemId).status, itemId).toBe('not_met');
      expect(item(r, itemId).guidance.text.en, itemId).not.toBe('');
    }
    expect(gaps(item(r, '5.1.c'))).toEqual(['/people/roles']);
    expect(r.due.filter((d) => ['training', 'competence'].includes(d.kind))).toEqual([
      { kind: 'training', count: 0, overdue: 0, href: '/training' },
      { kind: 'competence', count: 0, overdue: 0, href: '/people/gaps' },
    ]);
  });

  it('reads roles, acknowledgements, competence, training and records into the rules', async () => {
    const db = app.database.db;
    const org = admin.organization.id;
    Object.assign(
      id,
      await seedPeopleAndTraining(db, org, { top: top.user.id, owner: owner.user.id }),
    );

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
