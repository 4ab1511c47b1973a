import type { SoaEntry, SoaVersion } from '@mamoru/contracts';
import type {
  SoaCounts,
  SoaEntryDetailRow,
  SoaVersionRow,
  SoaWithScopeRow,
} from '@mamoru/db/repositories/soa';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const EMPTY: SoaCounts = {
  total: 0,
  undecided: 0,
  applicable: 0,
  excluded: 0,
  notImplemented: 0,
  proposed: 0,
};

export function presentSoaVersion(row: SoaVersionRow, counts?: SoaCounts): SoaVersion {
  return {
    id: row.id,
    soaId: row.soaId,
    number: row.number,
    status: row.status as SoaVersion['status'],
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
    approvalId: row.approvalId,
    approvedBy: row.approvedBy,
    approvedAt: iso(row.approvedAt),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    counts: counts ?? EMPTY,
  };
}

export interface SoaView {
  soa: SoaWithScopeRow;
  current: SoaVersion;
  approved: SoaVersion | null;
}

export function presentSoa(v: SoaView) {
  return {
    id: v.soa.id,
    title: v.soa.title,
    libraryId: v.soa.libraryId,
    scopeVersionId: v.soa.scopeVersionId,
    scopeVersionNumber: v.soa.scopeVersionNumber,
    createdAt: v.soa.createdAt.toISOString(),
    current: v.current,
    approved: v.approved,
  };
}

/** An entry with its control as the catalog (and the organization's overlay) describes it. */
export function presentEntry(row: SoaEntryDetailRow): SoaEntry {
  const e = row.entry;
  return {
    controlId: e.controlId,
    displayId: row.displayId ?? e.controlId,
    own: row.own ?? false,
    domainId: row.domainId,
    domainDisplayId: row.domainDisplayId,
    domainTitle: row.domainTitle,
    objectiveId: row.objectiveId,
    objectiveDisplayId: row.objectiveDisplayId,
    objectiveTitle: row.objectiveTitle,
    title: row.title ?? { en: e.controlId, ja: e.controlId },
    summary: row.summary,
    applicable: e.applicable,
    proposed: e.proposed,
    reasons: e.reasons,
    exclusionReason: e.exclusionReason,
    riskAcceptedBy: e.riskAcceptedBy,
    riskAcceptedOn: e.riskAcceptedOn,
    implementationStatus: e.implementationStatus as SoaEntry['implementationStatus'],
    links: e.links,
    ownerUserId: e.ownerUserId,
    notes: e.notes,
    updatedBy: e.updatedBy,
    updatedAt: e.updatedAt.toISOString(),
  };
}
