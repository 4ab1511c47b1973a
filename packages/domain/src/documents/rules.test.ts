import { describe, expect, it } from 'vitest';
import {
  addMonths,
  approvalTypeOf,
  diffBodies,
  documentSearchText,
  policyProblems,
  reviewState,
  versionStatus,
} from './rules.ts';

describe('document rules', () => {
  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 12)).toBe('2027-11-15');
    expect(addMonths('2026-12-01', 3)).toBe('2027-03-01');
  });

  it('tells overdue, due and not yet due reviews apart', () => {
    expect(reviewState(null, '2026-06-01')).toBe('none');
    expect(reviewState('2026-05-31', '2026-06-01')).toBe('overdue');
    expect(reviewState('2026-06-01', '2026-06-01')).toBe('due');
    expect(reviewState('2026-07-01', '2026-06-01')).toBe('due');
    expect(reviewState('2026-07-02', '2026-06-01')).toBe('ok');
  });

  it('shows a version in review with a granted approval as approved', () => {
    expect(versionStatus({ status: 'in_review', approvedAt: new Date() })).toBe('approved');
    expect(versionStatus({ status: 'in_review', approvedAt: null })).toBe('in_review');
    expect(versionStatus({ status: 'issued', approvedAt: new Date() })).toBe('issued');
  });

  it('normalizes full-width letters and case for search', () => {
    expect(documentSearchText({ code: 'ＰＯＬ-1', title: 'Policy', tags: ['ISMS'] }, '本文')).toBe(
      'pol-1\npolicy\nisms\n本文',
    );
  });

  it('diffs two bodies line by line and counts the lines', () => {
    const d = diffBodies('# Title\nline one\nline two', '# Title\nline one changed\nline two\nnew');
    expect(d.parts).toEqual([
      { op: 'equal', text: '# Title\n' },
      { op: 'remove', text: 'line one\n' },
      { op: 'add', text: 'line one changed\n' },
      { op: 'equal', text: 'line two\n' },
      { op: 'add', text: 'new\n' },
    ]);
    expect(d.added).toBe(2);
    expect(d.removed).toBe(1);
  });

  it('sends the ISMS policy to top management and needs its structured fields', () => {
    expect(approvalTypeOf({ ismsPolicy: true })).toBe('isms_policy');
    expect(approvalTypeOf({ ismsPolicy: false })).toBe('document');
    expect(policyProblems({ ismsPolicy: false }, null)).toEqual([]);
    expect(
      policyProblems(
        { ismsPolicy: true },
        { objectivesFramework: 'x', obligationsConsidered: ' ', riskCriteriaReference: '' },
      ).map((p) => p.field),
    ).toEqual(['policyFields.obligationsConsidered', 'policyFields.riskCriteriaReference']);
  });
});
