import { describe, expect, it } from 'vitest';
import { submitProblems } from './approval.ts';
import { decisionProblems } from './decisions.ts';
import { attendanceProblems } from './minutes.ts';

const fields = (problems: { field: string; code: string }[]) =>
  problems.map((p) => `${p.field}:${p.code}`);

describe('decision rules (6.3.a–c)', () => {
  it('needs the reason on a procedure change and only there', () => {
    expect(
      fields(decisionProblems({ output: 'procedure', procedureReason: null, amount: null })),
    ).toEqual(['procedureReason:decision_reason_required']);
    expect(
      decisionProblems({ output: 'procedure', procedureReason: 'legal', amount: null }),
    ).toEqual([]);
    expect(
      fields(decisionProblems({ output: 'effectiveness', procedureReason: 'legal', amount: null })),
    ).toEqual(['procedureReason:review_reason_procedure_only']);
  });

  it('lets only a resource need carry an amount, and does not require one', () => {
    expect(decisionProblems({ output: 'resources', procedureReason: null, amount: 0 })).toEqual([]);
    expect(decisionProblems({ output: 'resources', procedureReason: null, amount: null })).toEqual(
      [],
    );
    expect(
      fields(decisionProblems({ output: 'procedure', procedureReason: 'risk_level', amount: 10 })),
    ).toEqual(['amount:decision_amount_resources_only']);
  });
});

describe('submitting the minutes', () => {
  const top = { role: 'top_management', attended: true };
  it('needs the date held and a member of top management who attended', () => {
    expect(submitProblems({ heldOn: '2026-11-20' }, [top])).toEqual([]);
    expect(
      fields(
        submitProblems({ heldOn: null }, [
          { role: 'top_management', attended: null },
          { role: 'isms_manager', attended: true },
        ]),
      ),
    ).toEqual(['heldOn:field_required', 'attendees:review_top_management_absent']);
    expect(
      fields(
        submitProblems({ heldOn: '2026-11-20' }, [{ role: 'top_management', attended: false }]),
      ),
    ).toEqual(['attendees:review_top_management_absent']);
  });
});

describe('attendance', () => {
  it('accepts today and invited attendees, refuses a later date and strangers', () => {
    const ids = new Set(['a1']);
    const today = new Date().toISOString().slice(0, 10);
    expect(attendanceProblems(ids, today, [{ attendeeId: 'a1', attended: true }])).toEqual([]);
    expect(
      fields(attendanceProblems(ids, '2999-12-31', [{ attendeeId: 'x', attended: false }])),
    ).toEqual(['heldOn:review_held_on_future', 'attendance.0.attendeeId:reference_not_found']);
  });
});
