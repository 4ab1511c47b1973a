import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';

/**
 * The documents' lines of tenant-isolation.test.ts: what organization B keeps
 * (an issued document distributed to its admins, a draft, an approved version
 * waiting to be issued) and one probe per route that takes an id.
 */
export interface DocumentsOfB {
  documentId: string;
  documentVersion: number;
  issuedVersionId: string;
  draftDocumentId: string;
  draftVersionId: string;
  draftVersion: number;
  approvedDocumentId: string;
  approvedVersionId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'adminB'; status: number };
}

/** Lists that must never show B's documents to A. */
export const DOCUMENT_LISTS = [
  '/api/v1/documents?limit=200',
  '/api/v1/documents?q=b-doc',
  '/api/v1/documents/to-read',
];

/** The document register, versions, acknowledgements and reviews. */
export function documentProbes<B extends { documents: DocumentsOfB }>(): Probe<B>[] {
  const doc = (b: B) => `/api/v1/documents/${b.documents.documentId}`;
  const draft = (b: B) =>
    `/api/v1/documents/${b.documents.draftDocumentId}/versions/${b.documents.draftVersionId}`;
  const as = (status: number) => ({ as: 'adminB' as const, status });
  const ifMatch = (v: (b: B) => number) => (b: B) => ({ 'if-match': `"${v(b)}"` });
  return [
    { route: 'GET /api/v1/documents/:id', url: doc, control: as(200) },
    {
      route: 'PATCH /api/v1/documents/:id',
      url: doc,
      body: () => ({ title: 'Renamed across tenants' }),
      headers: ifMatch((b) => b.documents.documentVersion),
      control: as(200),
    },
    {
      route: 'POST /api/v1/documents/:id/acknowledgement',
      url: (b) => `${doc(b)}/acknowledgement`,
      body: () => ({}),
      control: as(204),
    },
    {
      route: 'GET /api/v1/documents/:id/acknowledgements',
      url: (b) => `${doc(b)}/acknowledgements`,
      control: as(200),
    },
    {
      route: 'GET /api/v1/documents/:id/reviews',
      url: (b) => `${doc(b)}/reviews`,
      control: as(200),
    },
    {
      route: 'POST /api/v1/documents/:id/reviews',
      url: (b) => `${doc(b)}/reviews`,
      body: () => ({ outcome: 'no_change' }),
      control: as(201),
    },
    {
      route: 'GET /api/v1/documents/:id/versions',
      url: (b) => `${doc(b)}/versions`,
      control: as(200),
    },
    {
      route: 'GET /api/v1/documents/:id/diff',
      url: (b) =>
        `${doc(b)}/diff?from=${b.documents.issuedVersionId}&to=${b.documents.issuedVersionId}`,
      control: as(200),
    },
    {
      route: 'POST /api/v1/documents/:id/versions',
      url: (b) => `${doc(b)}/versions`,
      body: () => ({}),
      control: as(201),
    },
    // After the PATCH and the review above, each of which made the document one higher.
    {
      route: 'POST /api/v1/documents/:id/withdrawal',
      url: (b) => `${doc(b)}/withdrawal`,
      body: () => ({ reason: 'Withdrawn across tenants' }),
      headers: ifMatch((b) => b.documents.documentVersion + 2),
      control: as(204),
    },
    { route: 'GET /api/v1/documents/:id/versions/:versionId', url: draft, control: as(200) },
    {
      route: 'GET /api/v1/documents/:id/versions/:versionId/export.pdf',
      url: (b) => `${draft(b)}/export.pdf`,
      control: as(200),
    },
    {
      route: 'GET /api/v1/documents/:id/versions/:versionId/files',
      url: (b) => `${draft(b)}/files`,
      control: as(200),
    },
    {
      route: 'PATCH /api/v1/documents/:id/versions/:versionId',
      url: draft,
      body: () => ({ body: 'Changed across tenants' }),
      headers: ifMatch((b) => b.documents.draftVersion),
      control: as(200),
    },
    {
      route: 'POST /api/v1/documents/:id/versions/:versionId/approval',
      url: (b) => `${draft(b)}/approval`,
      body: () => ({}),
      headers: ifMatch((b) => b.documents.draftVersion + 1),
      control: as(200),
    },
    {
      route: 'POST /api/v1/documents/:id/versions/:versionId/issue',
      url: (b) =>
        `/api/v1/documents/${b.documents.approvedDocumentId}/versions/${b.documents.approvedVersionId}/issue`,
      body: () => ({}),
      control: as(200),
    },
  ];
}

/** A's own document, and B's issued, draft and approved documents (B's admin writes, B's manager approves). */
export async function createDocumentsOfB(
  userA: Client,
  adminB: Client,
  managerB: Client,
): Promise<DocumentsOfB> {
  const b = {} as DocumentsOfB;
  const create = async (client: Client, code: string, title: string) => {
    const res = await client.post('/api/v1/documents', {
      code,
      title,
      type: 'procedure',
      distribution: { roles: ['admin'] },
      body: `${title}: secret steps`,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const approve = async (doc: { id: string; working: { id: string; version: number } }) => {
    const sent = await adminB.post(
      `/api/v1/documents/${doc.id}/versions/${doc.working.id}/approval`,
      {},
      { headers: { 'if-match': `"${doc.working.version}"` } },
    );
    expect(sent.statusCode, sent.body).toBe(200);
    const decided = await managerB.post(`/api/v1/approvals/${sent.json().approvalId}/decision`, {
      decision: 'approved',
    });
    expect(decided.statusCode, decided.body).toBe(200);
  };
  await create(userA, 'A-DOC-1', 'Document of A');
  const issued = await create(adminB, 'B-DOC-1', 'Document of B');
  await approve(issued);
  const res = await adminB.post(
    `/api/v1/documents/${issued.id}/versions/${issued.working.id}/issue`,
    {},
  );
  expect(res.statusCode, res.body).toBe(200);
  b.documentId = issued.id;
  b.issuedVersionId = issued.working.id;
  b.documentVersion = (await adminB.get(`/api/v1/documents/${issued.id}`)).json().version;
  const draft = await create(adminB, 'B-DOC-2', 'Draft document of B');
  b.draftDocumentId = draft.id;
  b.draftVersionId = draft.working.id;
  b.draftVersion = draft.working.version;
  const approved = await create(adminB, 'B-DOC-3', 'Approved document of B');
  await approve(approved);
  b.approvedDocumentId = approved.id;
  b.approvedVersionId = approved.working.id;
  b.values = [
    b.documentId,
    b.issuedVersionId,
    b.draftDocumentId,
    b.draftVersionId,
    b.approvedDocumentId,
    'B-DOC-1',
    'Document of B',
  ];
  return b;
}
