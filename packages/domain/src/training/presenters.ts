import type {
  QuizAttempt,
  TrainingAttendance,
  TrainingCourse,
  TrainingSession,
} from '@mamoru/contracts';
import type { Executor } from '@mamoru/db';
import {
  courseCode,
  trainingRefs,
  type AttemptView,
  type CourseView,
  type TrainingRefs,
} from '@mamoru/db/repositories/training-courses';
import type { AttendanceView } from '@mamoru/db/repositories/training-attendance';
import { sessionCode, type SessionView } from '@mamoru/db/repositories/training-sessions';

/** Contract shapes of the training area's rows; names looked up in batches by the callers. */

const iso = (d: Date | string) => new Date(d).toISOString();

/** Units, roles and documents named by the rows, in at most three queries. */
export function refsOfRows(
  db: Executor,
  org: string,
  rows: {
    audienceUnitIds: string[];
    audienceRoleIds: string[];
    materialDocumentIds: string[];
  }[],
) {
  return trainingRefs(db, org, {
    unitIds: rows.flatMap((r) => r.audienceUnitIds),
    roleIds: rows.flatMap((r) => r.audienceRoleIds),
    documentIds: rows.flatMap((r) => r.materialDocumentIds),
  });
}

function pick<T>(map: Map<string, T>, ids: string[]): T[] {
  return ids.flatMap((id) => {
    const found = map.get(id);
    return found ? [found] : [];
  });
}

export function presentCourse(
  r: CourseView,
  refs: TrainingRefs,
  counts: { audience: number; completed: number } | undefined,
): TrainingCourse {
  return {
    id: r.id,
    number: r.number,
    code: courseCode(r.number),
    title: r.title,
    titleEn: r.titleEn,
    description: r.description,
    descriptionEn: r.descriptionEn,
    kind: r.kind as TrainingCourse['kind'],
    delivery: r.delivery as TrainingCourse['delivery'],
    evaluation: r.evaluation as TrainingCourse['evaluation'],
    passMark: r.passMark,
    intervalMonths: r.intervalMonths,
    audienceAll: r.audienceAll,
    audienceUnits: pick(refs.units, r.audienceUnitIds),
    audienceRoles: pick(refs.roles, r.audienceRoleIds),
    materials: pick(refs.documents, r.materialDocumentIds),
    questionCount: Number(r.questionCount),
    active: r.active,
    audienceCount: counts?.audience ?? 0,
    completedCount: counts?.completed ?? 0,
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export function presentSession(
  r: SessionView,
  refs: TrainingRefs,
  recordable: boolean,
): TrainingSession {
  return {
    id: r.id,
    number: r.number,
    code: sessionCode(r.number),
    course: {
      id: r.courseId,
      code: courseCode(r.courseNumber),
      title: r.courseTitle,
      evaluation: r.courseEvaluation as TrainingSession['course']['evaluation'],
    },
    heldOn: r.heldOn,
    location: r.location,
    trainer: r.trainerUserId ? { id: r.trainerUserId, name: r.trainerUserName ?? '' } : null,
    trainerName: r.trainerName,
    materials: pick(refs.documents, r.materialDocumentIds),
    audienceUnits: pick(refs.units, r.audienceUnitIds),
    audienceRoles: pick(refs.roles, r.audienceRoleIds),
    status: r.status as TrainingSession['status'],
    note: r.note,
    attendedCount: Number(r.attendedCount),
    unevaluatedCount: Number(r.unevaluatedCount),
    recordable,
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export function presentAttendance(v: AttendanceView): TrainingAttendance {
  const r = v.row;
  return {
    id: r.id,
    course: { id: r.courseId, code: courseCode(v.courseNumber), title: v.courseTitle },
    sessionId: r.sessionId,
    sessionCode: v.sessionNumber === null ? null : sessionCode(v.sessionNumber),
    user: { id: r.userId, name: v.userName },
    attendedOn: r.attendedOn,
    status: r.status as TrainingAttendance['status'],
    source: r.source as TrainingAttendance['source'],
    recordedBy: r.recordedBy ? { id: r.recordedBy, name: v.recordedByName ?? '' } : null,
    note: r.note,
    evaluationResult: r.evaluationResult as TrainingAttendance['evaluationResult'],
    evaluatedBy: r.evaluatedBy ? { id: r.evaluatedBy, name: v.evaluatedByName ?? '' } : null,
    evaluatedOn: r.evaluatedOn,
    evaluationNote: r.evaluationNote,
    version: r.version,
  };
}

/** `correct` is known only right after submitting (the quiz may change later). */
export function presentAttempt(r: AttemptView, correct: boolean[] = []): QuizAttempt {
  return {
    id: r.id,
    courseId: r.courseId,
    user: { id: r.userId, name: r.userName },
    questionCount: r.questionCount,
    correctCount: r.correctCount,
    score: r.score,
    passMark: r.passMark,
    passed: r.passed,
    submittedAt: iso(r.submittedAt),
    correct,
  };
}
