import { describe, expect, it } from 'vitest';
import { acceptanceBlocker, isOverdue, treatmentProblems } from './rules.ts';
import { compileMethod, middleOf } from './compile.ts';
import { additivePreset, likelihoodImpactPreset, multiplicativePreset } from './presets.ts';

describe('marking a risk accepted (4.2.1.e–f)', () => {
  const base = { acceptableLevel: 4, treatmentOption: null, retentionStatus: 'none' } as const;
  it('accepts a risk at or below the acceptable level without a decision', () => {
    expect(acceptanceBlocker({ ...base, value: 4 })).toBeNull();
    expect(acceptanceBlocker({ ...base, value: 1 })).toBeNull();
  });
  it('refuses a risk above the level without a treatment option', () => {
    expect(acceptanceBlocker({ ...base, value: 5 })).toBe('risk_above_acceptable_untreated');
  });
  it('accepts it once controls, avoidance or transfer are decided', () => {
    for (const option of ['apply_controls', 'avoid', 'transfer'] as const)
      expect(acceptanceBlocker({ ...base, value: 27, treatmentOption: option })).toBeNull();
  });
  it('needs top management’s approval of a retention', () => {
    const retain = { ...base, value: 27, treatmentOption: 'retain' as const };
    expect(acceptanceBlocker(retain)).toBe('risk_retention_not_approved');
    expect(acceptanceBlocker({ ...retain, retentionStatus: 'pending' })).toBe(
      'risk_retention_not_approved',
    );
    expect(acceptanceBlocker({ ...retain, retentionStatus: 'rejected' })).toBe(
      'risk_retention_not_approved',
    );
    expect(acceptanceBlocker({ ...retain, retentionStatus: 'approved' })).toBeNull();
  });
  it('cannot accept what no approved method has valued', () => {
    expect(acceptanceBlocker({ ...base, value: null })).toBe('risk_not_evaluated');
    expect(acceptanceBlocker({ ...base, value: 1, acceptableLevel: null })).toBe(
      'risk_not_evaluated',
    );
  });
});

describe('treatment decisions', () => {
  const t = { option: null, transferTo: '', rationale: '', selectedControls: [] };
  it('needs a rationale, a transferee for transfer, and controls for apply_controls', () => {
    expect(treatmentProblems(t)).toEqual([]);
    expect(treatmentProblems({ ...t, option: 'transfer' })).toEqual([
      { field: 'transferTo', code: 'field_required' },
      { field: 'rationale', code: 'field_required' },
    ]);
    expect(treatmentProblems({ ...t, option: 'apply_controls', rationale: 'x' })).toEqual([
      { field: 'selectedControls', code: 'risk_controls_required' },
    ]);
  });
  it('justifies each selected control once', () => {
    const selectedControls = [
      { controlId: '10.3.1', justification: 'backups' },
      { controlId: '10.3.1', justification: '' },
    ];
    expect(
      treatmentProblems({ ...t, option: 'apply_controls', rationale: 'x', selectedControls }),
    ).toEqual([
      { field: 'selectedControls.1.justification', code: 'field_required' },
      { field: 'selectedControls.1.controlId', code: 'risk_control_duplicate' },
    ]);
  });
});

describe('overdue actions', () => {
  it('are open and past their due date', () => {
    expect(isOverdue('planned', '2026-01-01', '2026-01-02')).toBe(true);
    expect(isOverdue('in_progress', '2026-01-02', '2026-01-02')).toBe(false);
    expect(isOverdue('done', '2026-01-01', '2026-01-02')).toBe(false);
    expect(isOverdue('planned', null, '2026-01-02')).toBe(false);
  });
});

describe('the method compiled for SQL', () => {
  it('keeps every scale as ascending values and the grid row by row', () => {
    const m = compileMethod(likelihoodImpactPreset());
    expect(m.likelihoodValues).toEqual([1, 2, 3, 4, 5]);
    expect(m.grid).toHaveLength(25);
    expect(m.grid[1 * 5 + 2]).toBe(2 * 3); // likelihood level 2, impact level 3
    expect(m.bandMins).toEqual([1, 5, 12]);
  });
  it('takes the Annex E values and lowest C/I/A value', () => {
    const m = compileMethod(additivePreset());
    expect(m.threatValues).toEqual([0, 1, 2]);
    expect(m.ciaMin).toBe(0);
    expect(m.formula).toBe('additive');
    expect(compileMethod(multiplicativePreset()).acceptableLevel).toBe(4);
  });
  it('defaults unknown levels to the middle of the scale', () => {
    expect(middleOf(multiplicativePreset().threatScale)).toBe(2);
    expect(middleOf(likelihoodImpactPreset().likelihoodScale)).toBe(3);
  });
});
