import { describe, expect, it } from 'vitest';
import { emptySnapshot, some } from '../fixtures.ts';
import { emptyObjectives } from '../fixtures-objectives.ts';
import type { ConformitySnapshot } from '../types.ts';
import { RULES } from './index.ts';
import { gapHrefs, readable } from './people-testing.ts';

const run = (s: ConformitySnapshot) => RULES['5.1.b']!(s);
const withObjectives = (over: Partial<ConformitySnapshot['objectives']> = {}) =>
  emptySnapshot({ objectives: { ...emptyObjectives(), ...over } });

/** Four objectives set by the president, all measured on time. */
const healthy = { total: 4, active: 4, byTopManagement: 4, measurements12m: 36 };

describe('5.1.b information security objectives and plans', () => {
  it('is not met without any objective', () => {
    const e = run(withObjectives());
    expect(e.status).toBe('not_met');
    expect(gapHrefs(e)).toEqual(['/objectives']);
    readable(e);
  });

  it('is met with objectives owned, planned, measured on time and set by top management', () => {
    const e = run(withObjectives(healthy));
    expect(e.status).toBe('met');
    expect(e.explanation.en).toBe(
      '4 information security objectives are set (4 being pursued), with 36 measurements recorded over the last 12 months.',
    );
    expect(e.links).toEqual([expect.objectContaining({ href: '/objectives', kind: 'evidence' })]);
    readable(e);
  });

  it('names each missing piece and links the objectives at fault once each, by code', () => {
    const a = { id: 'o-1', number: 1 };
    const b = { id: 'o-7', number: 7 };
    const e = run(
      withObjectives({
        ...healthy,
        withoutOwner: some(a),
        withoutPlan: some(a, b),
        measurementOverdue: some(b),
        pastDue: some({ id: 'o-3', number: 3 }),
      }),
    );
    expect(e.status).toBe('partly_met');
    expect(gapHrefs(e)).toEqual(['/objectives/o-1', '/objectives/o-7', '/objectives/o-3']);
    expect(e.links[1]!.label).toEqual({ ja: '目標 OBJ-001', en: 'Objective OBJ-001' });
    expect(e.explanation.en).toContain('1 objective has no owner.');
    expect(e.explanation.en).toContain('2 objectives have no plan to reach it.');
    expect(e.explanation.en).toContain('1 objective is not measured as often as planned.');
    expect(e.explanation.en).toContain('1 objective is past the due date with no decision');
    readable(e);
  });

  it('asks for an objective set or confirmed by top management', () => {
    const e = run(withObjectives({ ...healthy, byTopManagement: 0 }));
    expect(e.status).toBe('partly_met');
    expect(e.explanation.ja).toContain('トップマネジメントが設定又は確認した目標がありません。');
    readable(e);
  });
});
