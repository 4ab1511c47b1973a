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

// Setting up a database can take long when other suites share the machine (a limit, not a measurement).
vi.setConfig({ hookTimeout: 240_000, testTimeout: 120_000 });

/** YYYY-MM-DD `days` from today (negative: in the past). */
function fromToday(days: number) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The management review facts read from the tables (the review area's own
 * routes come from other branches): reviews, frozen inputs, decisions and
 * their improvements inserted here; verdicts and links read through the
 * conformity view and its due line.
 */
describeEachDatabase('conformity of the management review', (ctx) => {
  let app: App;
  let admin: Client;
  let top: Client;
  const ids = {} as Record<string, string>;

  const item = async (id: string, client: Client = admin) => {
    const res = await client.get(`/api/v1/conformity/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ConformityItem>();
  };
  const gaps = (i: ConformityItem) => i.links.filter((l) => l.kind === 'gap').map((l) => l.href);
  const evidenceOf = (i: ConformityItem) =>
    i.links.filter((l) => l.kind === 'evidence').map((l) => l.href);
  const dueLine = async (client: Client = admin) => {
    const res = await client.get('/api/v1/conformity');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ConformityReport>().due.find((d) => d.kind === 'management_review');
  };

  async function review(
    org: string,
    number: number,
    values: Partial<typeof schema.managementReviews.$inferInsert> & { plannedOn: string },
  ) {
    const [row] = await app.database.db
      .insert(schema.managementReviews)
      .values({ organizationId: org, number, title: `Review ${number}`, ...values })
      .returning();
    return row!;
  }

  async function improvement(
    org: string,
    number: number,
    values: Partial<typeof schema.improvements.$inferInsert>,
  ) {
    const [row] = await app.database.db
      .insert(schema.improvements)
      .values({
        organizationId: org,
        number,
        source: 'management_review',
        title: `Action ${number}`,
        ...values,
      })
      .returning();
    return row!;
  }

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    top = await createUserAndLogin(admin, { roles: ['top_management'] });
  });
  afterAll(() => app.close());

  it('before any review: not met, linked to planning, and the first review is due', async () => {
    const e = await item('4.2.3.e');
    expect(e.status).toBe('not_met');
    expect(gaps(e)).toEqual(['/management-review']);
    expect((await item('6.2.a')).status).toBe('not_met');
    expect((await item('6.3.c')).status).toBe('not_met');
    expect(await dueLine()).toEqual({
      kind: 'management_review',
      count: 1,
      overdue: 0,
      href: '/management-review',
    });
  });

  it('judges the latest approved review: inputs, outputs, follow-up and a late planned review', async () => {
    const db = app.database.db;
    const org = admin.organization.id;
    const mr1 = await review(org, 1, {
      status: 'approved',
      plannedOn: fromToday(-95),
      heldOn: fromToday(-90),
      periodStart: fromToday(-455),
      minutesSummary: 'Objectives reviewed; two decisions taken.',
      approvedAt: new Date(`${fromToday(-80)}T09:00:00Z`),
      approvedBy: top.user.id,
    });
    ids.mr1 = mr1.id;
    await db.insert(schema.managementReviewAttendees).values([
      {
        organizationId: org,
        reviewId: mr1.id,
        userId: top.user.id,
        role: 'top_management',
        attended: true,
      },
      {
        organizationId: org,
        reviewId: mr1.id,
        userId: admin.user.id,
        role: 'isms_manager',
        attended: true,
      },
    ]);
    const sections = [
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
      'readiness',
      'incidents',
      'objectives',
    ];
    await db.insert(schema.managementReviewInputs).values(
      sections.map((section) => ({
        organizationId: org,
        reviewId: mr1.id,
        section,
        available: section !== 'incidents' && section !== 'objectives',
        figures: (section === 'a'
          ? { auditsCompleted: 2, findingsMinor: 1 }
          : { feedbackReceived: 0 }) as Record<string, number>,
        items:
          section === 'a'
            ? [
                {
                  kind: 'internal_audit',
                  id: 'x',
                  ref: 'IA-0001',
                  title: 'Audit',
                  status: 'closed',
                  date: null,
                  href: '/internal-audits/x',
                },
              ]
            : [],
      })),
    );
    const overdue = await improvement(org, 1, {
      status: 'accepted',
      ownerId: admin.user.id,
      dueDate: fromToday(-10),
    });
    ids.overdueImprovement = overdue.id;
    const done = await improvement(org, 2, { status: 'implemented', dueDate: fromToday(-20) });
    await db.insert(schema.managementReviewDecisions).values([
      {
        organizationId: org,
        reviewId: mr1.id,
        number: 1,
        output: 'effectiveness',
        title: 'Tighten the change checklist',
        ownerId: admin.user.id,
        dueDate: fromToday(-10),
        improvementId: overdue.id,
      },
      {
        organizationId: org,
        reviewId: mr1.id,
        number: 2,
        output: 'procedure',
        procedureReason: 'legal',
        title: 'Update the privacy procedure for the amended act',
        ownerId: admin.user.id,
        dueDate: fromToday(-20),
        improvementId: done.id,
      },
    ]);
    // The next review was planned ten days ago and has not been held.
    const mr2 = await review(org, 2, { status: 'planned', plannedOn: fromToday(-10) });
    ids.mr2 = mr2.id;

    const e = await item('4.2.3.e');
    expect(e.status).toBe('partly_met');
    expect(evidenceOf(e)).toEqual([`/management-review/${mr1.id}`]);
    expect(gaps(e)).toEqual([`/management-review/${mr2.id}`]);
    expect(e.explanation.en).toContain('MR-0001');
    expect(e.explanation.en).toContain('1 planned review is past its date and not held');

    const g = await item('5.1.g');
    expect(g.status).toBe('met');
    expect(g.data).toMatchObject({ topManagementAttended: true, approvedByTopManagement: true });

    const a = await item('6.2.a');
    expect(a.status).toBe('met');
    expect(a.explanation.en).toContain('(1 entry)');
    expect(evidenceOf(a)).toEqual([`/management-review/${mr1.id}?tab=inputs`]);
    const b = await item('6.2.b');
    expect(b.status).toBe('met');
    expect(b.explanation.ja).toContain('該当するものはありませんでした');

    const f = await item('6.2.f');
    expect(f.status).toBe('partly_met');
    expect(gaps(f)).toEqual([`/improvement/${overdue.id}`]);
    expect(f.data).toMatchObject({ previousDecisions: 2, decisionsDone: 1, decisionsOverdue: 1 });

    expect((await item('6.3.a')).status).toBe('met');
    const legal = await item('6.3.b.4');
    expect(legal.data).toMatchObject({ decisionsOfKind: 1 });
    const resources = await item('6.3.c');
    expect(resources.status).toBe('met');
    expect(resources.explanation.en).toContain('None of the 2 decisions');
    expect(resources.explanation.ja).not.toMatch(/resources|procedure/);

    const b423 = await item('4.2.3.b');
    expect(b423.status).toBe('met');
    expect(b423.explanation.en).toContain('Incidents are not recorded in Mamoru yet');

    expect(await dueLine()).toMatchObject({ count: 1, overdue: 1 });
  });

  it('a shorter interval makes the latest review out of date', async () => {
    const org = admin.organization.id;
    await app.database.db
      .insert(schema.reviewSettings)
      .values({ organizationId: org, intervalMonths: 1 });
    const a = await item('6.2.a');
    expect(a.status).toBe('partly_met');
    expect(a.explanation.en).toContain('1-month interval has passed');
    expect(gaps(a)).toEqual([`/management-review/${ids.mr2}`]);
    expect(await dueLine()).toMatchObject({ count: 1, overdue: 1 });
  });

  it('6.2.f links a decision of an approved review that no improvement tracks', async () => {
    const org = admin.organization.id;
    await app.database.db.insert(schema.managementReviewDecisions).values({
      organizationId: org,
      reviewId: ids.mr1!,
      number: 3,
      output: 'resources',
      amount: 500_000,
      title: 'Budget for a second backup site',
      ownerId: admin.user.id,
      dueDate: fromToday(30),
    });
    const f = await item('6.2.f');
    expect(f.status).toBe('partly_met');
    expect(gaps(f)).toEqual(
      expect.arrayContaining([
        `/improvement/${ids.overdueImprovement}`,
        `/management-review/${ids.mr1}?tab=decisions`,
      ]),
    );
    expect(f.data).toMatchObject({ decisionsUntracked: 1 });
    expect((await item('6.3.c')).data).toMatchObject({ decisionsOfKind: 1 });
  });

  it('never sees another organization\u2019s reviews', async () => {
    const { admin: other } = await addOrganization(app);
    expect((await item('4.2.3.e', other)).status).toBe('not_met');
    expect((await item('6.2.a', other)).status).toBe('not_met');
    expect(await dueLine(other)).toMatchObject({ count: 1, overdue: 0 });
  });
});
