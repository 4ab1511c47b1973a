import { sql } from 'drizzle-orm';
import type { Db } from '@mamoru/db';
import { training, type RequestContext } from '@mamoru/domain';
import { analyze } from './database.ts';
import { seconds, type Results } from './measure.ts';

/**
 * The training dashboard over a company of 5,000 people and 6 courses: one
 * awareness course for everyone (a yearly quiz), the rest for a unit each or
 * by evaluation kind. People, attendance and attempts are written in bulk SQL
 * (the services are measured elsewhere); the dashboard is timed through the
 * domain, as the route calls it.
 */
export const TRAINING_PEOPLE = 5000;
export const TRAINING_COURSES = 6;

async function seedTraining(db: Db, org: string, unitIds: readonly string[]) {
  const units = sql.param([...unitIds]);
  await db.execute(sql`
    insert into users (organization_id, email, display_name, password_hash, roles, org_unit_id)
    select ${org}, 'bench-training-' || ${org}::text || '-' || g || '@example.com',
      'Person ' || g, 'x', array['staff'],
      (${units}::uuid[])[1 + g % greatest(cardinality(${units}::uuid[]), 1)]
    from generate_series(1, ${TRAINING_PEOPLE}) g`);
  await db.execute(sql`
    insert into training_courses (organization_id, number, title, kind, evaluation,
      interval_months, audience_all, audience_unit_ids)
    select ${org}, 900 + g, 'Bench course ' || g,
      case when g = 1 then 'awareness' else 'role' end,
      case when g in (1, 2) then 'quiz' when g = 3 then 'supervisor' else 'none' end,
      case when g = 1 then 12 end, g = 1,
      case when g = 1 then '{}'::uuid[]
        else array[(${units}::uuid[])[1 + g % greatest(cardinality(${units}::uuid[]), 1)]] end
    from generate_series(1, ${TRAINING_COURSES}) g`);
  // Four in five people attended each course a year to a month ago; quiz takers passed
  // on their second try, one in ten failed only; supervisors judged half.
  await db.execute(sql`
    insert into training_attendance (organization_id, course_id, user_id, attended_on, status,
      source, evaluation_result, evaluated_on)
    select ${org}, c.id, u.id, current_date - (30 + (hashtext(u.id::text) & 1023) % 330),
      'attended', 'self',
      case when c.evaluation = 'supervisor' and hashtext(u.id::text) % 2 = 0 then 'effective' end,
      case when c.evaluation = 'supervisor' and hashtext(u.id::text) % 2 = 0 then current_date end
    from training_courses c join users u on u.organization_id = c.organization_id
    where c.organization_id = ${org} and c.number > 900 and u.email like 'bench-training-%'
      and (hashtext(u.id::text || c.id::text) & 1023) % 5 <> 0`);
  await db.execute(sql`
    insert into training_quiz_attempts (organization_id, course_id, user_id, answers,
      question_count, correct_count, score, pass_mark, passed, submitted_at)
    select a.organization_id, a.course_id, a.user_id, '[]'::jsonb, 5, t.correct, t.correct * 20,
      80, t.correct >= 4, a.attended_on + t.n
    from training_attendance a join training_courses c on c.id = a.course_id
    cross join lateral (values (1, 2), (2, case when hashtext(a.user_id::text) % 10 = 0
      then 3 else 5 end)) as t(n, correct)
    where a.organization_id = ${org} and c.evaluation = 'quiz' and c.number > 900`);
}

export async function seedAndMeasureTraining(
  results: Results,
  db: Db,
  ctx: RequestContext,
  unitIds: readonly string[],
  runs: number,
) {
  const org = ctx.actor.organizationId;
  const seedTime = await seconds(() => seedTraining(db, org, unitIds));
  results.add(
    'seed.training',
    `seed: ${TRAINING_PEOPLE} people, ${TRAINING_COURSES} courses, attendance and quiz attempts (bulk SQL)`,
    's',
    [seedTime],
  );
  await analyze(db);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    times.push(await seconds(() => training.trainingDashboard(db, ctx, {})));
  }
  results.add(
    'training.dashboard',
    `training dashboard over ${TRAINING_PEOPLE} people × ${TRAINING_COURSES} courses`,
    's',
    times,
  );
}
