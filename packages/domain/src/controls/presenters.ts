import type { ControlRegisterRow } from '@mamoru/db/repositories/controls-register';
import type {
  ControlCheckResultView,
  ControlCheckView,
  ControlOperationView,
} from '@mamoru/db/repositories/controls';
import type {
  CheckFrequency,
  CheckResult,
  ControlCheck,
  ControlCheckResultDto,
  ControlListItem,
  ControlOperation,
  ControlOperationStatus,
  ImplementationStatus,
} from '@mamoru/contracts';
import { nonconformityCode } from '../improvement/improvements-presenters.ts';
import { coverageOf, isOverdue } from './schedule.ts';

/** API shapes of the controls area (contracts/src/controls.ts). */

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
const lastOf = (id: string | null, result: string | null, on: string | null) =>
  id && result && on ? { id, result: result as CheckResult, performedOn: on } : null;

export function presentRegisterRow(r: ControlRegisterRow, today: string): ControlListItem {
  return {
    controlId: r.control_id,
    displayId: r.display_id ?? r.control_id,
    title: r.title ?? { ja: r.control_id, en: r.control_id },
    own: r.own,
    implementationStatus: r.implementation_status as ImplementationStatus,
    status: (r.status as ControlOperationStatus | null) ?? null,
    owner: person(r.owner_user_id, r.owner_name),
    coverage: coverageOf(r.procedures, r.record_types, r.no_procedure_reason),
    activeChecks: r.active_checks,
    nextCheckDue: r.next_due,
    lastResult: lastOf(r.last_id, r.last_result, r.last_performed_on),
    overdue: r.next_due !== null && isOverdue(r.next_due, today),
    operationVersion: Number(r.operation_version),
  };
}

export function presentOperation(v: ControlOperationView): ControlOperation {
  const o = v.operation;
  return {
    controlId: o.controlId,
    status: o.status as ControlOperationStatus,
    owner: person(o.ownerUserId, v.ownerName),
    notes: o.notes,
    noProcedureReason: o.noProcedureReason,
    updatedBy: person(o.updatedBy, v.updatedByName),
    updatedAt: o.updatedAt.toISOString(),
    version: o.version,
  };
}

export interface ControlLabel {
  displayId: string;
  title: Record<string, string>;
}

export function presentCheck(
  v: ControlCheckView,
  control: ControlLabel,
  today: string,
): ControlCheck {
  const c = v.check;
  return {
    id: c.id,
    controlId: c.controlId,
    controlDisplayId: control.displayId,
    controlTitle: control.title,
    title: c.title,
    method: c.method,
    frequency: c.frequency as CheckFrequency,
    nextDue: c.nextDue,
    checker: person(c.checkerUserId, v.checkerName),
    active: c.active,
    overdue: c.active && isOverdue(c.nextDue, today),
    lastResult: lastOf(v.lastId, v.lastResult, v.lastPerformedOn),
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentResult(v: ControlCheckResultView): ControlCheckResultDto {
  const r = v.result;
  return {
    id: r.id,
    checkId: r.checkId,
    checkTitle: v.checkTitle,
    controlId: r.controlId,
    performedOn: r.performedOn,
    result: r.result as CheckResult,
    notes: r.notes,
    checker: person(r.checkerUserId, v.checkerName),
    nonconformity:
      r.nonconformityId && v.nonconformityNumber !== null
        ? { id: r.nonconformityId, code: nonconformityCode(v.nonconformityNumber) }
        : null,
    fileCount: Number(v.fileCount),
    recordedBy: person(r.recordedBy, v.recordedByName),
    createdAt: r.createdAt.toISOString(),
  };
}
