import type { Audit, AuditStatus, InternalAuditor } from '@mamoru/contracts';
import type { AuditView, InternalAuditorView } from '@mamoru/db/repositories/audits';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentAuditor(a: InternalAuditorView): InternalAuditor {
  return {
    id: a.id,
    user: { id: a.userId, name: a.userName },
    primaryUnit: a.primaryUnitId ? { id: a.primaryUnitId, name: a.primaryUnitName ?? '' } : null,
    units: a.units,
    qualifications: a.qualifications,
    training: a.training,
    evidence: a.evidence.map((l) => ({ type: l.type, id: l.id, label: l.label ?? '' })),
    active: a.active,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function presentAudit(a: AuditView): Audit {
  return {
    id: a.id,
    code: a.code,
    title: a.title,
    fiscalYear: a.fiscalYear,
    programmeId: a.programmeId,
    status: a.status as AuditStatus,
    auditeeUnits: a.auditeeUnits,
    scopeProcesses: a.scopeProcesses,
    scopeAssetIds: a.scopeAssetIds,
    scopeDocumentIds: a.scopeDocumentIds,
    scopeAssets: a.scopeAssets,
    scopeDocuments: a.scopeDocuments,
    requirementIds: a.requirementIds,
    controlIds: a.controlIds,
    plannedStart: a.plannedStart,
    plannedEnd: a.plannedEnd,
    leadAuditor: a.leadAuditorId ? { id: a.leadAuditorId, name: a.leadAuditorName ?? '' } : null,
    team: a.team.map((m) => ({ user: { id: m.id, name: m.name }, role: m.role })),
    notice: a.noticeSentAt
      ? {
          sentAt: a.noticeSentAt.toISOString(),
          sentBy: a.noticeSentBy?.id ? { id: a.noticeSentBy.id, name: a.noticeSentBy.name } : null,
        }
      : null,
    openingMeetingAt: iso(a.openingMeetingAt),
    closingMeetingAt: iso(a.closingMeetingAt),
    closedAt: iso(a.closedAt),
    notes: a.notes,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
