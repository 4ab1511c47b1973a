import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CatalogControlDetail } from '@mamoru/contracts';
import { insertDocument } from '@mamoru/db/repositories/documents';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { createSoa, treatRisk } from './soa.fixtures.ts';

const base = '/api/v1/catalogs/jipdec-isms-2.0/controls';

describeEachDatabase('where a control is used (GET /catalogs/{id}/controls/{controlId})', (ctx) => {
  let app: App;
  let admin: Client;
  let staff: Client;
  let adminB: Client;
  let risks: string[];
  let documentId: string;

  async function usageOf(client: Client, controlId: string, query = '') {
    const res = await client.get(`${base}/${controlId}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<CatalogControlDetail>().usage;
  }

  async function createDocument(client: Client, code: string) {
    const res = await client.post('/api/v1/documents', {
      code,
      title: `Encryption procedure ${code}`,
      type: 'procedure',
      controlIds: ['10.3.1'],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  }

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    const db = app.database.db;
    risks = [
      (await treatRisk(db, admin, ['10.3.1'])).id,
      (await treatRisk(db, admin, ['10.3.1', '10.3.2'])).id,
    ];
    // Drafted from the risk work: 10.3.1 is proposed applicable.
    await createSoa(admin);
    documentId = await createDocument(admin, 'PR-001');

    ({ admin: adminB } = await addOrganization(app));
    await treatRisk(db, adminB, ['10.3.1']);
    await createDocument(adminB, 'B-PR-001');
  });
  afterAll(() => app.close());

  it('returns the risks, the statement entry and the documents linking the control', async () => {
    const usage = await usageOf(admin, '10.3.1');
    expect(usage.hidden).toEqual([]);
    expect(usage.totals).toEqual({ risks: 2, documents: 1 });
    expect(usage.risks.map((r) => r.id).sort()).toEqual([...risks].sort());
    expect(usage.risks[0]).toMatchObject({
      roles: ['selected'],
      status: 'open',
      threat: { name: { en: 'Unauthorized access' } },
    });
    expect(usage.soa).toHaveLength(1);
    expect(usage.soa[0]).toMatchObject({
      versionNumber: 1,
      versionStatus: 'draft',
      applicable: true,
      proposed: true,
      implementationStatus: 'not_started',
    });
    expect(usage.documents).toEqual([
      {
        id: documentId,
        title: 'Encryption procedure PR-001',
        code: 'PR-001',
        type: 'procedure',
        status: 'draft',
        currentRevision: null,
      },
    ]);
  });

  it('shows another organization only its own risks and documents, and no statement it lacks', async () => {
    const usage = await usageOf(adminB, '10.3.1');
    expect(usage.totals).toEqual({ risks: 1, documents: 1 });
    expect(usage.risks.map((r) => r.id)).not.toContain(risks[0]);
    expect(usage.documents.map((d) => d.code)).toEqual(['B-PR-001']);
    expect(usage.soa).toEqual([]);
  });

  it('gives empty lists for a control nothing links', async () => {
    const usage = await usageOf(admin, '10.3.5');
    expect(usage.risks).toEqual([]);
    expect(usage.documents).toEqual([]);
    expect(usage.totals).toEqual({ risks: 0, documents: 0 });
    expect(usage.soa.map((s) => s.applicable)).toEqual([null]);
  });

  it('hides risks and the statement from staff, and documents not distributed to them', async () => {
    const usage = await usageOf(staff, '10.3.1');
    expect(usage.hidden).toEqual(['risks', 'soa']);
    expect(usage).toMatchObject({ risks: [], soa: [], documents: [] });
    expect(usage.totals).toEqual({ risks: 0, documents: 0 });
  });

  it('lists a withdrawn document only when asked to include obsolete ones', async () => {
    const withdrawn = await insertDocument(app.database.db, {
      organizationId: admin.organization.id,
      code: 'PR-OLD',
      title: 'Retired encryption procedure',
      type: 'procedure',
      status: 'obsolete',
      controlIds: ['10.3.1'],
      ownerUserId: null,
      currentRevision: 1,
    });
    const codes = (usage: CatalogControlDetail['usage']) => usage.documents.map((d) => d.code);
    const without = await usageOf(admin, '10.3.1');
    expect(codes(without)).toEqual(['PR-001']);
    expect(without.totals.documents).toBe(1);
    expect(codes(await usageOf(admin, '10.3.1', '?includeObsolete=false'))).toEqual(['PR-001']);
    const withObsolete = await usageOf(admin, '10.3.1', '?includeObsolete=true');
    expect(codes(withObsolete).sort()).toEqual(['PR-001', 'PR-OLD']);
    expect(withObsolete.totals.documents).toBe(2);
    expect(withObsolete.documents.find((d) => d.id === withdrawn.id)?.status).toBe('obsolete');
    // Another organization does not see it either way.
    expect(codes(await usageOf(adminB, '10.3.1', '?includeObsolete=true'))).toEqual(['B-PR-001']);
    const bad = await admin.get(`${base}/10.3.1?includeObsolete=yes`);
    expect(bad.statusCode).toBe(400);
  });
});
