import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { NonconformityDetail } from '@mamoru/contracts';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { nonconformities, systemActor } from '@mamoru/domain';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { insertAuditWithFindings } from './improvement.fixtures.ts';

describeEachDatabase('takeover of audit findings', (ctx) => {
  let app: App;
  let manager: Client;
  let auditor: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    auditor = await createUserAndLogin(manager, { roles: ['internal_auditor'] });
  });
  afterAll(() => app.close());

  const findingsOf = (auditId: string) =>
    queryRows<{ number: number; kind: string; status: string; nonconformity_id: string | null }>(
      app.database.db,
      sql`select number, kind, status, nonconformity_id from audit_findings
        where audit_id = ${auditId} order by number`,
    );

  it('turns the nonconformity findings of an audit into nonconformities, once', async () => {
    const { audit, findings } = await insertAuditWithFindings(manager);
    const res = await manager.post(`/api/v1/nonconformities/from-audit/${audit.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const created = res.json<{ created: { id: string; auditFindingId: string }[] }>().created;
    expect(created.map((c) => c.auditFindingId).sort()).toEqual(
      [findings[0]!.id, findings[1]!.id].sort(),
    );
    const rows = await findingsOf(audit.id);
    expect(rows.map((r) => [r.kind, r.status, Boolean(r.nonconformity_id)])).toEqual([
      ['major_nc', 'open', true],
      ['minor_nc', 'open', true],
      ['observation', 'open', false],
      ['ofi', 'open', false],
    ]);
    const major = (
      await manager.get(`/api/v1/nonconformities/${rows[0]!.nonconformity_id}`)
    ).json<NonconformityDetail>();
    expect(major).toMatchObject({
      source: 'internal_audit',
      severity: 'major',
      status: 'reported',
      title: 'Finding major_nc',
      requirementIds: ['4.2.3.d'],
      auditFindingId: findings[0]!.id,
      sourceLink: { type: 'audit_finding', id: findings[0]!.id },
    });
    const minor = (
      await manager.get(`/api/v1/nonconformities/${rows[1]!.nonconformity_id}`)
    ).json<NonconformityDetail>();
    expect(minor).toMatchObject({ severity: 'minor', controlIds: ['9.2.1'] });

    // Again, through the route and through the function report approval calls: nothing new.
    const again = await manager.post(`/api/v1/nonconformities/from-audit/${audit.id}`);
    expect(again.json().created).toEqual([]);
    const direct = await app.database.db.transaction((tx) =>
      nonconformities.takeOverAuditFindings(
        tx,
        { actor: systemActor(manager.organization.id), requestId: null },
        audit.id,
      ),
    );
    expect(direct).toEqual([]);
    const events = await manager.get(
      `/api/v1/audit/events?entityId=${rows[0]!.nonconformity_id}&limit=10`,
    );
    expect(events.json().items.map((e: { action: string }) => e.action)).toContain(
      'nonconformity.taken_over',
    );
  });

  it('takes over one finding by hand, refusing observations and a second takeover', async () => {
    const { findings } = await insertAuditWithFindings(manager);
    const observation = await manager.post('/api/v1/nonconformities/from-finding', {
      findingId: findings[2]!.id,
    });
    expect(observation.statusCode).toBe(422);
    expect(observation.json().code).toBe('nc_finding_not_nonconformity');
    const one = await manager.post('/api/v1/nonconformities/from-finding', {
      findingId: findings[1]!.id,
    });
    expect(one.statusCode, one.body).toBe(201);
    expect(one.json()).toMatchObject({ auditFindingId: findings[1]!.id, severity: 'minor' });
    const twice = await manager.post('/api/v1/nonconformities/from-finding', {
      findingId: findings[1]!.id,
    });
    expect(twice.statusCode).toBe(409);
    const missing = await manager.post('/api/v1/nonconformities/from-finding', {
      findingId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].field).toBe('findingId');
  });

  it('leaves the takeover to the ISMS manager', async () => {
    const { audit, findings } = await insertAuditWithFindings(manager);
    expect((await auditor.post(`/api/v1/nonconformities/from-audit/${audit.id}`)).statusCode).toBe(
      403,
    );
    const one = await auditor.post('/api/v1/nonconformities/from-finding', {
      findingId: findings[0]!.id,
    });
    expect(one.statusCode).toBe(403);
  });
});
