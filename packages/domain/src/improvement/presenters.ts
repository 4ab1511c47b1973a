import type { ImprovementAction, Nonconformity, NonconformityDetail } from '@mamoru/contracts';
import type { AnalysisView, NonconformityView } from '@mamoru/db/repositories/improvement';
import type { ActionView, ReviewView } from '@mamoru/db/repositories/improvement-actions';
import { nonconformityCode } from './workflow.ts';

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const links = (items: { type: string; id: string; label?: string }[]) =>
  items.map((l) => ({ type: l.type, id: l.id, label: l.label ?? '' }));

export function presentNonconformity(n: NonconformityView): Nonconformity {
  return {
    id: n.id,
    code: nonconformityCode(n.number),
    kind: n.kind as Nonconformity['kind'],
    source: n.source as Nonconformity['source'],
    sourceLink: n.sourceLink
      ? { type: n.sourceLink.type, id: n.sourceLink.id, label: n.sourceLink.label ?? '' }
      : null,
    auditFindingId: n.auditFindingId,
    riskId: n.riskId,
    title: n.title,
    description: n.description,
    severity: n.severity as Nonconformity['severity'],
    priority: n.priority as Nonconformity['priority'],
    requirementIds: n.requirementIds,
    controlIds: n.controlIds,
    unit: n.unitId ? { id: n.unitId, name: n.unitName ?? '' } : null,
    evidence: links(n.evidence),
    detectedOn: n.detectedOn,
    reportedBy: person(n.reportedBy, n.reportedByName),
    owner: person(n.ownerId, n.ownerName),
    status: n.status as Nonconformity['status'],
    containment: n.containment,
    containedBy: person(n.containedBy, n.containedByName),
    containedAt: iso(n.containedAt),
    cycle: n.cycle,
    overdue: Boolean(n.overdue),
    ageDays: Number(n.ageDays),
    closedBy: person(n.closedBy, n.closedByName),
    closedAt: iso(n.closedAt),
    version: n.version,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}

export function presentAction(a: ActionView, reviews: ReviewView[]): ImprovementAction {
  return {
    id: a.id,
    nonconformityId: a.nonconformityId,
    nonconformityCode: nonconformityCode(a.nonconformityNumber),
    nonconformityTitle: a.nonconformityTitle,
    cycle: a.cycle,
    kind: a.kind as ImprovementAction['kind'],
    title: a.title,
    description: a.description,
    owner: person(a.ownerId, a.ownerName),
    dueDate: a.dueDate,
    resources: a.resources,
    status: a.status as ImprovementAction['status'],
    implementationNote: a.implementationNote,
    evidence: links(a.evidence),
    implementedBy: person(a.implementedBy, a.implementedByName),
    implementedAt: iso(a.implementedAt),
    reviewIntervalDays: a.reviewIntervalDays,
    reviewDue: a.reviewDue,
    overdue: Boolean(a.overdue),
    reviews: reviews
      .filter((r) => r.actionId === a.id)
      .map((r) => ({
        id: r.id,
        reviewer: person(r.reviewerId, r.reviewerName),
        effective: r.effective,
        note: r.note,
        evidence: links(r.evidence),
        reviewedAt: r.reviewedAt.toISOString(),
      })),
    version: a.version,
  };
}

export interface NonconformityBundle {
  nonconformity: NonconformityView;
  analyses: AnalysisView[];
  actions: ActionView[];
  reviews: ReviewView[];
}

export function presentNonconformityDetail(b: NonconformityBundle): NonconformityDetail {
  return {
    ...presentNonconformity(b.nonconformity),
    analyses: b.analyses.map((a) => ({
      cycle: a.cycle,
      whySteps: a.whySteps,
      fishboneCategory:
        a.fishboneCategory as NonconformityDetail['analyses'][number]['fishboneCategory'],
      rootCause: a.rootCause,
      analysedBy: person(a.analysedBy, a.analysedByName),
      analysedAt: a.analysedAt.toISOString(),
      actionNeeded: a.actionNeeded,
      evaluationReason: a.evaluationReason,
      evaluatedBy: person(a.evaluatedBy, a.evaluatedByName),
      evaluatedAt: iso(a.evaluatedAt),
    })),
    actions: b.actions.map((a) => presentAction(a, b.reviews)),
  };
}
