import type { ObjectiveFacts } from '@mamoru/db/repositories/conformity';

const none = () => ({ count: 0, refs: [] });

/** The objective facts of an organization that has set no objective. */
export function emptyObjectives(): ObjectiveFacts {
  return {
    total: 0,
    active: 0,
    withoutOwner: none(),
    withoutPlan: none(),
    measurementOverdue: none(),
    measurementDueSoon: 0,
    pastDue: none(),
    dueSoon: 0,
    byTopManagement: 0,
    measurements12m: 0,
  };
}
