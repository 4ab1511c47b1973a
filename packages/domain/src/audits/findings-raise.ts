import type { Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/audits-checklists';
import type { ChecklistResultInput } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type AuditEntry, type RequestContext } from '../audit/trail.ts';
import { conflict, invalid, type FieldError } from '../errors.ts';

/**
 * A line's result and the finding it raises: a nonconformity (major or minor),
 * an observation or an opportunity for improvement becomes a finding of the
 * audit, numbered per audit, carrying the clause or control, the auditee unit
 * and the evidence. A conform (or cleared) result withdraws a finding that is
 * still open; one already corrected, verified or taken over stays as it is.
 */

export const LINE_ENTITY = 'audit_checklist_line';
export const FINDING_ENTITY = 'audit_finding';

const FINDING_KINDS = new Set(['major_nc', 'minor_nc', 'observation', 'ofi']);
export const raisesFinding = (result: string | null) =>
  result !== null && FINDING_KINDS.has(result);

export const lineContentOf = (l: repo.ChecklistLineRow) => ({
  position: l.position,
  kind: l.kind,
  refId: l.refId,
  promptJa: l.promptJa,
  promptEn: l.promptEn,
  result: l.result,
  notes: l.notes,
  evidence: l.evidence,
});

export const findingContentOf = (f: repo.FindingRow) => ({
  number: f.number,
  kind: f.kind,
  requirementId: f.requirementId,
  controlId: f.controlId,
  unitId: f.unitId,
  description: f.description,
  evidence: f.evidence,
  dueDate: f.dueDate,
  status: f.status,
});

/** What a result would do wrong, as field errors (empty: it can be recorded). */
export function resultProblems(
  audit: { auditeeUnitIds: readonly string[] },
  finding: { status: string; kind: string; nonconformityId?: string | null } | null,
  input: ChecklistResultInput,
): { fields: FieldError[]; conflict: string | null } {
  const fields: FieldError[] = [];
  const raises = raisesFinding(input.result);
  // A finding the nonconformity register took over keeps its kind: the nonconformity points at it.
  const settled = finding && (finding.status !== 'open' || finding.nonconformityId);
  if (finding && settled && finding.kind !== input.result) {
    return { fields, conflict: 'audit_finding_progressed' };
  }
  if (raises) {
    const description = input.finding?.description || input.notes;
    if (!description.trim()) {
      fields.push({ field: 'finding.description', code: 'audit_finding_description_required' });
    }
    const unitId = input.finding?.unitId;
    if (unitId && !audit.auditeeUnitIds.includes(unitId)) {
      fields.push({ field: 'finding.unitId', code: 'audit_finding_unit_not_auditee' });
    }
  }
  return { fields, conflict: null };
}

/** The auditee unit a finding names: the one chosen, else the audit's only auditee unit. */
const unitOf = (audit: repo.AuditAccessRow, input: ChecklistResultInput) =>
  input.finding?.unitId ?? (audit.auditeeUnitIds.length === 1 ? audit.auditeeUnitIds[0]! : null);

export async function applyResult(
  tx: Executor,
  ctx: RequestContext,
  audit: repo.AuditAccessRow,
  line: repo.ChecklistLineRow,
  input: ChecklistResultInput,
) {
  const org = ctx.actor.organizationId;
  const finding = await repo.findingOfLine(tx, org, line.id);
  const problems = resultProblems(audit, finding, input);
  if (problems.conflict) throw conflict(problems.conflict);
  if (problems.fields.length > 0) throw invalid(problems.fields);
  const evidence = input.evidence.map((e) => ({ type: e.type, id: e.id, label: e.label ?? '' }));
  const updated = (await repo.updateLine(tx, org, line.id, line.version, {
    result: input.result,
    notes: input.notes,
    evidence,
    answeredBy: input.result === null ? null : ctx.actor.userId,
    answeredAt: input.result === null ? null : new Date(),
  }))!;
  const entries: AuditEntry[] = [
    {
      action: 'audit_checklist.result_recorded',
      entityType: LINE_ENTITY,
      entityId: line.id,
      ...diff(lineContentOf(line), lineContentOf(updated)),
    },
  ];
  const content = {
    kind: input.result!,
    description: input.finding?.description || input.notes,
    unitId: unitOf(audit, input),
    dueDate: input.finding?.dueDate ?? null,
    evidence,
  };
  if (raisesFinding(input.result) && !finding) {
    const created = await repo.insertFinding(tx, {
      organizationId: org,
      auditId: audit.id,
      lineId: line.id,
      requirementId: line.kind === 'requirement' ? line.refId : null,
      controlId: line.kind === 'control' ? line.refId : null,
      ...content,
      createdBy: ctx.actor.userId,
    });
    entries.push({
      action: 'audit_finding.raised',
      entityType: FINDING_ENTITY,
      entityId: created.id,
      after: findingContentOf(created),
    });
  } else if (raisesFinding(input.result) && finding && finding.status === 'open') {
    // What the input leaves out stays as the finding has it (set there by PATCH).
    const changed = (await repo.updateFinding(tx, org, finding.id, null, {
      ...content,
      description: content.description || finding.description,
      unitId: input.finding?.unitId ?? finding.unitId,
      dueDate: input.finding?.dueDate ?? finding.dueDate,
    }))!;
    entries.push({
      action: 'audit_finding.updated',
      entityType: FINDING_ENTITY,
      entityId: finding.id,
      ...diff(findingContentOf(finding), findingContentOf(changed)),
    });
  } else if (!raisesFinding(input.result) && finding) {
    await repo.deleteFinding(tx, org, finding.id);
    entries.push({
      action: 'audit_finding.withdrawn',
      entityType: FINDING_ENTITY,
      entityId: finding.id,
      before: findingContentOf(finding),
    });
  }
  await recordAudit(tx, ctx, entries);
  return updated;
}
