import { evidence, gap, judge, notMet, plural, tx, type Fault } from '../text.ts';
import type { Rule } from '../types.ts';
import {
  TRAINING,
  counted,
  courseEvidence,
  courseLink,
  failedLink,
  flag,
  linksOf,
  roleLink,
  sessionLink,
  uniqueLinks,
} from './people-links.ts';

/**
 * The training programme and its effectiveness (4.2.2.d, 5.2.2.c): an
 * awareness course for everyone and courses for the roles that need
 * training, actually delivered within twelve months; every course shows
 * whether it worked (a quiz or a supervisor's evaluation), sessions are
 * evaluated and failures are taken again.
 */

const coursesGap = () => gap(TRAINING, '教育コース', 'Training courses');

/** 4.2.2.d: an awareness programme for all staff and role courses, delivered in the last year. */
const programmeRule: Rule = (s) => {
  const t = s.people.training;
  const roles = s.people.roles;
  const d = t.delivered;
  const data = {
    awarenessCourses: t.awareness.count,
    roleCourses: t.roleCourses,
    sessionsHeldLast12Months: d.sessions,
    attendancesLast12Months: d.attendances,
    quizAttemptsLast12Months: d.attempts,
    coursesNotDelivered: t.undelivered.count,
    rolesWithoutActiveCourse: roles.trainingWithoutCourse.count,
  };
  if (t.awareness.count === 0 && t.roleCourses === 0) {
    return notMet(
      tx(
        '意識向上教育も役割ごとの教育コースもありません。',
        'There is neither an awareness course nor a course for ISMS roles.',
      ),
      [coursesGap()],
      data,
    );
  }
  const base = tx(
    `全員向けの意識向上教育が${t.awareness.count}件、役割の教育が${t.roleCourses}件あります。直近12か月に${d.sessions}回の実施、${d.attendances}件の受講、${d.attempts}件の確認テストの記録があります。`,
    `${plural(t.awareness.count, 'awareness course is', 'awareness courses are')} set for everyone and ${plural(t.roleCourses, 'course serves', 'courses serve')} ISMS roles. The last 12 months record ${plural(d.sessions, 'session held', 'sessions held')}, ${plural(d.attendances, 'attendance', 'attendances')} and ${plural(d.attempts, 'quiz attempt', 'quiz attempts')}.`,
  );
  const faults: Fault[] = [
    flag(
      t.awareness.count === 0,
      tx(
        '全員が受ける意識向上教育のコースがありません。',
        'No awareness course is set for everyone.',
      ),
    ),
    counted(roles.trainingWithoutCourse, (n) =>
      tx(
        `教育を必要とする${n}件の役割に、有効な教育コースがありません。`,
        `${plural(n, 'role that requires', 'roles that require')} training ${n === 1 ? 'has' : 'have'} no active course.`,
      ),
    ),
    counted(t.undelivered, (n) =>
      tx(
        `${n}件のコースが直近12か月に実施も受講もされていません。`,
        `${plural(n, 'course was', 'courses were')} neither held nor taken in the last 12 months.`,
      ),
    ),
  ];
  const links = uniqueLinks([
    ...(t.awareness.count === 0 ? [coursesGap()] : t.awareness.refs.map(courseEvidence)),
    ...linksOf(roles.trainingWithoutCourse, roleLink),
    ...linksOf(t.undelivered, courseLink),
  ]);
  return judge(base, faults, links, data);
};

/** 5.2.2.c: training shows whether it worked, and failures are followed by a retake. */
const effectivenessRule: Rule = (s) => {
  const t = s.people.training;
  const data = {
    activeCourses: t.courses,
    coursesWithoutEvaluation: t.withoutEvaluation.count,
    quizCoursesWithoutQuestions: t.quizWithoutQuestions.count,
    evaluationResults: t.evaluationResults,
    sessionsToEvaluate: t.sessionsToEvaluate.count,
    failedNotRetaken: t.failed.count,
  };
  if (t.courses === 0) {
    return notMet(
      tx(
        '教育コースがなく、教育の有効性を評価できません。',
        'No training course exists, so its effectiveness cannot be evaluated.',
      ),
      [coursesGap()],
      data,
    );
  }
  const evaluated = t.courses - t.withoutEvaluation.count;
  const base = tx(
    `有効なコース${t.courses}件のうち${evaluated}件が確認テスト又は上長の評価で有効性を確かめています。合格・評価の記録は${t.evaluationResults}件です。`,
    `${evaluated} of ${plural(t.courses, 'active course', 'active courses')} check effectiveness by a quiz or a supervisor's evaluation; ${plural(t.evaluationResults, 'pass or evaluation is', 'passes and evaluations are')} recorded.`,
  );
  const faults: Fault[] = [
    counted(t.withoutEvaluation, (n) =>
      tx(
        `${n}件のコースに有効性の評価方法がありません。`,
        `${plural(n, 'course evaluates', 'courses evaluate')} no effectiveness.`,
      ),
    ),
    counted(t.quizWithoutQuestions, (n) =>
      tx(
        `確認テストで評価する${n}件のコースに設問がありません。`,
        `${plural(n, 'course evaluated', 'courses evaluated')} by a quiz ${n === 1 ? 'has' : 'have'} no questions.`,
      ),
    ),
    flag(
      t.evaluationResults === 0,
      tx(
        '確認テストの合格も上長の評価もまだ記録されていません。',
        'No quiz was passed and no supervisor evaluated any training yet.',
      ),
    ),
    counted(t.sessionsToEvaluate, (n) =>
      tx(
        `実施済みの${n}回で、受講者の評価が終わっていません。`,
        `${plural(n, 'held session has', 'held sessions have')} attendees not evaluated yet.`,
      ),
    ),
    counted(t.failed, (n) =>
      tx(
        `不合格又は効果なしと評価された${n}件が、その後修了していません。`,
        `${plural(n, 'failed or ineffective training has', 'failed or ineffective trainings have')} not been completed since.`,
      ),
    ),
  ];
  const links = uniqueLinks([
    evidence(TRAINING, '教育・訓練', 'Training'),
    ...linksOf(t.withoutEvaluation, courseLink),
    ...linksOf(t.quizWithoutQuestions, courseLink),
    ...linksOf(t.sessionsToEvaluate, sessionLink),
    ...linksOf(t.failed, failedLink),
  ]);
  return judge(base, faults, links, data);
};

export const TRAINING_RULES: Record<string, Rule> = {
  '4.2.2.d': programmeRule,
  '5.2.2.c': effectivenessRule,
};
