import type { EvidenceRecord, RecordDisposal, RecordType } from '@mamoru/contracts';
import type { RecordTypeView, RecordView } from '@mamoru/db/repositories/records';
import type { disposalOf } from '@mamoru/db/repositories/records';

/** English is optional for names people type; a blank one shows the Japanese. */
const named = (ja: string, en: string) => ({ ja, en: en.trim() ? en : ja });

export function presentRecordType(t: RecordTypeView): RecordType {
  return {
    id: t.id,
    code: t.code,
    name: named(t.nameJa, t.nameEn),
    retention: { value: t.retentionValue, unit: t.retentionUnit as 'months' | 'years' },
    storageLocation: t.storageLocation,
    classification: t.classificationId
      ? {
          id: t.classificationId,
          code: t.classificationCode ?? '',
          name: { ja: t.classificationNameJa ?? '', en: t.classificationNameEn ?? '' },
        }
      : null,
    disposalMethod: t.disposalMethod,
    evidences: t.evidences,
    fields: t.fields.map((f) => ({ ...f, label: named(f.label.ja, f.label.en) })),
    controlIds: t.controlIds,
    active: t.active,
    version: t.version,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function presentRecord(r: RecordView): EvidenceRecord {
  return {
    id: r.id,
    type: { id: r.typeId, code: r.typeCode, name: named(r.typeNameJa, r.typeNameEn) },
    title: r.title,
    description: r.description,
    entries: r.entries,
    links: r.links,
    recordDate: r.recordDate,
    retentionEnd: r.retentionEnd,
    legalHold: { active: r.legalHold, reason: r.legalHoldReason },
    status: r.status as EvidenceRecord['status'],
    approvalId: r.approvalId,
    createdBy: r.createdBy ? { id: r.createdBy, name: r.createdByName ?? '' } : null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

type DisposalView = NonNullable<Awaited<ReturnType<typeof disposalOf>>>;

export function presentDisposal(d: DisposalView): RecordDisposal {
  return {
    id: d.id,
    recordId: d.recordId,
    recordTitle: d.recordTitle,
    typeCode: d.typeCode,
    method: d.method,
    reason: d.reason,
    requestedBy: d.requestedBy ? { id: d.requestedBy, name: d.requestedByName ?? '' } : null,
    approvedBy: d.approvedBy ? { id: d.approvedBy, name: d.approvedByName ?? '' } : null,
    approvalId: d.approvalId,
    filesDeleted: d.filesDeleted,
    disposedAt: d.disposedAt.toISOString(),
  };
}
