import type { Db } from '@mamoru/db';
import type { RequestContext } from '../audit/trail.ts';
import { prepareInputs } from '../reviews/inputs.ts';
import { planReview } from '../reviews/reviews.ts';
import { minuteDemoReview } from './reviews-minutes.ts';

/**
 * The sample company's management reviews (6.1–6.3), through the area's own
 * services: last fiscal year's review, its inputs compiled from the demo's
 * registers, held, minuted with two decisions (one done, one open), approved by
 * the president and distributed; and the next review planned before the
 * interval runs out, so the calendar and the due line show it.
 */

const inDays = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export async function createDemoReviews(
  db: Db,
  people: { manager: RequestContext; president: RequestContext; itHead: RequestContext },
  run: number,
) {
  const suffix = run === 1 ? '' : `（${run}）`;
  const attendees = [
    { userId: people.president.actor.userId!, name: '', role: 'top_management' as const },
    { userId: people.manager.actor.userId!, name: '', role: 'isms_manager' as const },
    { userId: people.itHead.actor.userId!, name: '', role: 'other' as const },
  ];
  // About ten months ago: inside the twelve-month interval, in the previous fiscal year.
  const last = await planReview(db, people.manager, {
    title: `前年度マネジメントレビュー${suffix}`,
    plannedOn: inDays(-300),
    location: '本社 第1会議室',
    attendees,
  });
  const { review } = await prepareInputs(db, people.manager, last.id, last.version);
  await minuteDemoReview(db, people, review.id);
  await planReview(db, people.manager, {
    title: `今年度マネジメントレビュー${suffix}`,
    plannedOn: inDays(45),
    location: '本社 第1会議室',
    attendees,
  });
  return { reviews: 2 };
}
