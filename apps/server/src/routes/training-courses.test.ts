import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MyTraining, QuizAttempt, TrainingCourse } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUser,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { createTrainingOfB } from './training-courses.isolation.ts';

const ifMatch = (v: number) => ({ headers: { 'if-match': `"${v}"` } });
const choices = (right: number, n = 3) =>
  Array.from({ length: n }, (_, i) => ({
    text: `選択肢${i + 1}`,
    textEn: `Choice ${i + 1}`,
    correct: i === right,
  }));
/** Five questions; the fifth has two correct choices (0 and 2). */
const QUIZ = {
  questions: [
    { question: '問1', questionEn: 'Q1', choices: choices(0) },
    { question: '問2', questionEn: 'Q2', choices: choices(1) },
    { question: '問3', questionEn: 'Q3', choices: choices(2) },
    { question: '問4', questionEn: 'Q4', choices: choices(0) },
    {
      question: '問5',
      questionEn: 'Q5',
      choices: [
        { text: 'a', correct: true },
        { text: 'b', correct: false },
        { text: 'c', correct: true },
      ],
    },
  ],
};
const RIGHT = [[0], [1], [2], [0], [0, 2]];

describeEachDatabase('training courses and quiz', (ctx) => {
  let app: App;
  let manager: Client; // admin + ISMS manager
  let staff: Client;
  let auditor: Client; // external auditor: reads, never writes
  let awareness: TrainingCourse;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    staff = await createUserAndLogin(manager, { roles: ['staff'], locale: 'ja' });
    auditor = await createUserAndLogin(manager, { roles: ['external_auditor'] });
    const { admin: adminB } = await addOrganization(app, { name: 'Organization B' });
    const otherOfB = await createUser(adminB, { roles: ['staff'] });
    await createTrainingOfB(adminB, otherOfB.user.id);
  });
  afterAll(() => app.close());

  it('creates an awareness course yearly for everyone by default, a role course without', async () => {
    const res = await manager.post('/api/v1/training-courses', {
      title: '情報セキュリティ基礎',
      titleEn: 'Security basics',
      kind: 'awareness',
      delivery: 'elearning',
      evaluation: 'quiz',
    });
    expect(res.statusCode, res.body).toBe(201);
    awareness = res.json<TrainingCourse>();
    expect(res.headers.etag).toBe('"1"');
    expect(awareness).toMatchObject({
      code: 'TC-0001',
      intervalMonths: 12,
      audienceAll: true,
      passMark: 80,
      questionCount: 0,
      active: true,
      version: 1,
    });
    // Everyone but the external auditor must take it; nobody has yet.
    expect(awareness.audienceCount).toBe(2);
    expect(awareness.completedCount).toBe(0);

    const role = await manager.post('/api/v1/training-courses', {
      title: 'Incident handling',
      kind: 'role',
      evaluation: 'supervisor',
    });
    expect(role.json()).toMatchObject({
      code: 'TC-0002',
      intervalMonths: null,
      audienceAll: false,
      audienceCount: 0,
    });
    const given = await manager.post('/api/v1/training-courses', {
      title: 'Opt-in awareness',
      kind: 'awareness',
      audienceAll: false,
      intervalMonths: null,
    });
    expect(given.json()).toMatchObject({ intervalMonths: null, audienceAll: false });
  });

  it('refuses references of nobody and edits under If-Match', async () => {
    const bad = await manager.post('/api/v1/training-courses', {
      title: 'x',
      kind: 'other',
      audienceUnitIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ field: 'audienceUnitIds.0', code: 'reference_not_found' }),
    ]);
    const url = `/api/v1/training-courses/${awareness.id}`;
    expect((await manager.patch(url, { passMark: 60 })).statusCode).toBe(428);
    expect((await manager.patch(url, { passMark: 60 }, ifMatch(7))).statusCode).toBe(412);
    const ok = await manager.patch(url, { passMark: 60 }, ifMatch(1));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ passMark: 60, version: 2 });
    const back = await manager.patch(url, { passMark: 80 }, ifMatch(2));
    awareness = back.json<TrainingCourse>();
    expect(awareness.version).toBe(3);
  });

  it('lets only training managers write; staff and auditors read', async () => {
    for (const who of [staff, auditor]) {
      expect(
        (await who.post('/api/v1/training-courses', { title: 'x', kind: 'other' })).statusCode,
      ).toBe(403);
      const url = `/api/v1/training-courses/${awareness.id}`;
      expect((await who.patch(url, { title: 'x' }, ifMatch(3))).statusCode).toBe(403);
      expect((await who.get(`${url}/quiz`)).statusCode).toBe(403);
    }
    const list = await staff.get('/api/v1/training-courses?kind=awareness');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: TrainingCourse) => c.code)).toEqual(['TC-0001', 'TC-0003']);
    // Under 'own' reach the counts cover only the reader.
    expect(list.json().items[0], list.body).toMatchObject({ audienceCount: 1 });
    const page1 = await auditor.get('/api/v1/training-courses?limit=1');
    expect(page1.json().items).toHaveLength(1);
    const page2 = await auditor.get(
      `/api/v1/training-courses?limit=5&cursor=${page1.json().nextCursor}`,
    );
    expect(page2.json().items.map((c: TrainingCourse) => c.code)).toEqual(['TC-0002', 'TC-0003']);
    const q = await auditor.get('/api/v1/training-courses?q=incident');
    expect(q.json().items.map((c: TrainingCourse) => c.code)).toEqual(['TC-0002']);
  });

  it('replaces the quiz whole under the course version and shows it to takers without answers', async () => {
    const url = `/api/v1/training-courses/${awareness.id}/quiz`;
    expect((await staff.get(`${url}/take`)).json().errors).toEqual([
      expect.objectContaining({ field: 'courseId', code: 'training_quiz_missing' }),
    ]);
    expect((await manager.get(url)).json()).toEqual({ questions: [], version: 3 });
    expect((await manager.put(url, QUIZ)).statusCode).toBe(428);
    const noCorrect = await manager.put(
      url,
      {
        questions: [
          {
            question: 'q',
            choices: [
              { text: 'a', correct: false },
              { text: 'b', correct: false },
            ],
          },
        ],
      },
      ifMatch(3),
    );
    expect(noCorrect.statusCode).toBe(400);
    expect(noCorrect.json().errors).toEqual([
      expect.objectContaining({ field: 'body.questions.0.choices' }),
    ]);
    const put = await manager.put(url, QUIZ, ifMatch(3));
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().version).toBe(4);
    expect(put.json().questions).toHaveLength(5);
    expect((await manager.put(url, QUIZ, ifMatch(3))).statusCode).toBe(412);
    const course = await manager.get(`/api/v1/training-courses/${awareness.id}`);
    expect(course.json()).toMatchObject({ questionCount: 5, version: 4 });

    const take = await staff.get(`${url}/take`);
    expect(take.statusCode).toBe(200);
    expect(take.body).not.toContain('correct');
    expect(take.json().passMark).toBe(80);
    expect(take.json().questions.map((q: { multiple: boolean }) => q.multiple)).toEqual([
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(take.json().questions[0].choices[1]).toEqual({ text: '選択肢2', textEn: 'Choice 2' });
  });

  it('scores attempts, keeps the failed one and lets the person retake', async () => {
    const url = `/api/v1/training-courses/${awareness.id}/quiz/attempts`;
    const short = await staff.post(url, { answers: [[0]] });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors).toEqual([
      expect.objectContaining({ field: 'answers', code: 'quiz_answers_count' }),
    ]);
    expect(short.json().errors[0].message).toContain('5');
    const outOfRange = await staff.post(url, { answers: [[0], [1], [2], [0], [7]] });
    expect(outOfRange.json().errors).toEqual([
      expect.objectContaining({ field: 'answers.4', code: 'quiz_choice_unknown' }),
    ]);
    // Three right of five (the last only half answered) = 60: fails a pass mark of 80.
    const failed = await staff.post(url, { answers: [[0], [1], [2], [1], [0]] });
    expect(failed.statusCode, failed.body).toBe(201);
    expect(failed.json<QuizAttempt>()).toMatchObject({
      score: 60,
      correctCount: 3,
      questionCount: 5,
      passMark: 80,
      passed: false,
      correct: [true, true, true, false, false],
    });
    let mine = (await staff.get('/api/v1/my-training')).json<MyTraining>();
    expect(mine.courses.find((c) => c.course.id === awareness.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastScore: 60,
    });
    const retake = await staff.post(url, { answers: RIGHT });
    expect(retake.json()).toMatchObject({ score: 100, passed: true });
    mine = (await staff.get('/api/v1/my-training')).json<MyTraining>();
    const today = new Date().toISOString().slice(0, 10);
    expect(mine.courses.find((c) => c.course.id === awareness.id)).toMatchObject({
      status: 'completed',
      attempts: 2,
      lastScore: 100,
      completedOn: today,
    });
    // Both attempts kept, newest first; per-question results only at submission.
    expect(mine.attempts.map((a) => [a.score, a.passed, a.correct])).toEqual([
      [100, true, []],
      [60, false, []],
    ]);
    const course = await manager.get(`/api/v1/training-courses/${awareness.id}`);
    expect(course.json()).toMatchObject({ completedCount: 1, audienceCount: 2 });
    // The external auditor takes no quizzes.
    expect((await auditor.post(url, { answers: RIGHT })).statusCode).toBe(403);
  });

  it('refuses a quiz of an inactive course', async () => {
    const res = await manager.patch(
      `/api/v1/training-courses/${awareness.id}`,
      { active: false },
      ifMatch(4),
    );
    expect(res.statusCode, res.body).toBe(200);
    const take = await staff.get(`/api/v1/training-courses/${awareness.id}/quiz/take`);
    expect(take.statusCode).toBe(422);
    expect(take.json().errors[0].code).toBe('training_course_inactive');
    const list = await staff.get('/api/v1/training-courses?active=false');
    expect(list.json().items.map((c: TrainingCourse) => c.id)).toEqual([awareness.id]);
  });
});
