import type { AuditFinding, ChecklistLine, ChecklistReference } from '@mamoru/contracts';
import type { ReferenceRow } from '@mamoru/db/repositories/audits-checklist-evidence';
import type { ChecklistLineView } from '@mamoru/db/repositories/audits-checklists';
import type { FindingView } from '@mamoru/db/repositories/audits-findings';
import type { catalogIndex } from './checklist-scope.ts';

type CatalogIndex = ReturnType<typeof catalogIndex>;

const iso = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/** SoA entries are labelled by the web in the reader's language; the rest carry their own. */
export function referencesByRef(rows: readonly ReferenceRow[]) {
  const byRef = new Map<string, ChecklistReference[]>();
  for (const r of rows) {
    const list = byRef.get(r.refId) ?? [];
    list.push({ type: r.type, id: r.id, label: r.label });
    byRef.set(r.refId, list);
  }
  return byRef;
}

export function presentLine(
  l: ChecklistLineView,
  catalog: CatalogIndex,
  references: Map<string, ChecklistReference[]>,
): ChecklistLine {
  const ref = l.refId && l.kind !== 'custom' ? (catalog.get(`${l.kind}:${l.refId}`) ?? null) : null;
  return {
    id: l.id,
    auditId: l.auditId,
    position: l.position,
    kind: l.kind as ChecklistLine['kind'],
    refId: l.refId,
    ref,
    prompt: { ja: l.promptJa, en: l.promptEn.trim() ? l.promptEn : l.promptJa },
    result: l.result as ChecklistLine['result'],
    notes: l.notes,
    evidence: l.evidence,
    references: (l.refId && references.get(l.refId)) || [],
    findingId: l.findingId,
    answeredBy: person(l.answeredBy, l.answeredByName),
    answeredAt: iso(l.answeredAt),
    version: l.version,
  };
}

export function presentFinding(f: FindingView, catalog: CatalogIndex): AuditFinding {
  const ref =
    (f.controlId && catalog.get(`control:${f.controlId}`)) ||
    (f.requirementId && catalog.get(`requirement:${f.requirementId}`)) ||
    null;
  return {
    id: f.id,
    audit: { id: f.auditId, code: f.auditCode, title: f.auditTitle, status: f.auditStatus },
    lineId: f.lineId,
    number: f.number,
    kind: f.kind as AuditFinding['kind'],
    requirementId: f.requirementId,
    controlId: f.controlId,
    ref,
    unit: f.unitId ? { id: f.unitId, name: f.unitName ?? '' } : null,
    description: f.description,
    evidence: f.evidence,
    dueDate: f.dueDate,
    overdue: f.overdue === true,
    status: f.status as AuditFinding['status'],
    correction: f.correction,
    correctedBy: person(f.correctedBy, f.correctedByName),
    correctedAt: iso(f.correctedAt),
    verifiedBy: person(f.verifiedBy, f.verifiedByName),
    verifiedAt: iso(f.verifiedAt),
    verificationNote: f.verificationNote,
    nonconformityId: f.nonconformityId,
    version: f.version,
    createdAt: iso(f.createdAt)!,
  };
}
