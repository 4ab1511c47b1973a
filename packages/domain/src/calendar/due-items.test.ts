import { beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DUE_ITEM_KINDS } from '@mamoru/contracts';
import { schema } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { FRAGMENTS, listDueItems, type DueItemQuery } from '@mamoru/db/repositories/calendar/index';
import { insertOrganization } from '@mamoru/db/repositories/organizations';

const t = schema;
const TODAY = '2026-06-15';

/** The one due-item query over real rows of several areas (issue 22). */
describeEachDatabase('due items', (ctx) => {
  const db = () => ctx.database.db;
  let org: string;
  let other: string;
  const id = {} as Record<string, string> & { alice: string; bob: string };
  const list = (q: Partial<DueItemQuery> = {}) =>
    listDueItems(db(), org, { from: TODAY, to: '2026-12-31', today: TODAY, limit: 500, ...q });
  const byKey = (items: { key: string }[]) => new Map(items.map((i) => [i.key, i]));

  beforeAll(async () => {
    org = (await insertOrganization(db(), { name: 'Calendar Co', defaultLocale: 'ja' })).id;
    other = (await insertOrganization(db(), { name: 'Other Co', defaultLocale: 'ja' })).id;
    const user = async (o: string, name: string) =>
      (
        await db()
          .insert(t.users)
          .values({
            organizationId: o,
            email: `${name}-${o}@example.com`,
            displayName: name,
            passwordHash: 'x',
            roles: ['staff'],
          })
          .returning()
      )[0]!.id;
    id.alice = await user(org, 'Alice');
    id.bob = await user(org, 'Bob');
    id.carol = await user(other, 'Carol');
    const docs = await db()
      .insert(t.documents)
      .values([
        {
          organizationId: org,
          code: 'POL-1',
          title: 'Policy',
          type: 'policy',
          status: 'issued',
          nextReviewDate: '2026-07-01',
          ownerUserId: id.alice,
        },
        {
          organizationId: org,
          code: 'DRAFT-1',
          title: 'Draft',
          type: 'procedure',
          nextReviewDate: '2026-07-02',
        },
      ])
      .returning();
    id.doc = docs[0]!.id;
    const legal = await db()
      .insert(t.legalObligations)
      .values([
        {
          organizationId: org,
          code: 'LEG-001',
          kind: 'law',
          title: 'APPI',
          nextReviewDate: '2026-06-20',
          ownerUserId: id.bob,
        },
        {
          organizationId: org,
          code: 'LEG-002',
          kind: 'law',
          title: 'Old law',
          nextReviewDate: '2026-06-21',
          status: 'retired',
        },
        {
          organizationId: other,
          code: 'LEG-001',
          kind: 'law',
          title: 'Law of other',
          nextReviewDate: '2026-06-20',
          ownerUserId: id.carol,
        },
      ])
      .returning();
    id.legal = legal[0]!.id;
    const checks = await db()
      .insert(t.controlChecks)
      .values([
        {
          organizationId: org,
          controlId: '5.1.1',
          title: 'Policy read',
          frequency: 'yearly',
          nextDue: '2026-06-30',
          checkerUserId: id.alice,
        },
        {
          organizationId: org,
          controlId: '5.1.2',
          title: 'Stopped',
          frequency: 'yearly',
          nextDue: '2026-06-30',
          active: false,
        },
      ])
      .returning();
    id.check = checks[0]!.id;
    const [objective] = await db()
      .insert(t.objectives)
      .values({
        organizationId: org,
        number: 1,
        title: 'Phishing',
        metric: 'click rate',
        direction: 'lower_is_better',
        baseline: 10,
        target: 2,
        startDate: '2026-01-01',
        dueDate: '2026-12-31',
        frequency: 'monthly',
        ownerId: id.alice,
      })
      .returning();
    id.objective = objective!.id;
    const [auditRow] = await db()
      .insert(t.audits)
      .values({
        organizationId: org,
        fiscalYear: 2026,
        code: 'IA-2026-01',
        title: 'Audit',
        plannedStart: '2026-07-10',
        plannedEnd: '2026-07-11',
        leadAuditorId: id.bob,
      })
      .returning();
    id.audit = auditRow!.id;
    const [review] = await db()
      .insert(t.managementReviews)
      .values({ organizationId: org, number: 1, title: 'Review', plannedOn: '2026-09-01' })
      .returning();
    id.review = review!.id;
    const [course] = await db()
      .insert(t.trainingCourses)
      .values({ organizationId: org, number: 1, title: 'Awareness', kind: 'awareness' })
      .returning();
    const [session] = await db()
      .insert(t.trainingSessions)
      .values({
        organizationId: org,
        courseId: course!.id,
        number: 1,
        heldOn: '2026-06-25',
        trainerUserId: id.alice,
      })
      .returning();
    id.session = session!.id;
    const actions = await db()
      .insert(t.treatmentActions)
      .values([
        {
          organizationId: org,
          seq: 1,
          code: 'TA-0001',
          title: 'MFA',
          dueDate: '2026-06-18',
          ownerUserId: id.bob,
        },
        {
          organizationId: org,
          seq: 2,
          code: 'TA-0002',
          title: 'Done',
          dueDate: '2026-06-18',
          status: 'done',
        },
      ])
      .returning();
    id.action = actions[0]!.id;
    const [approvalRow] = await db()
      .insert(t.approvals)
      .values({
        organizationId: org,
        approvalType: 'document',
        entityType: 'document',
        entityId: id.doc,
        entityVersion: 1,
        title: 'Issue POL-1',
        requestedBy: id.bob,
        requestedAt: new Date('2026-06-10T03:00:00Z'),
        assigneeUserId: id.alice,
      })
      .returning();
    id.approval = approvalRow!.id;
    const [attestation] = await db()
      .insert(t.conformityAttestations)
      .values({
        organizationId: org,
        itemId: '4.2.2.f',
        statement: 'Met',
        status: 'approved',
        validFrom: '2026-01-01',
        validUntil: '2026-08-31',
        requestedBy: id.alice,
      })
      .returning();
    id.attestation = attestation!.id;
    const [competence] = await db()
      .insert(t.personCompetences)
      .values({
        organizationId: org,
        userId: id.alice,
        kind: 'certificate',
        name: 'CISSP',
        expiresOn: '2026-07-31',
      })
      .returning();
    id.competence = competence!.id;
    await db().insert(t.incidentSettings).values({ organizationId: org, timeZone: 'Asia/Tokyo' });
    const [obligation] = await db()
      .insert(t.incidentObligations)
      .values({ organizationId: org, name: '72h', appliesToTypes: ['incident'], deadlineHours: 72 })
      .returning();
    id.obligation = obligation!.id;
    const [incident] = await db()
      .insert(t.incidents)
      .values({
        organizationId: org,
        number: 7,
        type: 'incident',
        title: 'Secret leak',
        discoveredAt: new Date('2026-06-14T01:00:00Z'),
        assigneeId: id.bob,
      })
      .returning();
    id.incident = incident!.id;
  });

  it('has a fragment for every kind of the model', () => {
    expect(new Set(FRAGMENTS.map((f) => f.kind))).toEqual(new Set(DUE_ITEM_KINDS));
  });

  it('lists open work of every area in the range, by date, with who and where', async () => {
    const { items, truncated } = await list();
    expect(truncated).toBe(false);
    const keys = byKey(items);
    expect(keys.get(`document_review:${id.doc}:2026-07-01`)).toMatchObject({
      area: 'documents',
      title: 'POL-1 Policy',
      dueOn: '2026-07-01',
      event: false,
      responsibleId: id.alice,
      responsibleName: 'Alice',
      href: `/documents/${id.doc}`,
    });
    expect(keys.get(`legal_review:${id.legal}:2026-06-20`)).toMatchObject({
      responsibleName: 'Bob',
      href: `/legal/${id.legal}`,
    });
    expect(keys.get(`control_check:${id.check}:2026-06-30`)).toMatchObject({
      title: '5.1.1 Policy read',
      href: '/controls/5.1.1',
      responsibleId: id.alice,
    });
    expect(keys.get(`objective:${id.objective}`)).toMatchObject({
      dueOn: '2026-12-31',
      href: `/objectives/${id.objective}`,
    });
    expect(keys.get(`audit:${id.audit}`)).toMatchObject({
      event: true,
      dueOn: '2026-07-10',
      responsibleName: 'Bob',
      title: 'IA-2026-01 Audit',
    });
    expect(keys.get(`management_review:${id.review}`)).toMatchObject({
      event: true,
      title: 'MR-0001 Review',
      responsibleId: null,
    });
    expect(keys.get(`training_session:${id.session}`)).toMatchObject({
      event: true,
      dueOn: '2026-06-25',
      title: 'TS-0001 Awareness',
    });
    expect(keys.get(`treatment_action:${id.action}`)).toMatchObject({
      area: 'treatmentPlan',
      dueOn: '2026-06-18',
      href: '/treatment-plan',
    });
    // Approvals count overdue on the dashboard after 14 days: that day is their due day.
    expect(keys.get(`approval:${id.approval}`)).toMatchObject({
      dueOn: '2026-06-24',
      responsibleId: id.alice,
      href: '/approvals',
    });
    expect(keys.get(`attestation_expiry:${id.attestation}:2026-08-31`)).toBeDefined();
    expect(keys.get(`competence_expiry:${id.competence}:${id.alice}:2026-07-31`)).toMatchObject({
      title: 'CISSP',
      responsibleId: id.alice,
    });
    // 72 hours after 10:00 JST on 14 June: 17 June, named by number, never by its title.
    expect(keys.get(`incident_clock:${id.incident}:${id.obligation}`)).toMatchObject({
      dueOn: '2026-06-17',
      title: 'INC-0007 72h',
      href: `/incidents/${id.incident}`,
    });
    expect(items.some((i) => i.title.includes('Secret'))).toBe(false);
    // Never reviewed: each kind of change is due today.
    expect(items.filter((i) => i.kind === 'risk_review').map((i) => i.dueOn)).toEqual(
      Array(5).fill(TODAY),
    );
    // The plan of FY2027 (April start) is due a month into its year: outside this range.
    expect(items.some((i) => i.kind === 'resource_plan')).toBe(false);
    // Drafts, retired, inactive, done, and the other organization's rows are not work here.
    const titles = items.map((i) => i.title);
    for (const gone of ['DRAFT-1 Draft', 'LEG-002 Old law', '5.1.2 Stopped', 'TA-0002 Done'])
      expect(titles).not.toContain(gone);
    expect(items.some((i) => i.responsibleId === id.carol)).toBe(false);
    const days = items.map((i) => i.dueOn);
    expect(days).toEqual([...days].sort());
  });

  it('adds open items due before the range only when asked (overdue)', async () => {
    const plain = await list();
    expect(plain.items.every((i) => i.dueOn >= TODAY)).toBe(true);
    const { items } = await list({ includeOverdue: true });
    const keys = byKey(items);
    // Monthly from 1 January with nothing measured: due on 1 February.
    expect(keys.get(`objective_measurement:${id.objective}:2026-02-01`)).toBeDefined();
    expect(keys.get('resource_plan:FY2026')).toMatchObject({ dueOn: '2026-05-01' });
  });

  it('filters by kind, area, person, own reach and approver in SQL, and caps', async () => {
    const legal = await list({ kinds: ['legal_review'] });
    expect(legal.items.map((i) => i.kind)).toEqual(['legal_review']);
    const docs = await list({ areas: ['documents'] });
    expect(docs.items.map((i) => i.key)).toEqual([`document_review:${id.doc}:2026-07-01`]);
    const alice = await list({ responsibleId: id.alice });
    expect(alice.items.length).toBeGreaterThan(4);
    expect(alice.items.every((i) => i.responsibleId === id.alice)).toBe(true);
    const own = await list({
      ownOnly: { userId: id.alice, kinds: ['legal_review', 'control_check'] },
    });
    const ownKinds = own.items.map((i) => i.kind);
    expect(ownKinds).toContain('control_check');
    expect(ownKinds).not.toContain('legal_review');
    expect(ownKinds).toContain('audit');
    const forBob = await list({ kinds: ['approval'], approver: { userId: id.bob, roles: [] } });
    expect(forBob.items).toEqual([]);
    const forAlice = await list({ kinds: ['approval'], approver: { userId: id.alice, roles: [] } });
    expect(forAlice.items.map((i) => i.subjectId)).toEqual([id.approval]);
    const capped = await list({ limit: 3 });
    expect(capped.items).toHaveLength(3);
    expect(capped.truncated).toBe(true);
    const none = await list({ kinds: ['legal_review'], areas: ['documents'] });
    expect(none.items).toEqual([]);
  });

  it('hides confidential incidents from readers without the right', async () => {
    await db()
      .update(t.incidents)
      .set({ confidential: true })
      .where(eq(t.incidents.id, id.incident!));
    const hidden = await list({
      kinds: ['incident_clock'],
      incidents: { read: 'all', confidential: false, userId: id.alice },
    });
    expect(hidden.items).toEqual([]);
    const team = await list({
      kinds: ['incident_clock'],
      incidents: { read: 'all', confidential: true, userId: id.alice },
    });
    expect(team.items).toHaveLength(1);
  });
});
