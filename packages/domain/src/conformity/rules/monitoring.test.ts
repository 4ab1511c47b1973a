import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../fixtures.ts';
import { RULES } from './index.ts';

const rule = RULES['4.2.3.a.3']!;

describe('management sees whether security activities work (4.2.3.a.3)', () => {
  it('is not met with neither measurements nor check results', () => {
    const r = rule(emptySnapshot());
    expect(r.status).toBe('not_met');
    expect(r.links.map((l) => l.href)).toEqual(['/objectives', '/controls?tab=checks']);
  });

  it('is met with objectives measured on schedule, checks current and a review in its interval', () => {
    const s = emptySnapshot();
    s.objectives.active = 3;
    s.objectives.measurements12m = 24;
    s.controls.applicable = 10;
    s.controls.results12m = 12;
    s.reviews.lastApproved = { code: 'MR-0001' } as NonNullable<typeof s.reviews.lastApproved>;
    s.reviews.nextDueOn = '2099-01-01';
    const r = rule(s);
    expect(r.status).toBe('met');
    expect(r.explanation.en).toContain('24 objective measurements and 12 control check results');
  });

  it('names overdue measurements and checks, and a review past its interval', () => {
    const s = emptySnapshot();
    s.objectives.active = 1;
    s.objectives.measurements12m = 3;
    s.objectives.measurementOverdue = { count: 1, refs: [{ id: 'o1', number: 2 }] };
    s.controls.applicable = 2;
    s.controls.results12m = 1;
    s.controls.withoutCurrentResult = {
      count: 1,
      refs: [{ controlId: '9.2.4', displayId: '9(2)④' }],
    };
    const r = rule(s);
    expect(r.status).toBe('partly_met');
    expect(r.explanation.en).toContain('1 objectives are past their scheduled measurement.');
    expect(r.explanation.ja).toContain('1件の管理策に周期内の点検結果がありません。');
    expect(r.explanation.en).toContain('No management review within its interval');
    const gaps = r.links.filter((l) => l.kind === 'gap').map((l) => l.href);
    expect(gaps).toEqual(['/objectives/o1', '/controls/9.2.4', '/management-review']);
    expect(r.links.find((l) => l.href === '/objectives/o1')!.label.en).toBe(
      'Measurement of OBJ-002',
    );
  });
});
