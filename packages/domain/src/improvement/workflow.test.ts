import { describe, expect, it } from 'vitest';
import {
  canClose,
  nonconformityCode,
  reviewDueOn,
  reviewerConflict,
  transition,
  type NcEvent,
  type NcState,
} from './workflow.ts';

const state = (over: Partial<NcState> = {}): NcState => ({
  status: 'reported',
  cycle: 1,
  actionNeeded: null,
  actions: [],
  ...over,
});

const run = (s: NcState, e: NcEvent) => transition(s, e);

describe('nonconformity workflow', () => {
  it('walks containment, analysis, evaluation, action, implementation, review, close', () => {
    let s = state();
    const step = (e: NcEvent, expected: string, patch: Partial<NcState> = {}) => {
      const t = run(s, e);
      expect(t).toMatchObject({ ok: true, status: expected });
      if (t.ok) s = { ...s, status: t.status, cycle: t.cycle, ...patch };
    };
    step({ type: 'contain' }, 'contained');
    step({ type: 'analyse' }, 'analysed');
    step({ type: 'evaluate', actionNeeded: true }, 'evaluated', { actionNeeded: true });
    step({ type: 'add_action' }, 'in_action', { actions: ['planned'] });
    step({ type: 'add_action' }, 'in_action', { actions: ['planned', 'planned'] });
    step({ type: 'implement' }, 'in_action', { actions: ['implemented', 'planned'] });
    step({ type: 'implement' }, 'in_review', { actions: ['implemented', 'implemented'] });
    expect(run(s, { type: 'close' })).toEqual({
      ok: false,
      code: 'nc_close_needs_effective_actions',
    });
    step({ type: 'review', effective: true }, 'in_review', {
      actions: ['effective', 'implemented'],
    });
    step({ type: 'review', effective: true }, 'in_review', { actions: ['effective', 'effective'] });
    step({ type: 'close' }, 'closed');
    expect(run(s, { type: 'contain' })).toEqual({ ok: false, code: 'nc_closed' });
  });

  it('refuses to skip a step', () => {
    expect(run(state(), { type: 'analyse' })).toEqual({
      ok: false,
      code: 'nc_step_out_of_order',
    });
    expect(run(state({ status: 'contained' }), { type: 'evaluate', actionNeeded: true })).toEqual({
      ok: false,
      code: 'nc_step_out_of_order',
    });
    expect(run(state({ status: 'analysed' }), { type: 'add_action' })).toEqual({
      ok: false,
      code: 'nc_step_out_of_order',
    });
    expect(run(state({ status: 'reported' }), { type: 'close' })).toEqual({
      ok: false,
      code: 'nc_step_out_of_order',
    });
    expect(run(state({ status: 'in_action', actions: ['planned'] }), { type: 'close' })).toEqual({
      ok: false,
      code: 'nc_close_needs_effective_actions',
    });
  });

  it('never closes without an effectiveness review of every action', () => {
    const implemented = state({ status: 'in_review', actions: ['implemented'] });
    expect(canClose(implemented)).toBe(false);
    expect(canClose(state({ status: 'in_review', actions: ['effective', 'cancelled'] }))).toBe(
      true,
    );
    expect(canClose(state({ status: 'in_review', actions: ['cancelled'] }))).toBe(false);
  });

  it('closes an evaluation that found no action needed, and refuses actions then', () => {
    const noAction = state({ status: 'evaluated', actionNeeded: false });
    expect(run(noAction, { type: 'close' })).toMatchObject({ ok: true, status: 'closed' });
    expect(run(noAction, { type: 'add_action' })).toEqual({
      ok: false,
      code: 'nc_action_not_needed',
    });
    const needed = state({ status: 'evaluated', actionNeeded: true });
    expect(run(needed, { type: 'close' })).toEqual({ ok: false, code: 'nc_step_out_of_order' });
  });

  it('reopens for a new cause analysis in a new cycle when a review finds no effect', () => {
    const t = run(state({ status: 'in_review', cycle: 2, actions: ['implemented'] }), {
      type: 'review',
      effective: false,
    });
    expect(t).toEqual({ ok: true, status: 'contained', cycle: 3 });
  });

  it('refuses to implement or review what is not there', () => {
    expect(
      run(state({ status: 'in_action', actions: ['implemented'] }), { type: 'implement' }),
    ).toEqual({ ok: false, code: 'nc_no_action_to_implement' });
    expect(
      run(state({ status: 'in_action', actions: ['planned'] }), {
        type: 'review',
        effective: true,
      }),
    ).toEqual({ ok: false, code: 'nc_no_action_to_review' });
  });

  it('lets containment and analysis be rewritten until the next step', () => {
    expect(run(state({ status: 'contained' }), { type: 'contain' })).toMatchObject({ ok: true });
    expect(run(state({ status: 'analysed' }), { type: 'contain' })).toMatchObject({ ok: false });
    expect(run(state({ status: 'analysed' }), { type: 'analyse' })).toMatchObject({ ok: true });
    expect(
      run(state({ status: 'evaluated', actions: ['planned'] }), {
        type: 'evaluate',
        actionNeeded: false,
      }),
    ).toMatchObject({ ok: false });
  });
});

describe('effectiveness review rules', () => {
  it('names the owner reviewing their own action as a conflict', () => {
    expect(reviewerConflict('u1', 'u1')).toBe(true);
    expect(reviewerConflict('u2', 'u1')).toBe(false);
  });

  it('is due the interval after implementation, across months and years', () => {
    expect(reviewDueOn('2026-01-31', 30)).toBe('2026-03-02');
    expect(reviewDueOn('2026-12-15', 90)).toBe('2027-03-15');
    expect(reviewDueOn('2026-05-01', 0)).toBe('2026-05-01');
  });

  it('numbers nonconformities NC-0001', () => {
    expect(nonconformityCode(7)).toBe('NC-0007');
    expect(nonconformityCode(12345)).toBe('NC-12345');
  });
});
