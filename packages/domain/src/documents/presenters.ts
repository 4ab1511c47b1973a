import type {
  DocumentView,
  DocumentVersionRow,
  DocumentReviewRow,
} from '@mamoru/db/repositories/documents';
import type {
  DocumentDetail,
  DocumentReview,
  DocumentSummary,
  DocumentVersion,
  ToReadItem,
} from '@mamoru/contracts';
import type { DocumentDetailView } from './service.ts';
import { versionStatus } from './rules.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentDocumentSummary(row: Omit<DocumentView, 'sortKey'>): DocumentSummary {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    type: row.type as DocumentSummary['type'],
    ismsPolicy: row.ismsPolicy,
    status: row.status as DocumentSummary['status'],
    ownerUserId: row.ownerUserId,
    ownerName: row.ownerName,
    classificationId: row.classificationId,
    classificationName:
      row.classificationNameJa !== null && row.classificationNameEn !== null
        ? { ja: row.classificationNameJa, en: row.classificationNameEn }
        : null,
    currentRevision: row.currentRevision,
    issuedAt: iso(row.issuedAt),
    reviewIntervalMonths: row.reviewIntervalMonths,
    nextReviewDate: row.nextReviewDate,
    tags: row.tags,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentVersionSummary(row: DocumentVersionRow) {
  return {
    id: row.id,
    documentId: row.documentId,
    revision: row.revision,
    status: versionStatus(row) as DocumentVersion['status'],
    changeSummary: row.changeSummary,
    approvalId: row.approvalId,
    approvedBy: row.approvedBy,
    approvedAt: iso(row.approvedAt),
    issuedAt: iso(row.issuedAt),
    supersededAt: iso(row.supersededAt),
    withdrawnAt: iso(row.withdrawnAt),
    withdrawalReason: row.withdrawalReason,
    updatedBy: row.updatedBy,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentDocumentVersion(row: DocumentVersionRow): DocumentVersion {
  return { ...presentVersionSummary(row), body: row.body, policyFields: row.policyFields ?? null };
}

export function presentDocument(d: DocumentDetailView): DocumentDetail {
  const v = d.view;
  return {
    ...presentDocumentSummary(v),
    distribution: {
      orgUnitIds: v.distributionUnitIds,
      roles: v.distributionRoles,
      userIds: v.distributionUserIds,
    },
    externalOrigin: v.externalOrigin,
    externalSource: v.externalSource,
    externalVersion: v.externalVersion,
    controlIds: v.controlIds,
    requirementIds: v.requirementIds,
    lastReviewedAt: iso(v.lastReviewedAt),
    createdAt: v.createdAt.toISOString(),
    current: d.current ? presentDocumentVersion(d.current) : null,
    working: d.working ? presentDocumentVersion(d.working) : null,
    myAcknowledgement: d.myAcknowledgement
      ? {
          notifiedAt: d.myAcknowledgement.notifiedAt.toISOString(),
          acknowledgedAt: iso(d.myAcknowledgement.acknowledgedAt),
        }
      : null,
  };
}

export function presentToRead(row: {
  documentId: string;
  versionId: string;
  code: string;
  title: string;
  type: string;
  revision: number;
  issuedAt: Date | null;
  notifiedAt: Date;
}): ToReadItem {
  return {
    ...row,
    type: row.type as ToReadItem['type'],
    issuedAt: iso(row.issuedAt),
    notifiedAt: row.notifiedAt.toISOString(),
  };
}

export function presentAckRow(row: {
  userId: string;
  displayName: string;
  email: string;
  notifiedAt: Date;
  acknowledgedAt: Date | null;
}) {
  return {
    ...row,
    notifiedAt: row.notifiedAt.toISOString(),
    acknowledgedAt: iso(row.acknowledgedAt),
  };
}

export function presentReview(row: DocumentReviewRow): DocumentReview {
  return {
    id: row.id,
    documentId: row.documentId,
    versionId: row.versionId,
    outcome: row.outcome as DocumentReview['outcome'],
    note: row.note,
    nextReviewDate: row.nextReviewDate,
    reviewedBy: row.reviewedBy,
    reviewedAt: row.reviewedAt.toISOString(),
  };
}
