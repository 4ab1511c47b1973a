import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { improvementRegister, systemActor } from '@mamoru/domain';
import { buildTestApp, type App } from '../testing/app.ts';
import { setupOrganization, type Client } from '../testing/identity.ts';

/**
 * Observations and opportunities for improvement of an audit enter the
 * improvement register (the audit rows are inserted here: the audit routes
 * come from another area).
 */
describeEachDatabase('audit findings taken over into the improvement register', (ctx) => {
  let app: App;
  let admin: Client;
  let auditId: string;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    const org = admin.organization.id;
    const db = app.database.db;
    const [audit] = await db
      .insert(schema.audits)
      .values({
        organizationId: org,
        fiscalYear: 2026,
        code: 'IA-2026-01',
        title: 'Audit of sales',
        plannedStart: '2026-10-01',
        plannedEnd: '2026-10-03',
      })
      .returning();
    auditId = audit!.id;
    await db.insert(schema.auditFindings).values(
      (['minor_nc', 'observation', 'ofi'] as const).map((kind, i) => ({
        organizationId: org,
        auditId,
        number: i + 1,
        kind,
        description: `Finding ${kind}`,
      })),
    );
  });
  afterAll(() => app.close());

  const takeOver = () =>
    app.database.db.transaction((tx) =>
      improvementRegister.takeOverAuditImprovements(
        tx,
        { actor: systemActor(admin.organization.id), requestId: null },
        auditId,
      ),
    );

  it('registers the observation and the opportunity, not the nonconformity, once', async () => {
    const first = await takeOver();
    expect(first).toHaveLength(2);
    expect(await takeOver()).toEqual([]);
    const list = await admin.get('/api/v1/improvements', { query: { source: 'audit' } });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json<{ items: { title: string; auditFindingId: string; code: string }[] }>()
      .items;
    expect(items.map((i) => i.title).sort()).toEqual([
      'IA-2026-01 #2 Finding observation',
      'IA-2026-01 #3 Finding ofi',
    ]);
    const findings = await app.database.db
      .select()
      .from(schema.auditFindings)
      .where(eq(schema.auditFindings.auditId, auditId));
    const status = Object.fromEntries(findings.map((f) => [f.kind, f.status]));
    expect(status).toEqual({ minor_nc: 'open', observation: 'transferred', ofi: 'transferred' });
  });
});
