import { expect } from 'vitest';
import { attachFile, samples } from '../testing/files.ts';
import type { Client } from '../testing/identity.ts';

/**
 * The records' and evidence files' lines of tenant-isolation.test.ts: what
 * organization B keeps, and one probe per route that takes an id.
 */
export interface RecordsOfB {
  typeId: string;
  recordId: string;
  /** Past its retention end, so B's own disposal request succeeds. */
  disposableId: string;
  /** Disposed of with B's approval, so B reads its disposal record. */
  disposedId: string;
  fileId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

export async function createRecordsOfB(adminB: Client, managerB: Client): Promise<RecordsOfB> {
  const type = await adminB.post('/api/v1/record-types', {
    code: 'B-RECORD-TYPE',
    name: { ja: 'Bの記録', en: 'Record type of B' },
    retention: { value: 1, unit: 'years' },
  });
  expect(type.statusCode, type.body).toBe(201);
  const typeId = type.json<{ id: string }>().id;
  const create = async (title: string, recordDate: string) => {
    const res = await adminB.post('/api/v1/records', { typeId, title, recordDate });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; version: number }>();
  };
  const record = await create('Record of B', new Date().toISOString().slice(0, 10));
  const disposable = await create('Old record of B', '2001-01-01');
  const disposed = await create('Disposed record of B', '2001-01-01');
  const requested = await adminB.post(
    `/api/v1/records/${disposed.id}/disposal`,
    { reason: 'B retention over' },
    { headers: { 'if-match': `"${disposed.version}"` } },
  );
  expect(requested.statusCode, requested.body).toBe(200);
  const approval = requested.json<{ approvalId: string }>().approvalId;
  const decided = await managerB.post(`/api/v1/approvals/${approval}/decision`, {
    decision: 'approved',
  });
  expect(decided.statusCode, decided.body).toBe(200);
  const file = await attachFile(adminB, { type: 'record', id: record.id }, samples.pdf(), 'b.pdf');
  return {
    typeId,
    recordId: record.id,
    disposableId: disposable.id,
    disposedId: disposed.id,
    fileId: file.id,
    values: [typeId, 'B-RECORD-TYPE', record.id, 'Record of B', disposable.id, file.id],
  };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'adminB'; status: number };
}

/** Reads first, then the writes in the order their ETags follow; the file's delete last. */
export function recordProbes<B extends { records: RecordsOfB }>(): Probe<B>[] {
  const as = (status: number) => ({ as: 'adminB' as const, status });
  const ifMatch = (v: number) => () => ({ 'if-match': `"${v}"` });
  const type = (b: B) => `/api/v1/record-types/${b.records.typeId}`;
  const record = (b: B) => `/api/v1/records/${b.records.recordId}`;
  const file = (b: B) => `/api/v1/files/${b.records.fileId}`;
  return [
    { route: 'GET /api/v1/record-types/:id', url: type, control: as(200) },
    {
      route: 'PATCH /api/v1/record-types/:id',
      url: type,
      body: () => ({ storageLocation: 'Changed across tenants' }),
      headers: ifMatch(1),
      control: as(200),
    },
    { route: 'GET /api/v1/records/:id', url: record, control: as(200) },
    {
      route: 'GET /api/v1/records/:id/disposal',
      url: (b) => `/api/v1/records/${b.records.disposedId}/disposal`,
      control: as(200),
    },
    {
      route: 'PATCH /api/v1/records/:id',
      url: record,
      body: () => ({ title: 'Changed across tenants' }),
      headers: ifMatch(1),
      control: as(200),
    },
    // A record's evidence: the deletion is asked for (disposal approval),
    // before the hold below freezes the record.
    { route: 'DELETE /api/v1/files/:id', url: file, control: as(202) },
    {
      route: 'PUT /api/v1/records/:id/legal-hold',
      url: (b) => `${record(b)}/legal-hold`,
      body: () => ({ active: true, reason: 'Across tenants' }),
      headers: ifMatch(2),
      control: as(200),
    },
    {
      route: 'POST /api/v1/records/:id/disposal',
      url: (b) => `/api/v1/records/${b.records.disposableId}/disposal`,
      body: () => ({ reason: 'Across tenants' }),
      headers: ifMatch(1),
      control: as(200),
    },
    { route: 'GET /api/v1/files/:id', url: file, control: as(200) },
    { route: 'GET /api/v1/files/:id/content', url: (b) => `${file(b)}/content`, control: as(200) },
  ];
}

/** Lists that must never show B's rows to A. */
export const RECORD_LISTS = [
  '/api/v1/record-types?limit=200',
  '/api/v1/records?limit=200',
  '/api/v1/records?q=record&limit=200',
];
