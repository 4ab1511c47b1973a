import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../fixtures.ts';
import { ACTIVITIES } from './pdca.ts';
import { RULES } from './index.ts';

describe('the whole PDCA cycle in use (4.1)', () => {
  it('is not met on an organization that recorded nothing, with a gap per phase', () => {
    const r = RULES['4.1']!(emptySnapshot());
    expect(r.status).toBe('not_met');
    expect(r.explanation.en).toContain('0 of the four PDCA phases');
    expect(new Set(r.links.map((l) => l.label.en))).toEqual(
      new Set(['Plan', 'Do', 'Check', 'Act']),
    );
  });

  it('is partly met while one phase lacks an activity, and names it', () => {
    const s = emptySnapshot();
    s.scope.approvedNumber = 1;
    const r = RULES['4.1']!(s);
    expect(r.status).toBe('partly_met');
    expect(r.explanation.en).toContain('1 of the four PDCA phases (Plan)');
    expect(r.explanation.en).toContain('No risk assessment run.');
    expect(r.links.some((l) => l.href === '/risks/assessments')).toBe(true);
  });

  it('is met when every activity of every phase shows in the data', () => {
    const s = emptySnapshot();
    s.scope.approvedNumber = 1;
    s.risks.assessments = 1;
    s.soa = { status: 'approved' } as NonNullable<typeof s.soa>;
    s.treatment.actions = 1;
    s.documents.issuedProcedures = 1;
    s.people.training.awarenessCompleted = 1;
    s.audits.reportedAudits = 1;
    s.reviews.lastApproved = {} as NonNullable<typeof s.reviews.lastApproved>;
    s.reviews.nextDueOn = '2099-01-01';
    s.improvement.improvements.implemented = 1;
    s.controls.results12m = 4;
    s.objectives.measurements12m = 12;
    expect(ACTIVITIES.filter((a) => !a.done(s))).toEqual([]);
    const r = RULES['4.1']!(s);
    expect(r.status).toBe('met');
    expect(r.explanation.ja).toContain('計画・実行・点検・処置');
    // A review past its interval turns it back.
    s.reviews.nextDueOn = '2000-01-01';
    expect(RULES['4.1']!(s).status).toBe('partly_met');
  });
});
