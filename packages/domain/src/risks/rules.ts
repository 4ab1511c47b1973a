import type { FieldError } from '../errors.ts';

/**
 * Rules of risk evaluation and treatment that do not need the database.
 * 4.2.1.e–f: a risk above the acceptable level is either treated or knowingly
 * retained with top management's approval; it is never simply "accepted".
 */
export type TreatmentOption = 'apply_controls' | 'retain' | 'avoid' | 'transfer';
export type RetentionStatus = 'none' | 'pending' | 'approved' | 'rejected';

export interface AcceptanceFacts {
  /** The risk value by the method in force (null when none is approved). */
  value: number | null;
  acceptableLevel: number | null;
  treatmentOption: TreatmentOption | null;
  retentionStatus: RetentionStatus;
}

/**
 * Why a risk may not be marked accepted, or null when it may. At or below the
 * acceptable level the criteria accept it; above it, it needs a treatment
 * (apply controls, avoid, transfer) or a retention top management approved.
 */
export function acceptanceBlocker(f: AcceptanceFacts): string | null {
  if (f.value === null || f.acceptableLevel === null) return 'risk_not_evaluated';
  if (f.value <= f.acceptableLevel) return null;
  if (f.treatmentOption === null) return 'risk_above_acceptable_untreated';
  if (f.treatmentOption === 'retain' && f.retentionStatus !== 'approved')
    return 'risk_retention_not_approved';
  return null;
}

export interface TreatmentInput {
  option: TreatmentOption | null;
  transferTo: string;
  rationale: string;
  selectedControls: { controlId: string; justification: string }[];
}

/** Problems of a treatment decision, each naming the field. */
export function treatmentProblems(t: TreatmentInput): FieldError[] {
  const problems: FieldError[] = [];
  if (t.option === 'transfer' && !t.transferTo.trim())
    problems.push({ field: 'transferTo', code: 'field_required' });
  if (t.option !== null && !t.rationale.trim())
    problems.push({ field: 'rationale', code: 'field_required' });
  if (t.option === 'apply_controls' && t.selectedControls.length === 0)
    problems.push({ field: 'selectedControls', code: 'risk_controls_required' });
  const seen = new Set<string>();
  t.selectedControls.forEach((c, i) => {
    if (!c.justification.trim())
      problems.push({ field: `selectedControls.${i}.justification`, code: 'field_required' });
    if (seen.has(c.controlId))
      problems.push({ field: `selectedControls.${i}.controlId`, code: 'risk_control_duplicate' });
    seen.add(c.controlId);
  });
  return problems;
}

/** Whether a treatment action is overdue on a given day (ISO dates compare as text). */
export function isOverdue(status: string, dueDate: string | null, today: string): boolean {
  return (status === 'planned' || status === 'in_progress') && dueDate !== null && dueDate < today;
}
