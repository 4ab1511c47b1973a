import type { FieldError } from '../errors.ts';

/** An exclusion as requested (see scopeExclusionInputSchema). */
export interface ExclusionInput {
  namespace: 'control' | 'requirement';
  id: string;
  reason: string;
  riskAcceptedBy?: string | null | undefined;
  riskAcceptedOn?: string | undefined;
}

/**
 * Whether the reference names a requirement of clauses 第4–第7 rather than an
 * annex control: the requirement namespace, or a clause written the way the
 * standard prints it (`第4`, `第5 2.(1)`).
 */
export function isClauseReference(item: Pick<ExclusionInput, 'namespace' | 'id'>) {
  return item.namespace === 'requirement' || /^第\s*[0-9０-９]/.test(item.id.trim());
}

/**
 * The rules of 第1 2.: any annex control may be excluded, with a justification
 * and the formal acceptance of the related risk by an accountable person;
 * clauses 第4 to 第7 never. Returns field errors under `exclusions.<index>`.
 */
export function exclusionProblems(
  items: readonly ExclusionInput[],
  annexControlIds: ReadonlySet<string>,
): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const at = (field: string) => `exclusions.${i}.${field}`;
    const id = item.id.trim();
    if (isClauseReference(item)) {
      problems.push({ field: at('id'), code: 'exclusion_clause_not_excludable', params: { id } });
      return;
    }
    if (!annexControlIds.has(id)) {
      problems.push({ field: at('id'), code: 'exclusion_control_unknown', params: { id } });
    } else if (seen.has(id)) {
      problems.push({ field: at('id'), code: 'exclusion_duplicate', params: { id } });
    }
    seen.add(id);
    if (!item.reason.trim())
      problems.push({ field: at('reason'), code: 'exclusion_reason_required' });
    if (!item.riskAcceptedBy) {
      problems.push({ field: at('riskAcceptedBy'), code: 'exclusion_acceptance_required' });
    }
  });
  return problems;
}
