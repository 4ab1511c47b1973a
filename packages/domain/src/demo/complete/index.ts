import type { Db } from '@mamoru/db';
import { completeAudits } from './audits.ts';
import { demoCast } from './cast.ts';
import { completeDocuments } from './documents.ts';
import { completeImprovement } from './improvement.ts';
import { completeObjectives } from './objectives.ts';
import { completeOperations } from './operations.ts';
import { completePeople } from './people.ts';
import { completePlan } from './plan.ts';

/**
 * `mamoru demo --complete`: the sample company ready for its certification
 * audit. Continues the demo through the same services a person uses, so
 * every requirement item of the criteria can be shown met by its rule.
 */
export async function completeDemo(db: Db, today = new Date().toISOString().slice(0, 10)) {
  const cast = await demoCast(db);
  await completePlan(db, cast, today);
  await completeDocuments(db, cast);
  await completeAudits(db, cast);
  await completePeople(db, cast);
  await completeImprovement(db, cast, today);
  await completeOperations(db, cast, today);
  await completeObjectives(db, cast, today);
}
