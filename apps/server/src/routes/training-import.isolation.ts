import { schema, type Executor } from '@mamoru/db';
import { multipartBody } from '../testing/files.ts';

/**
 * The attendance import's and training reports' lines of
 * tenant-isolation.test.ts: B's course and held session, and the probe of the
 * one route that takes an id (a dry run, so the control changes nothing).
 */
export interface TrainingImportOfB {
  courseId: string;
  sessionId: string;
  /** Strings of B that must not appear in A's lists and reports. */
  values: string[];
}

export async function createTrainingImportOfB(
  db: Executor,
  organizationId: string,
): Promise<TrainingImportOfB> {
  const [course] = await db
    .insert(schema.trainingCourses)
    .values({
      organizationId,
      number: 901,
      title: 'Training course of B',
      kind: 'awareness',
      audienceAll: true,
    })
    .returning();
  const [session] = await db
    .insert(schema.trainingSessions)
    .values({
      organizationId,
      courseId: course!.id,
      number: 901,
      heldOn: '2030-01-15',
      status: 'planned',
      location: 'Room of B',
    })
    .returning();
  return {
    courseId: course!.id,
    sessionId: session!.id,
    values: [course!.id, 'Training course of B', session!.id, 'Room of B'],
  };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'managerB'; status: number };
}

// One body for A's probe and B's control: a header and no rows.
const file = multipartBody(Buffer.from('email\r\n'), 'attendance.csv');

export function trainingImportProbes<
  B extends { trainingImport: TrainingImportOfB },
>(): Probe<B>[] {
  return [
    {
      route: 'POST /api/v1/training-sessions/:id/attendance/import',
      url: (b) =>
        `/api/v1/training-sessions/${b.trainingImport.sessionId}/attendance/import?dryRun=true`,
      body: () => file.body,
      headers: () => ({ 'content-type': file.contentType }),
      control: { as: 'managerB', status: 200 },
    },
  ];
}

/** Lists that must never show B's rows to A (the report is checked in its own test). */
export const TRAINING_REPORT_LISTS = [
  '/api/v1/training-dashboard',
  '/api/v1/training-completions?limit=200',
];
