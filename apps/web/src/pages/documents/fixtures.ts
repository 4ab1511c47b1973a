import type { DocumentDetail, DocumentSummary, DocumentVersion } from './api';

export const DOC_ID = '00000000-0000-4000-8000-000000000d01';
export const V1 = '00000000-0000-4000-8000-000000000e01';
export const V2 = '00000000-0000-4000-8000-000000000e02';

export function version(over: Partial<DocumentVersion> = {}): DocumentVersion {
  return {
    id: V2,
    documentId: DOC_ID,
    revision: 2,
    status: 'issued',
    changeSummary: '',
    approvalId: null,
    approvedBy: null,
    approvedAt: null,
    issuedAt: '2026-04-01T09:00:00.000Z',
    supersededAt: null,
    withdrawnAt: null,
    withdrawalReason: '',
    updatedBy: null,
    version: 3,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-04-01T09:00:00.000Z',
    body: '# Policy\n\nWe protect customer information.',
    policyFields: null,
    ...over,
  };
}

export function summary(over: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id: DOC_ID,
    code: 'POL-001',
    title: 'Information security policy',
    type: 'policy',
    ismsPolicy: true,
    status: 'issued',
    ownerUserId: '00000000-0000-4000-8000-000000000001',
    ownerName: 'Aiko Admin',
    classificationId: null,
    classificationName: null,
    currentRevision: 2,
    issuedAt: '2026-04-01T09:00:00.000Z',
    reviewIntervalMonths: 12,
    nextReviewDate: '2027-04-01',
    tags: [],
    version: 5,
    updatedAt: '2026-04-01T09:00:00.000Z',
    ...over,
  };
}

export function detail(over: Partial<DocumentDetail> = {}): DocumentDetail {
  return {
    ...summary(),
    distribution: { orgUnitIds: [], roles: ['staff'], userIds: [] },
    externalOrigin: false,
    externalSource: '',
    externalVersion: '',
    controlIds: ['5.1.1'],
    requirementIds: [],
    lastReviewedAt: null,
    createdAt: '2026-03-01T09:00:00.000Z',
    current: version(),
    working: null,
    myAcknowledgement: null,
    ...over,
  };
}
