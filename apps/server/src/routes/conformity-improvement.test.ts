import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ConformityItem } from '@mamoru/contracts';
import { schema } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';

/**
 * The improvement facts read from the tables (the nonconformity workflow's
 * own routes come from another area): rows inserted here, verdicts and links
 * read through the conformity view.
 */
describeEachDatabase('conformity of corrective and preventive action', (ctx) => {
  let app: App;
  let admin: Client;
  let other: Client;
  const ids = {} as Record<string, string>;

  const item = async (id: string, client: Client = admin) => {
    const res = await client.get(`/api/v1/conformity/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ConformityItem>();
  };
  const gaps = (i: ConformityItem) => i.links.filter((l) => l.kind === 'gap').map((l) => l.href);

  /** One nonconformity with its analysis of the cycle in force. */
  async function nonconformity(
    org: string,
    number: number,
    values: Partial<typeof schema.nonconformities.$inferInsert>,
    analysis: Partial<typeof schema.nonconformityAnalyses.$inferInsert> | null,
  ) {
    const db = app.database.db;
    const [nc] = await db
      .insert(schema.nonconformities)
      .values({
        organizationId: org,
        number,
        source: 'self_identified',
        title: `Nonconformity ${number}`,
        detectedOn: '2026-01-10',
        ...values,
      })
      .returning();
    if (analysis) {
      await db.insert(schema.nonconformityAnalyses).values({
        organizationId: org,
        nonconformityId: nc!.id,
        cycle: nc!.cycle,
        fishboneCategory: 'process',
        rootCause: 'No checklist for the change',
        actionNeeded: true,
        evaluationReason: 'Could recur',
        ...analysis,
      });
    }
    return nc!;
  }

  async function action(
    org: string,
    nc: { id: string },
    owner: string,
    values: Partial<typeof schema.improvementActions.$inferInsert>,
  ) {
    const [row] = await app.database.db
      .insert(schema.improvementActions)
      .values({
        organizationId: org,
        nonconformityId: nc.id,
        cycle: 1,
        kind: 'corrective',
        title: 'Add a checklist',
        ownerId: owner,
        dueDate: '2030-01-01',
        ...values,
      })
      .returning();
    return row!;
  }

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    const owner = await createUserAndLogin(admin, { roles: ['staff'] });
    const org = admin.organization.id;
    const me = admin.user.id;
    const db = app.database.db;
    await db.insert(schema.documents).values({
      organizationId: org,
      code: 'PRC-CA',
      title: 'Corrective action procedure',
      type: 'procedure',
      status: 'issued',
      requirementIds: ['7.2.b'],
    });
    // Closed with its cause, an effective action and a review, and communicated.
    const nc1 = await nonconformity(org, 1, { status: 'closed' }, {});
    const a1 = await action(org, nc1, owner.user.id, {
      status: 'effective',
      implementationNote: 'Checklist in use',
      implementedAt: new Date('2026-02-01T00:00:00Z'),
    });
    await db.insert(schema.effectivenessReviews).values({
      organizationId: org,
      actionId: a1.id,
      actionOwnerId: owner.user.id,
      reviewerId: me,
      effective: true,
    });
    await db.insert(schema.improvementCommunications).values({
      organizationId: org,
      nonconformityId: nc1.id,
      audience: 'All staff',
      channel: 'email',
      communicatedOn: '2026-03-01',
      summary: 'What we changed',
      agreement: 'not_required',
    });
    // Analysed, but the root cause is blank.
    ids.nc2 = (await nonconformity(org, 2, { status: 'analysed' }, { rootCause: ' ' })).id;
    // Reopened: only its second cycle's overdue action counts.
    const nc3 = await nonconformity(org, 3, { status: 'in_action', cycle: 2 }, {});
    await action(org, nc3, owner.user.id, { cycle: 1, dueDate: '2001-01-01' });
    ids.nc3 = nc3.id;
    ids.a3 = (await action(org, nc3, owner.user.id, { cycle: 2, dueDate: '2001-01-01' })).id;
    // A potential one closed with an action implemented long ago: no result, no review.
    const nc4 = await nonconformity(org, 4, { status: 'closed', kind: 'potential' }, {});
    ids.nc4 = nc4.id;
    ids.a4 = (
      await action(org, nc4, owner.user.id, {
        kind: 'preventive',
        status: 'implemented',
        implementedAt: new Date('2001-01-01T00:00:00Z'),
      })
    ).id;

    // Another organization's faults never show in A's verdicts.
    ({ admin: other } = await addOrganization(app));
    ids.ncOfB = (
      await nonconformity(other.organization.id, 1, { status: 'analysed' }, { rootCause: '' })
    ).id;
  });
  afterAll(() => app.close());

  const nc = (id: string) => `/corrective-actions/${id}`;

  it('7.2.a is met by the tagged procedure and the register', async () => {
    const i = await item('7.2.a');
    expect(i.status, i.explanation.en).toBe('met');
    expect(i.data).toMatchObject({ recorded: 3, closed: 1, procedures: ['PRC-CA'] });
  });

  it('7.2.b links exactly the nonconformity without a root cause', async () => {
    const i = await item('7.2.b');
    expect(i.status).toBe('partly_met');
    expect(gaps(i)).toEqual([nc(ids.nc2!)]);
    expect(i.explanation.ja).toContain('不適合1件に原因が記録されていません。');
  });

  it('7.2.d counts the overdue action of the cycle in force only', async () => {
    const i = await item('7.2.d');
    expect(i.status).toBe('partly_met');
    expect(gaps(i)).toEqual([`${nc(ids.nc3!)}?action=${ids.a3}`]);
  });

  it('7.3.c and 7.3.d: the potential one closed without result, review or effect', async () => {
    const c = await item('7.3.c');
    expect(gaps(c)).toEqual(
      expect.arrayContaining([`${nc(ids.nc4!)}?action=${ids.a4}`, '/documents?type=procedure']),
    );
    const d = await item('7.3.d');
    expect(d.status).toBe('partly_met');
    expect(gaps(d)).toEqual([
      '/documents?type=procedure',
      `${nc(ids.nc4!)}?action=${ids.a4}`,
      nc(ids.nc4!),
    ]);
    // Corrective action is reviewed: 7.2.f holds.
    expect((await item('7.2.f')).status).toBe('met');
  });

  it('4.2.4.c names the closed nonconformity never communicated', async () => {
    const i = await item('4.2.4.c');
    expect(i.status).toBe('partly_met');
    expect(gaps(i)).toEqual([nc(ids.nc4!)]);
  });

  it('keeps organizations apart', async () => {
    // B has no procedure of its own, and only its own nonconformity lacks a cause.
    const i = await item('7.2.b', other);
    expect(i.status).toBe('partly_met');
    expect(gaps(i)).toEqual(['/documents?type=procedure', nc(ids.ncOfB!)]);
  });
});
