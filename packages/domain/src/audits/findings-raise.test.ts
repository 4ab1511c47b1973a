import { describe, expect, it } from 'vitest';
import { raisesFinding, resultProblems } from './findings-raise.ts';
import { parseResult } from './checklist-xlsx.ts';

const audit = { auditeeUnitIds: ['u-1', 'u-2'] };
const input = (over: object = {}) => ({
  result: 'minor_nc' as const,
  notes: '',
  evidence: [],
  ...over,
});

describe('results that raise findings', () => {
  it('raises a finding for nonconformities, observations and OFIs only', () => {
    expect(['major_nc', 'minor_nc', 'observation', 'ofi'].every(raisesFinding)).toBe(true);
    expect(raisesFinding('conform')).toBe(false);
    expect(raisesFinding(null)).toBe(false);
  });

  it('needs a description (or notes) and an auditee unit for a finding', () => {
    expect(resultProblems(audit, null, input()).fields).toEqual([
      { field: 'finding.description', code: 'audit_finding_description_required' },
    ]);
    expect(resultProblems(audit, null, input({ notes: '記録なし' })).fields).toEqual([]);
    const foreign = input({
      notes: 'x',
      finding: { description: '', unitId: 'u-9', dueDate: null },
    });
    expect(resultProblems(audit, null, foreign).fields).toEqual([
      { field: 'finding.unitId', code: 'audit_finding_unit_not_auditee' },
    ]);
    expect(resultProblems(audit, null, input({ result: 'conform' })).fields).toEqual([]);
  });

  it('keeps a finding already followed up from changing kind or being withdrawn', () => {
    const corrected = { status: 'corrected', kind: 'minor_nc' };
    expect(resultProblems(audit, corrected, input({ result: 'conform' })).conflict).toBe(
      'audit_finding_progressed',
    );
    expect(resultProblems(audit, corrected, input({ notes: 'more notes' })).conflict).toBeNull();
    const open = { status: 'open', kind: 'minor_nc' };
    expect(resultProblems(audit, open, input({ result: 'conform' })).conflict).toBeNull();
  });
});

describe('result cells of an imported checklist', () => {
  it('reads labels in either language and codes; blank is no result', () => {
    expect(parseResult('軽微な不適合')).toBe('minor_nc');
    expect(parseResult(' major nonconformity ')).toBe('major_nc');
    expect(parseResult('ofi')).toBe('ofi');
    expect(parseResult('')).toBeNull();
    expect(parseResult('たぶん')).toBeUndefined();
  });
});
