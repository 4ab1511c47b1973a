import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';

/**
 * The training courses' and sessions' lines of tenant-isolation.test.ts: what
 * organization B keeps, and one probe per route that takes an id.
 */
export interface TrainingOfB {
  courseId: string;
  sessionId: string;
  attendanceId: string;
  /** The person of B whose attendance is recorded. */
  otherUserId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

/** A course with a quiz, a held session and another person's attendance, made by B's ISMS manager. */
export async function createTrainingOfB(
  managerB: Client,
  otherUserId: string,
): Promise<TrainingOfB> {
  const course = await managerB.post('/api/v1/training-courses', {
    title: 'Course of B',
    kind: 'role',
    evaluation: 'supervisor',
  });
  expect(course.statusCode, course.body).toBe(201);
  const courseId = course.json<{ id: string }>().id;
  const quiz = await managerB.put(
    `/api/v1/training-courses/${courseId}/quiz`,
    {
      questions: [
        {
          question: 'Question of B',
          choices: [
            { text: 'Yes', correct: true },
            { text: 'No', correct: false },
          ],
        },
      ],
    },
    { headers: { 'if-match': '"1"' } },
  );
  expect(quiz.statusCode, quiz.body).toBe(200);
  const session = await managerB.post('/api/v1/training-sessions', {
    courseId,
    heldOn: new Date().toISOString().slice(0, 10),
    trainerName: 'Trainer of B',
    status: 'held',
  });
  expect(session.statusCode, session.body).toBe(201);
  const sessionId = session.json<{ id: string }>().id;
  // The manager records another person of B (nobody evaluates their own training).
  const other = { id: otherUserId };
  const recorded = await managerB.post(`/api/v1/training-sessions/${sessionId}/attendance`, {
    entries: [{ userId: other.id, note: 'Attendance of B' }],
  });
  expect(recorded.statusCode, recorded.body).toBe(200);
  const attendanceId = recorded.json<{ items: { id: string }[] }>().items[0]!.id;
  return {
    courseId,
    sessionId,
    attendanceId,
    otherUserId: other.id,
    values: [courseId, 'Course of B', sessionId, 'Trainer of B', attendanceId, 'Attendance of B'],
  };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'managerB'; status: number };
}

/** Reads first, then the writes in the order their ETags follow. */
export function trainingProbes<B extends { training: TrainingOfB }>(): Probe<B>[] {
  const as = (status: number) => ({ as: 'managerB' as const, status });
  const ifMatch = (v: number) => () => ({ 'if-match': `"${v}"` });
  const course = (b: B) => `/api/v1/training-courses/${b.training.courseId}`;
  const session = (b: B) => `/api/v1/training-sessions/${b.training.sessionId}`;
  const attendance = (b: B) => `/api/v1/training-attendance/${b.training.attendanceId}`;
  const answer = {
    questions: [
      {
        question: 'Q',
        choices: [
          { text: 'A', correct: true },
          { text: 'B', correct: false },
        ],
      },
    ],
  };
  return [
    { route: 'GET /api/v1/training-courses/:id', url: course, control: as(200) },
    {
      route: 'GET /api/v1/training-courses/:id/quiz',
      url: (b) => `${course(b)}/quiz`,
      control: as(200),
    },
    {
      route: 'GET /api/v1/training-courses/:id/quiz/take',
      url: (b) => `${course(b)}/quiz/take`,
      control: as(200),
    },
    { route: 'GET /api/v1/training-sessions/:id', url: session, control: as(200) },
    {
      route: 'GET /api/v1/training-sessions/:id/attendance',
      url: (b) => `${session(b)}/attendance`,
      control: as(200),
    },
    {
      route: 'POST /api/v1/training-courses/:id/quiz/attempts',
      url: (b) => `${course(b)}/quiz/attempts`,
      body: () => ({ answers: [[0]] }),
      control: as(201),
    },
    {
      // The course is at version 2 after its quiz was written.
      route: 'PATCH /api/v1/training-courses/:id',
      url: course,
      body: () => ({ description: 'Changed across tenants' }),
      headers: ifMatch(2),
      control: as(200),
    },
    {
      route: 'PUT /api/v1/training-courses/:id/quiz',
      url: (b) => `${course(b)}/quiz`,
      body: () => answer,
      headers: ifMatch(3),
      control: as(200),
    },
    {
      route: 'PATCH /api/v1/training-sessions/:id',
      url: session,
      body: () => ({ location: 'Changed across tenants' }),
      headers: ifMatch(1),
      control: as(200),
    },
    {
      route: 'POST /api/v1/training-sessions/:id/attendance',
      url: (b) => `${session(b)}/attendance`,
      body: (b) => ({ entries: [{ userId: b.training.otherUserId, note: 'Changed' }] }),
      control: as(200),
    },
    {
      route: 'POST /api/v1/training-attendance/:id/evaluation',
      url: (b) => `${attendance(b)}/evaluation`,
      body: () => ({ result: 'effective' }),
      headers: ifMatch(2),
      control: as(200),
    },
    {
      route: 'DELETE /api/v1/training-attendance/:id',
      url: attendance,
      headers: ifMatch(3),
      control: as(204),
    },
  ];
}

/** Lists that must never show B's rows to A. */
export const TRAINING_LISTS = [
  '/api/v1/training-courses?active=all&limit=200',
  '/api/v1/training-sessions?limit=200',
  '/api/v1/training-attendance?limit=200',
  '/api/v1/my-training',
];
