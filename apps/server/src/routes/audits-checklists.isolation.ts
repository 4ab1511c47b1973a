import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';
import { createOrgUnit } from '../testing/isms.ts';
import { insertAudit, setUserUnit } from './audits-checklists.fixtures.ts';

/**
 * The audit checklists' lines of tenant-isolation.test.ts: B's audit in
 * progress (its manager leads it, its admin belongs to the auditee unit), a
 * generated checklist with two findings, and one probe per route with an id.
 */
export interface ChecklistOfB {
  auditId: string;
  lineIds: string[];
  /** A line added to be removed by the DELETE control. */
  spareLineId: string;
  openFindingId: string;
  followUpFindingId: string;
  workbook: Buffer;
  values: string[];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function createChecklistOfB(adminB: Client, managerB: Client): Promise<ChecklistOfB> {
  const db = adminB.app.database.db;
  const unit = await createOrgUnit(adminB, { code: 'B-AUDITEE', name: 'Auditee unit of B' });
  await setUserUnit(db, adminB.user.id, unit.id);
  const audit = await insertAudit(db, adminB.organization.id, {
    status: 'in_progress',
    auditeeUnitIds: [unit.id],
    requirementIds: ['6.4'],
    leadAuditorId: managerB.user.id,
  });
  const url = `/api/v1/audits/${audit.id}/checklist`;
  const generated = await managerB.post(`${url}/generate`);
  expect(generated.statusCode, generated.body).toBe(200);
  const lines = generated.json().checklist.items as { id: string; version: number }[];
  const findingOf = async (line: { id: string; version: number }, notes: string) => {
    const res = await managerB.put(
      `${url}/lines/${line.id}/result`,
      { result: 'minor_nc', notes },
      { headers: { 'if-match': `"${line.version}"` } },
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ findingId: string }>().findingId;
  };
  const openFindingId = await findingOf(lines[0]!, 'Secret finding of B');
  const followUpFindingId = await findingOf(lines[1]!, 'Second finding of B');
  const spare = await managerB.post(`${url}/lines`, { promptJa: 'Bの追加質問' });
  expect(spare.statusCode, spare.body).toBe(201);
  const exported = await managerB.get(`${url}/export?lang=en`);
  expect(exported.statusCode).toBe(200);
  const lineIds = [...lines.map((l) => l.id), spare.json().id as string];
  return {
    auditId: audit.id,
    lineIds,
    spareLineId: spare.json().id,
    openFindingId,
    followUpFindingId,
    workbook: exported.rawPayload,
    values: [
      audit.id,
      audit.code,
      ...lineIds,
      openFindingId,
      followUpFindingId,
      'Secret finding of B',
    ],
  };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'adminB' | 'managerB'; status: number };
}

/** Reads first, then the writes in the order their ETags and lines follow. */
export function checklistProbes<B extends { checklist: ChecklistOfB }>(): Probe<B>[] {
  const as = (who: 'adminB' | 'managerB', status: number) => ({ as: who, status });
  const ifMatch = (v: number) => () => ({ 'if-match': `"${v}"` });
  const audit = (b: B) => `/api/v1/audits/${b.checklist.auditId}`;
  const line = (b: B, i: number) => `${audit(b)}/checklist/lines/${b.checklist.lineIds[i]}`;
  const finding = (b: B, id: string) => `${audit(b)}/findings/${id}`;
  return [
    {
      route: 'GET /api/v1/audits/:id/checklist',
      url: (b) => `${audit(b)}/checklist`,
      control: as('adminB', 200),
    },
    {
      route: 'GET /api/v1/audits/:id/checklist/export',
      url: (b) => `${audit(b)}/checklist/export`,
      control: as('adminB', 200),
    },
    {
      route: 'GET /api/v1/audits/:id/findings',
      url: (b) => `${audit(b)}/findings`,
      control: as('adminB', 200),
    },
    {
      route: 'PUT /api/v1/audits/:id/checklist/order',
      url: (b) => `${audit(b)}/checklist/order`,
      body: (b) => ({ lineIds: [...b.checklist.lineIds].reverse() }),
      control: as('managerB', 200),
    },
    {
      route: 'PATCH /api/v1/audits/:id/checklist/lines/:lineId',
      url: (b) => line(b, 2),
      body: () => ({ promptEn: 'Reworded across tenants' }),
      headers: ifMatch(1),
      control: as('managerB', 200),
    },
    {
      route: 'PUT /api/v1/audits/:id/checklist/lines/:lineId/result',
      url: (b) => `${line(b, 3)}/result`,
      body: () => ({ result: 'conform' }),
      headers: ifMatch(1),
      control: as('managerB', 200),
    },
    {
      route: 'DELETE /api/v1/audits/:id/checklist/lines/:lineId',
      url: (b) => `${audit(b)}/checklist/lines/${b.checklist.spareLineId}`,
      control: as('managerB', 204),
    },
    {
      route: 'POST /api/v1/audits/:id/checklist/generate',
      url: (b) => `${audit(b)}/checklist/generate`,
      control: as('managerB', 200),
    },
    {
      route: 'POST /api/v1/audits/:id/checklist/lines',
      url: (b) => `${audit(b)}/checklist/lines`,
      body: () => ({ promptJa: '別組織からの追加' }),
      control: as('managerB', 201),
    },
    {
      route: 'POST /api/v1/audits/:id/checklist/import',
      url: (b) => `${audit(b)}/checklist/import?dryRun=true`,
      body: (b) => b.checklist.workbook,
      headers: () => ({ 'content-type': XLSX }),
      control: as('managerB', 200),
    },
    {
      route: 'PATCH /api/v1/audits/:id/findings/:findingId',
      url: (b) => finding(b, b.checklist.openFindingId),
      body: () => ({ description: 'Changed across tenants' }),
      headers: ifMatch(1),
      control: as('managerB', 200),
    },
    {
      route: 'POST /api/v1/audits/:id/findings/:findingId/correction',
      url: (b) => `${finding(b, b.checklist.followUpFindingId)}/correction`,
      body: () => ({ correction: 'Corrected across tenants' }),
      headers: ifMatch(1),
      control: as('adminB', 200),
    },
    {
      route: 'POST /api/v1/audits/:id/findings/:findingId/verification',
      url: (b) => `${finding(b, b.checklist.followUpFindingId)}/verification`,
      body: () => ({}),
      headers: ifMatch(2),
      control: as('managerB', 200),
    },
  ];
}

/** Lists that must never show B's rows to A. */
export const CHECKLIST_LISTS = ['/api/v1/audit-findings?limit=200'];
