import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { approveMethod } from './risks.fixtures.ts';

/** "Approved by top management" reads the roles the approver held when deciding. */
describeEachDatabase('conformity: approver roles at decision time', (ctx) => {
  let app: App;
  let admin: Client;
  let president: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    president = await createUserAndLogin(admin, { roles: ['top_management'] });
  });
  afterAll(() => app.close());

  const methodItem = async () =>
    (await admin.get('/api/v1/conformity/4.2.1.c')).json<{
      status: string;
      data: Record<string, unknown>;
    }>();

  it('keeps the decider’s roles on the approval and judges by them afterwards', async () => {
    const method = await approveMethod(admin, president);
    const db = app.database.db;
    const rows = await db.execute(
      sql`select decided_by_roles from approvals where entity_id = ${method.id}`,
    );
    const [row] = (rows as unknown as { rows: { decided_by_roles: string[] }[] }).rows;
    expect(row!.decided_by_roles).toEqual(['top_management']);
    expect((await methodItem()).data.approvedByTopManagement).toBe(true);
    // The president steps down: the approval given while in office still counts.
    await db.execute(sql`update users set roles = '{staff}' where id = ${president.user.id}`);
    expect((await methodItem()).data.approvedByTopManagement).toBe(true);
    // Rows decided before the column existed fall back to today's roles.
    await db.execute(sql`alter table approvals disable trigger user`);
    await db.execute(
      sql`update approvals set decided_by_roles = null where entity_id = ${method.id}`,
    );
    await db.execute(sql`alter table approvals enable trigger user`);
    expect((await methodItem()).data.approvedByTopManagement).toBe(false);
  });
});
