import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  AttendanceImportReport,
  CompletionRow,
  CompletionStatus,
  CourseKind,
  MyRole,
  MyTraining,
  QuizAttempt,
  QuizSubmit,
  QuizToTake,
  QuizUpdate,
  RoleAssignment,
  SessionAttendanceRecord,
  SessionStatus,
  TrainingAttendance,
  TrainingCourse,
  TrainingCourseCreate,
  TrainingCourseUpdate,
  TrainingDashboard,
  TrainingSession,
  TrainingSessionCreate,
  TrainingSessionUpdate,
} from '@mamoru/contracts';
import { currentLocale } from '../i18n';
import { api, ApiError, asProblem, isJson } from './client';
import { ifMatch, queryString, type ListPage } from './types';

export type {
  AttendanceImportReport,
  CompletionRow,
  CompletionStatus,
  CourseKind,
  MyRole,
  MyTraining,
  QuizAttempt,
  QuizToTake,
  QuizUpdate,
  SessionStatus,
  TrainingAttendance,
  TrainingCourse,
  TrainingDashboard,
  TrainingSession,
};
export type Quiz = { questions: QuizUpdate['questions']; version: number };

const V1 = '/api/v1';
/** Every training query sits under this key, so one write refreshes what it changes. */
export const trainingKey = ['training'] as const;
const myRolesKey = ['my-roles'] as const;

function useTrainingWrite<I, R>(call: (input: I) => Promise<R>, also: readonly unknown[][] = []) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: trainingKey });
      for (const key of also) await client.invalidateQueries({ queryKey: key });
    },
  });
}

// ---- dashboard, completions, report -----------------------------------------------------

export function useTrainingDashboard(filter: { courseId?: string | null; kind?: string | null }) {
  const params = { courseId: filter.courseId, kind: filter.kind };
  return useQuery({
    queryKey: [...trainingKey, 'dashboard', params],
    queryFn: ({ signal }) =>
      api.get<TrainingDashboard>(`${V1}/training-dashboard${queryString(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export interface CompletionFilter {
  courseId: string | null;
  unitId: string | null;
  status: CompletionStatus | null;
  /** One person's courses (their profile), those taken unasked too. */
  userId?: string | null;
}

export function useCompletions(filter: CompletionFilter) {
  return useInfiniteQuery({
    queryKey: [...trainingKey, 'completions', filter],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<CompletionRow>>(
        `${V1}/training-completions${queryString({ ...filter, limit: 100, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export const trainingReportUrl = (
  format: 'xlsx' | 'pdf',
  locale: 'ja' | 'en',
  filter: { courseId?: string | null; unitId?: string | null } = {},
) => `${V1}/training-report${queryString({ format, locale, ...filter })}`;

// ---- courses and quiz -------------------------------------------------------------------

export function useCourses(filter: { kind?: CourseKind | null; active?: string; q?: string }) {
  const params = { kind: filter.kind, active: filter.active ?? 'true', q: filter.q };
  return useInfiniteQuery({
    queryKey: [...trainingKey, 'courses', params],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<TrainingCourse>>(
        `${V1}/training-courses${queryString({ ...params, limit: 100, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCourse(id: string) {
  return useQuery({
    queryKey: [...trainingKey, 'course', id],
    queryFn: ({ signal }) => api.get<TrainingCourse>(`${V1}/training-courses/${id}`, { signal }),
  });
}

export const useCreateCourse = () =>
  useTrainingWrite((body: TrainingCourseCreate) =>
    api.post<TrainingCourse>(`${V1}/training-courses`, body),
  );

export const useUpdateCourse = () =>
  useTrainingWrite(({ course, body }: { course: TrainingCourse; body: TrainingCourseUpdate }) =>
    api.patch<TrainingCourse>(`${V1}/training-courses/${course.id}`, body, {
      headers: ifMatch(course.version),
    }),
  );

export function useQuiz(courseId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...trainingKey, 'quiz', courseId],
    queryFn: ({ signal }) => api.get<Quiz>(`${V1}/training-courses/${courseId}/quiz`, { signal }),
    enabled,
  });
}

/** Replaces the whole quiz under the course's version (the save bumps it). */
export const useSaveQuiz = () =>
  useTrainingWrite(({ course, body }: { course: TrainingCourse; body: QuizUpdate }) =>
    api.put<Quiz>(`${V1}/training-courses/${course.id}/quiz`, body, {
      headers: ifMatch(course.version),
    }),
  );

export function useQuizToTake(courseId: string) {
  return useQuery({
    queryKey: [...trainingKey, 'take', courseId],
    queryFn: ({ signal }) =>
      api.get<QuizToTake>(`${V1}/training-courses/${courseId}/quiz/take`, { signal }),
    // A fresh copy for every attempt: the course may have changed since.
    staleTime: 0,
  });
}

export const useSubmitQuiz = (courseId: string) =>
  useTrainingWrite((body: QuizSubmit) =>
    api.post<QuizAttempt>(`${V1}/training-courses/${courseId}/quiz/attempts`, body),
  );

// ---- sessions and attendance ------------------------------------------------------------

export function useSessions(filter: { courseId?: string | null; status?: SessionStatus | null }) {
  const params = { courseId: filter.courseId, status: filter.status };
  return useInfiniteQuery({
    queryKey: [...trainingKey, 'sessions', params],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<TrainingSession>>(
        `${V1}/training-sessions${queryString({ ...params, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useTrainingSession(id: string) {
  return useQuery({
    queryKey: [...trainingKey, 'session', id],
    queryFn: ({ signal }) => api.get<TrainingSession>(`${V1}/training-sessions/${id}`, { signal }),
  });
}

export const useCreateSession = () =>
  useTrainingWrite((body: TrainingSessionCreate) =>
    api.post<TrainingSession>(`${V1}/training-sessions`, body),
  );

export const useUpdateSession = () =>
  useTrainingWrite(({ session, body }: { session: TrainingSession; body: TrainingSessionUpdate }) =>
    api.patch<TrainingSession>(`${V1}/training-sessions/${session.id}`, body, {
      headers: ifMatch(session.version),
    }),
  );

export function useSessionAttendance(sessionId: string) {
  return useQuery({
    queryKey: [...trainingKey, 'attendance', sessionId],
    queryFn: async ({ signal }) =>
      (
        await api.get<{ items: TrainingAttendance[] }>(
          `${V1}/training-sessions/${sessionId}/attendance`,
          { signal },
        )
      ).items,
  });
}

export const useRecordAttendance = (sessionId: string) =>
  useTrainingWrite((body: SessionAttendanceRecord) =>
    api.post<{ items: TrainingAttendance[] }>(
      `${V1}/training-sessions/${sessionId}/attendance`,
      body,
    ),
  );

export const useEvaluate = () =>
  useTrainingWrite(
    ({
      attendance,
      body,
    }: {
      attendance: TrainingAttendance;
      body: { result: 'effective' | 'not_effective'; evaluatedOn?: string; note: string };
    }) =>
      api.post<TrainingAttendance>(`${V1}/training-attendance/${attendance.id}/evaluation`, body, {
        headers: ifMatch(attendance.version),
      }),
  );

export const useRemoveAttendance = () =>
  useTrainingWrite((attendance: TrainingAttendance) =>
    api.delete(`${V1}/training-attendance/${attendance.id}`, {
      headers: ifMatch(attendance.version),
    }),
  );

export const useSelfAttendance = () =>
  useTrainingWrite((body: { courseId: string; attendedOn: string; note: string }) =>
    api.post<TrainingAttendance>(`${V1}/training-attendance/self`, body),
  );

export const attendanceTemplateUrl = (format: 'csv' | 'xlsx', locale: 'ja' | 'en') =>
  `${V1}/training-sessions/attendance-template${queryString({ format, locale })}`;

/** Sends one CSV or XLSX file as multipart; a dry run only reports what would be written. */
export async function sendAttendanceImport(
  sessionId: string,
  file: File,
  dryRun: boolean,
  csrfToken: string | undefined,
): Promise<AttendanceImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(
    `${V1}/training-sessions/${sessionId}/attendance/import${queryString({ dryRun: String(dryRun) })}`,
    {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Accept-Language': currentLocale(),
        ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
      },
      body: form,
    },
  );
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (!response.ok) {
    const problem = isJson(response) ? asProblem(body) : undefined;
    throw new ApiError({
      status: response.status,
      title: problem?.title ?? `HTTP ${response.status}`,
      problem,
    });
  }
  return body as AttendanceImportReport;
}

// ---- My training ------------------------------------------------------------------------

export function useMyTraining() {
  return useQuery({
    queryKey: [...trainingKey, 'my'],
    queryFn: ({ signal }) => api.get<MyTraining>(`${V1}/my-training`, { signal }),
  });
}

export function useMyRoles() {
  return useQuery({
    queryKey: myRolesKey,
    queryFn: async ({ signal }) =>
      (await api.get<{ items: MyRole[] }>(`${V1}/my-roles`, { signal })).items,
  });
}

export function useAcknowledgeRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (assignment: RoleAssignment) =>
      api.post<RoleAssignment>(`${V1}/isms-role-assignments/${assignment.id}/acknowledge`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: myRolesKey }),
  });
}
