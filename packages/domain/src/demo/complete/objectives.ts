import type { Db } from '@mamoru/db';
import { addMeasurement } from '../../objectives/measurements.ts';
import { createObjective, listObjectives } from '../../objectives/service.ts';
import type { DemoCast } from './cast.ts';

const monthsAgo = (n: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};

/**
 * The president sets an objective with its plan when the demo has none, and it
 * is measured every month of the past year, on track to its target.
 */
export async function completeObjectives(db: Db, cast: DemoCast, today: string) {
  const existing = await listObjectives(db, cast.president, { limit: 10 });
  if (existing.items.length > 0) return;
  const objective = await createObjective(db, cast.president, {
    title: '標的型メール訓練の開封率を下げる',
    description: '',
    ownerId: cast.manager.actor.userId,
    metric: '訓練メールの開封率',
    measureUnit: '%',
    direction: 'lower_is_better',
    baseline: 30,
    target: 5,
    startDate: monthsAgo(12),
    dueDate: `${Number(today.slice(0, 4)) + 1}-03-31`,
    plan: '毎月の訓練と、開封した人への個別の振り返り',
    frequency: 'monthly',
    controlIds: [],
  });
  for (let m = 11; m >= 0; m--) {
    await addMeasurement(db, cast.manager, objective.id, {
      measuredOn: m === 0 ? today : monthsAgo(m),
      value: Math.max(5, 30 - (11 - m) * 2.2),
      note: '',
    });
  }
}
