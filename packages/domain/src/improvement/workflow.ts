/**
 * The order a nonconformity is worked through (7.2, 7.3), as a pure function:
 * containment → cause analysis → evaluation of the need for action → actions →
 * implementation → effectiveness review → closed; a failed review reopens it
 * for a new cause analysis (a new cycle). The service asks `transition` before
 * every write and refuses what it refuses (422, code and step named).
 */

export type NcStatus =
  'reported' | 'contained' | 'analysed' | 'evaluated' | 'in_action' | 'in_review' | 'closed';

export type ActionStatus = 'planned' | 'implemented' | 'effective' | 'not_effective' | 'cancelled';

/** What the workflow needs to know of a nonconformity and its actions of the current cycle. */
export interface NcState {
  status: NcStatus;
  cycle: number;
  /** The evaluation of the current cycle: null until decided. */
  actionNeeded: boolean | null;
  actions: readonly ActionStatus[];
}

export type NcEvent =
  | { type: 'contain' }
  | { type: 'analyse' }
  | { type: 'evaluate'; actionNeeded: boolean }
  | { type: 'add_action' }
  /** One planned action of the cycle was implemented. */
  | { type: 'implement' }
  /** One implemented action of the cycle was reviewed. */
  | { type: 'review'; effective: boolean }
  | { type: 'close' };

export type Transition =
  { ok: true; status: NcStatus; cycle: number } | { ok: false; code: WorkflowRefusal };

export type WorkflowRefusal =
  | 'nc_closed'
  | 'nc_step_out_of_order'
  | 'nc_action_not_needed'
  | 'nc_no_action_to_implement'
  | 'nc_no_action_to_review'
  | 'nc_close_needs_effective_actions';

const ORDER: readonly NcStatus[] = [
  'reported',
  'contained',
  'analysed',
  'evaluated',
  'in_action',
  'in_review',
  'closed',
];

/** The index of a status in the workflow (for boards and progress bars). */
export const stepIndex = (status: NcStatus) => ORDER.indexOf(status);

const refuse = (code: WorkflowRefusal): Transition => ({ ok: false, code });
const to = (state: NcState, status: NcStatus, cycle = state.cycle): Transition => ({
  ok: true,
  status,
  cycle,
});

/** The status after the last action of the cycle left 'planned'. */
function afterActionsMoved(state: NcState, actions: ActionStatus[]): Transition {
  const live = actions.filter((a) => a !== 'cancelled');
  return to(state, live.some((a) => a === 'planned') ? 'in_action' : 'in_review');
}

export function transition(state: NcState, event: NcEvent): Transition {
  const { status } = state;
  if (status === 'closed') return refuse('nc_closed');
  switch (event.type) {
    // Containment and analysis may be rewritten until the next step is taken.
    case 'contain':
      return status === 'reported' || status === 'contained'
        ? to(state, 'contained')
        : refuse('nc_step_out_of_order');
    case 'analyse':
      return status === 'contained' || status === 'analysed'
        ? to(state, 'analysed')
        : refuse('nc_step_out_of_order');
    case 'evaluate':
      return status === 'analysed' || (status === 'evaluated' && state.actions.length === 0)
        ? to(state, 'evaluated')
        : refuse('nc_step_out_of_order');
    case 'add_action':
      if (status === 'evaluated' && state.actionNeeded === false) {
        return refuse('nc_action_not_needed');
      }
      return status === 'evaluated' || status === 'in_action' || status === 'in_review'
        ? to(state, 'in_action')
        : refuse('nc_step_out_of_order');
    case 'implement': {
      if (status !== 'in_action') return refuse('nc_step_out_of_order');
      const i = state.actions.indexOf('planned');
      if (i < 0) return refuse('nc_no_action_to_implement');
      const actions = [...state.actions];
      actions[i] = 'implemented';
      return afterActionsMoved(state, actions);
    }
    case 'review': {
      if (status !== 'in_action' && status !== 'in_review') return refuse('nc_step_out_of_order');
      const i = state.actions.indexOf('implemented');
      if (i < 0) return refuse('nc_no_action_to_review');
      // Not effective: the cause was not removed; analyse again in a new cycle.
      if (!event.effective) return to(state, 'contained', state.cycle + 1);
      const actions = [...state.actions];
      actions[i] = 'effective';
      return afterActionsMoved(state, actions);
    }
    case 'close':
      return canClose(state) ? to(state, 'closed') : refuse(closeRefusal(state));
  }
}

/**
 * Closed when the evaluation found no action needed, or when every action of
 * the cycle (at least one, cancelled ones aside) was reviewed effective.
 */
export function canClose(state: NcState): boolean {
  if (state.status === 'evaluated') return state.actionNeeded === false;
  if (state.status !== 'in_review') return false;
  const live = state.actions.filter((a) => a !== 'cancelled');
  return live.length > 0 && live.every((a) => a === 'effective');
}

function closeRefusal(state: NcState): WorkflowRefusal {
  return state.status === 'in_action' || state.status === 'in_review'
    ? 'nc_close_needs_effective_actions'
    : 'nc_step_out_of_order';
}

/** The effectiveness of an action is never judged by its owner (7.2.f). */
export const reviewerConflict = (reviewerId: string, actionOwnerId: string) =>
  reviewerId === actionOwnerId;

/** The date from which an implemented action may be reviewed. */
export function reviewDueOn(implementedOn: string, intervalDays: number): string {
  const d = new Date(`${implementedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + intervalDays);
  return d.toISOString().slice(0, 10);
}

/** NC-0001. */
export const nonconformityCode = (n: number) => `NC-${String(n).padStart(4, '0')}`;
