import type { QuizSubmit, QuizToTake, QuizUpdate } from '@mamoru/contracts';
import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/training-courses';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, notFound, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { authorizeRegister } from '../people/access.ts';
import { COURSE_ENTITY } from './access.ts';
import { presentAttempt } from './presenters.ts';
import { answerErrors, scoreQuiz } from './quiz-scoring.ts';

/**
 * A course's quiz (5.2.2.c): authored whole by the training manager (ja/en,
 * replaced at once under the course's version), taken by staff without the
 * correct flags, every attempt kept (a failed attempt stays as evidence; a
 * retake adds a row).
 */

export const ATTEMPT_ENTITY = 'training_quiz_attempt';

const toQuiz = (rows: repo.QuestionRow[]) =>
  rows.map((r) => ({ question: r.question, questionEn: r.questionEn, choices: r.choices }));

export async function getQuiz(db: Db, ctx: RequestContext, courseId: string) {
  authorizeRegister(ctx, 'training:manage');
  const org = ctx.actor.organizationId;
  const course = await repo.getCourseRow(db, org, courseId);
  if (!course) throw notFound(COURSE_ENTITY);
  return {
    questions: toQuiz(await repo.quizQuestions(db, org, courseId)),
    version: course.version,
  };
}

/** Replaces every question; the course's version goes up (If-Match is on the course). */
export async function replaceQuiz(
  db: Db,
  ctx: RequestContext,
  courseId: string,
  expectedVersion: number,
  input: QuizUpdate,
) {
  authorizeRegister(ctx, 'training:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const course = await repo.getCourseRow(tx, org, courseId, true);
    if (!course) throw notFound(COURSE_ENTITY);
    if (course.version !== expectedVersion) throw staleVersion();
    const before = toQuiz(await repo.quizQuestions(tx, org, courseId));
    const after = toQuiz(await repo.replaceQuiz(tx, org, courseId, input.questions));
    const bumped = await repo.updateCourse(tx, org, courseId, expectedVersion, {});
    if (!bumped) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'training_course.quiz_updated',
        entityType: COURSE_ENTITY,
        entityId: courseId,
        before: { questions: before },
        after: { questions: after },
      },
    ]);
    return { questions: after, version: bumped.version };
  });
}

/** An active course with questions, or 404 / 422 `courseId`. */
async function takeable(db: Executor, org: string, courseId: string) {
  const course = await repo.getCourseRow(db, org, courseId);
  if (!course) throw notFound(COURSE_ENTITY);
  if (!course.active) throw invalid([{ field: 'courseId', code: 'training_course_inactive' }]);
  const questions = await repo.quizQuestions(db, org, courseId);
  if (questions.length === 0) throw invalid([{ field: 'courseId', code: 'training_quiz_missing' }]);
  return { course, questions };
}

/** The quiz as the taker sees it: no correct flags, only whether to pick several. */
export async function quizToTake(
  db: Db,
  ctx: RequestContext,
  courseId: string,
): Promise<QuizToTake> {
  authorize(ctx.actor, 'training:take');
  const { course, questions } = await takeable(db, ctx.actor.organizationId, courseId);
  return {
    course: {
      id: course.id,
      code: repo.courseCode(course.number),
      title: course.title,
      titleEn: course.titleEn,
    },
    passMark: course.passMark,
    questions: questions.map((q) => ({
      question: q.question,
      questionEn: q.questionEn,
      choices: q.choices.map((c) => ({ text: c.text, textEn: c.textEn })),
      multiple: q.choices.filter((c) => c.correct).length > 1,
    })),
  };
}

/** Scores and keeps the caller's attempt (the pass mark of the moment is kept with it). */
export async function submitAttempt(
  db: Db,
  ctx: RequestContext,
  courseId: string,
  input: QuizSubmit,
) {
  authorize(ctx.actor, 'training:take');
  const org = ctx.actor.organizationId;
  const userId = ctx.actor.userId;
  if (!userId) throw invalid([{ field: 'answers', code: 'training_take_user_only' }]);
  return db.transaction(async (tx) => {
    const { course, questions } = await takeable(tx, org, courseId);
    const errors = answerErrors(questions, input.answers);
    if (errors.length > 0) throw invalid(errors);
    const result = scoreQuiz(questions, input.answers, course.passMark);
    const row = await repo.insertAttempt(tx, {
      organizationId: org,
      courseId,
      userId,
      answers: input.answers,
      questionCount: result.questionCount,
      correctCount: result.correctCount,
      score: result.score,
      passMark: course.passMark,
      passed: result.passed,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'training_quiz_attempt.submitted',
        entityType: ATTEMPT_ENTITY,
        entityId: row.id,
        after: { courseId, userId, score: row.score, passMark: row.passMark, passed: row.passed },
      },
    ]);
    return presentAttempt({ ...row, userName: ctx.actor.displayName }, result.correct);
  });
}
