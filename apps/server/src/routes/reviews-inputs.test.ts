import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ReviewInputPack, ReviewInputSection } from '@mamoru/contracts';
import {
  REVIEW_INPUT_FIGURES,
  REVIEW_INPUT_ITEM_KINDS,
  REVIEW_INPUT_SECTIONS,
} from '@mamoru/contracts';
import { queryRows, schema } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUser,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { createAsset, createOrgUnit } from '../testing/isms.ts';
import {
  at,
  day,
  expected,
  expectSeededFigures,
  seedInputs,
  type SeededInputs,
} from './reviews-inputs.fixtures.ts';
import { insertPlannedReview } from './reviews-inputs.isolation.ts';

describeEachDatabase('management review inputs', (ctx) => {
  let app: App;
  let admin: Client; // administrator and ISMS manager: prepares the inputs
  let top: Client;
  let auditor: Client;
  let external: Client;
  let staff: Client;
  let seeded: SeededInputs;
  let reviewId: string;
  let assetId: string;
  let retiredId: string;
  let unitId: string;
  let prepared: ReviewInputPack;

  const url = (id = reviewId) => `/api/v1/management-reviews/${id}`;
  const prepare = (client: Client, version: number | null, id = reviewId) =>
    client.post(`${url(id)}/prepare-inputs`, undefined, {
      headers: version === null ? {} : { 'if-match': `"${version}"` },
    });
  const sectionOf = (pack: ReviewInputPack, key: string) =>
    pack.sections.find((s) => s.section === key) as ReviewInputSection;
  const figuresOf = (pack: ReviewInputPack) =>
    Object.fromEntries(pack.sections.map((s) => [s.section, s.figures]));

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    top = await createUserAndLogin(admin, { roles: ['top_management'] });
    auditor = await createUserAndLogin(admin, { roles: ['internal_auditor'] });
    external = await createUserAndLogin(admin, { roles: ['external_auditor'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    const org = admin.organization.id;
    assetId = (await createAsset(admin, { name: 'Payroll data' })).id;
    retiredId = (await createAsset(admin, { name: 'Old server', category: 'physical' })).id;
    await app.database.db
      .update(schema.assets)
      .set({ status: 'retired' })
      .where(sql`id = ${retiredId}`);
    unitId = (await createOrgUnit(admin, { name: 'Review unit' })).id;
    seeded = await seedInputs(app.database.db, org, admin.user.id, staff.user.id, assetId);
    // Another organization's register rows never count in A's pack.
    const other = await addOrganization(app);
    await seedInputs(
      app.database.db,
      other.organization.id,
      other.admin.user.id,
      (await createUser(other.admin, { roles: ['staff'] })).user.id,
      (await createAsset(other.admin)).id,
    );
    reviewId = (await insertPlannedReview(app.database.db, org, { title: 'Second review' })).id;
  });
  afterAll(() => app.close());

  it('previews the pack before preparation, compiled now and not stored', async () => {
    const res = await admin.get(`${url()}/inputs`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    const pack = res.json<ReviewInputPack>();
    expect(pack).toMatchObject({ reviewId, preparedAt: null, periodStart: day(-100) });
    expect(pack.sections.map((s) => s.section)).toEqual([...REVIEW_INPUT_SECTIONS]);
    expectSeededFigures(pack);
    const stored = await queryRows(
      app.database.db,
      sql`select 1 from management_review_inputs where review_id = ${reviewId}`,
    );
    expect(stored).toEqual([]);
  });

  it('links every item to its page and counts what it leaves out', async () => {
    const pack = (await admin.get(`${url()}/inputs`)).json<ReviewInputPack>();
    const hrefs = (key: string) => sectionOf(pack, key).items.map((i) => i.href);
    expect(hrefs('a')).toEqual([
      `/management-review/${seeded.previousReviewId}`,
      `/internal-audits/${seeded.auditId}`,
      `/corrective-actions/${seeded.externalNcId}`,
    ]);
    expect(sectionOf(pack, 'a').items[1]).toMatchObject({
      kind: 'internal_audit',
      ref: 'IA-IN',
      status: 'reported',
      date: day(-30),
      detail: '4',
    });
    expect(hrefs('d')[0]).toBe(
      `/corrective-actions/${seeded.externalNcId}?action=${seeded.overdueActionId}`,
    );
    expect(sectionOf(pack, 'e').items).toEqual([
      expect.objectContaining({
        kind: 'risk',
        ref: 'R-1',
        title: 'Payroll data / Unauthorized access',
        href: `/risks?risk=${seeded.untreatedRiskId}`,
        detail: '3',
      }),
    ]);
    expect(sectionOf(pack, 'f').items.map((i) => [i.ref, i.status])).toEqual([
      ['MR-0001 #1', 'implemented'],
      ['MR-0001 #2', 'accepted'],
      ['MR-0001 #3', null],
    ]);
    expect(hrefs('f')).toContain(`/improvement/${seeded.lateImprovementId}`);
    expect(sectionOf(pack, 'b').items.map((i) => i.status)).toEqual(['open', 'responded', 'open']);
    expect(sectionOf(pack, 'g').items).toContainEqual(
      expect.objectContaining({
        kind: 'asset',
        id: assetId,
        change: 'added',
        detail: 'Information',
      }),
    );
    const changed = (kind: string, id: string) =>
      sectionOf(pack, 'g').items.find((i) => i.kind === kind && i.id === id);
    expect(changed('asset', retiredId)).toMatchObject({ change: 'retired', detail: 'Physical' });
    expect(changed('org_unit', unitId)).toMatchObject({ change: 'added', href: '/scope' });
    // No incident yet: the section is compiled, and says it is empty.
    expect(sectionOf(pack, 'incidents')).toMatchObject({ available: true, empty: true });
    expect(sectionOf(pack, 'objectives')).toMatchObject({
      available: false,
      figures: {},
      empty: true,
    });
    expect(pack.sections.every((s) => s.omitted === 0)).toBe(true);
    for (const s of pack.sections) {
      expect(Object.keys(s.figures), s.section).toEqual([...REVIEW_INPUT_FIGURES[s.section]]);
      for (const i of s.items) expect(REVIEW_INPUT_ITEM_KINDS).toContain(i.kind);
    }
  });

  it('prepares only for the ISMS manager, with a current If-Match', async () => {
    expect((await prepare(top, 1)).statusCode).toBe(403);
    expect((await prepare(staff, 1)).statusCode).toBe(403);
    expect((await prepare(admin, null)).statusCode).toBe(428);
    const stale = await prepare(admin, 7);
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('stale_version');
  });

  it('freezes the figures and items in one step (planned → inputs prepared)', async () => {
    const res = await prepare(admin, 1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    prepared = res.json<ReviewInputPack>();
    expect(prepared.preparedAt).not.toBeNull();
    expect(prepared.periodStart).toBe(day(-100));
    expect(prepared.sections).toHaveLength(11);
    expectSeededFigures(prepared);
    const [row] = await app.database.db
      .select()
      .from(schema.managementReviews)
      .where(sql`id = ${reviewId}`);
    expect(row).toMatchObject({
      status: 'inputs_prepared',
      periodStart: day(-100),
      inputsPreparedBy: admin.user.id,
    });
    const events = await queryRows<{ action: string }>(
      app.database.db,
      sql`select action from audit_events where entity_id = ${reviewId}`,
    );
    expect(events.map((e) => e.action)).toEqual(['management_review.inputs_prepared']);
  });

  it('keeps the frozen pack when the registers change afterwards', async () => {
    const db = app.database.db;
    const org = admin.organization.id;
    await db.insert(schema.nonconformities).values({
      organizationId: org,
      number: 9,
      source: 'external_audit',
      title: 'Found later',
      detectedOn: day(0),
    });
    await db
      .update(schema.interestedPartyFeedback)
      .set({ respondedOn: day(0), response: 'Answered' })
      .where(sql`id = ${seeded.unansweredFeedbackId}`);
    await db
      .update(schema.improvements)
      .set({ status: 'implemented', implementedAt: at(0) })
      .where(sql`id = ${seeded.lateImprovementId}`);
    const res = await admin.get(`${url()}/inputs`);
    expect(res.statusCode).toBe(200);
    const pack = res.json<ReviewInputPack>();
    expect(figuresOf(pack)).toEqual(figuresOf(prepared));
    expect(pack.sections.map((s) => s.items)).toEqual(prepared.sections.map((s) => s.items));
    expect(pack.preparedAt).toBe(prepared.preparedAt);
    const again = await prepare(admin, 2);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('review_inputs_not_planned');
  });

  it('the database refuses a change of the figures or items; the discussion may change', async () => {
    const db = app.database.db;
    await expect(
      db.execute(
        sql`update management_review_inputs set figures = '{"auditsCompleted": 99}'::jsonb
          where review_id = ${reviewId} and section = 'a'`,
      ),
    ).rejects.toThrow();
    await expect(
      db.execute(
        sql`update management_review_inputs set items = '[]'::jsonb
          where review_id = ${reviewId} and section = 'd'`,
      ),
    ).rejects.toThrow();
    await expect(
      db.execute(sql`delete from management_review_inputs where review_id = ${reviewId}`),
    ).rejects.toThrow();
    await db.execute(
      sql`update management_review_inputs set discussion = 'Audits went well'
        where review_id = ${reviewId} and section = 'a'`,
    );
    const pack = (await admin.get(`${url()}/inputs`)).json<ReviewInputPack>();
    expect(sectionOf(pack, 'a')).toMatchObject({
      discussion: 'Audits went well',
      figures: expected.a,
    });
  });

  it('lets every reader with reach all read the pack; staff only once distributed', async () => {
    for (const client of [top, auditor, external]) {
      const res = await client.get(`${url()}/inputs`);
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await staff.get(`${url()}/inputs`)).statusCode).toBe(404);
    await app.database.db
      .update(schema.managementReviews)
      .set({ status: 'approved', heldOn: day(0), distributedAt: new Date() })
      .where(sql`id = ${reviewId}`);
    const res = await staff.get(`${url()}/inputs`);
    expect(res.statusCode, res.body).toBe(200);
    expect(figuresOf(res.json<ReviewInputPack>())).toEqual(figuresOf(prepared));
  });

  it('starts the period one interval back without an approved review, and caps the items', async () => {
    const { admin: adminC, organization } = await addOrganization(app, { name: 'Org C' });
    const db = app.database.db;
    await db
      .insert(schema.reviewSettings)
      .values({ organizationId: organization.id, intervalMonths: 3 });
    await db.insert(schema.improvements).values(
      Array.from({ length: 205 }, (_, i) => ({
        organizationId: organization.id,
        number: i + 1,
        source: 'suggestion',
        title: `Idea ${i + 1}`,
      })),
    );
    const review = await insertPlannedReview(db, organization.id);
    const res = await prepare(adminC, 1, review.id);
    expect(res.statusCode, res.body).toBe(200);
    const pack = res.json<ReviewInputPack>();
    // Three months back, on the same day or the month's last (31 May − 3 months = 28/29 Feb).
    const [y, m, d] = day(0).split('-').map(Number) as [number, number, number];
    const month = new Date(Date.UTC(y, m - 1 - 3, 1));
    const lastDay = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0));
    month.setUTCDate(Math.min(d, lastDay.getUTCDate()));
    expect(pack.periodStart).toBe(month.toISOString().slice(0, 10));
    const h = sectionOf(pack, 'h');
    expect(h.figures).toEqual({ improvementsProposed: 205, preventiveProposals: 0 });
    expect(h.items).toHaveLength(200);
    expect(h.omitted).toBe(5);
    expect(h.items[0]).toMatchObject({
      ref: 'IMP-0001',
      href: expect.stringMatching(/^\/improvement\//),
    });
    expect(sectionOf(pack, 'b')).toMatchObject({ empty: true, items: [], omitted: 0 });
    expect(sectionOf(pack, 'f').figures).toEqual({
      previousDecisions: 0,
      decisionsDone: 0,
      decisionsOpen: 0,
      decisionsOverdue: 0,
    });
  });
});
