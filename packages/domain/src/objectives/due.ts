import type { ConformityDue } from '@mamoru/contracts';
import type { ObjectiveFacts } from '@mamoru/db/repositories/conformity';

/**
 * The dashboard's objective lines: measurements due within a week or overdue
 * by the objective's frequency, and objectives due within 30 days or past due
 * with no decision recorded. Read from the conformity facts, no extra query.
 */
export function objectiveDue(s: { objectives: ObjectiveFacts }): ConformityDue[] {
  const o = s.objectives;
  return [
    {
      kind: 'objective_measurement',
      count: o.measurementOverdue.count + o.measurementDueSoon,
      overdue: o.measurementOverdue.count,
      href: '/objectives?status=active',
    },
    {
      kind: 'objective',
      count: o.pastDue.count + o.dueSoon,
      overdue: o.pastDue.count,
      href: '/objectives?status=active',
    },
  ];
}
