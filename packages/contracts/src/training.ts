import { z } from 'zod';

/**
 * Training and awareness (4.2.2.d, 5.2.2.b–d, 5.1.d; annex 6.2.1): courses
 * with an optional quiz, sessions, attendance (trainer, manager, import,
 * self), quiz attempts and supervisors' evaluations, "My training", the
 * completion dashboard and the training records report.
 */

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};
const isoDate = z.iso.date();
const person = z.object({ id: z.uuid(), name: z.string() });
const docRef = z.object({ id: z.uuid(), code: z.string(), title: z.string() });

export const courseKindSchema = z.enum(['awareness', 'role', 'other']);
export type CourseKind = z.infer<typeof courseKindSchema>;
export const courseDeliverySchema = z.enum(['classroom', 'elearning', 'on_the_job']);
export type CourseDelivery = z.infer<typeof courseDeliverySchema>;
export const courseEvaluationSchema = z.enum(['quiz', 'supervisor', 'none']);
export type CourseEvaluation = z.infer<typeof courseEvaluationSchema>;

// ---- courses --------------------------------------------------------------------------

export const trainingCourseSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    /** TC-0001. */
    code: z.string(),
    title: z.string(),
    titleEn: z.string(),
    description: z.string(),
    descriptionEn: z.string(),
    kind: courseKindSchema,
    delivery: courseDeliverySchema,
    evaluation: courseEvaluationSchema,
    passMark: z.number().int(),
    intervalMonths: z.number().int().nullable(),
    audienceAll: z.boolean(),
    audienceUnits: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
    audienceRoles: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
    materials: z.array(docRef),
    questionCount: z.number().int(),
    active: z.boolean(),
    /** People the course applies to now, and how many of them have completed it (not overdue). */
    audienceCount: z.number().int(),
    completedCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'TrainingCourse' });
export type TrainingCourse = z.infer<typeof trainingCourseSchema>;

const courseFields = {
  title: z.string().trim().min(1).max(300),
  titleEn: z.string().trim().max(300).default(''),
  description: z.string().max(20_000).default(''),
  descriptionEn: z.string().max(20_000).default(''),
  kind: courseKindSchema,
  delivery: courseDeliverySchema.default('classroom'),
  evaluation: courseEvaluationSchema.default('none'),
  passMark: z.number().int().min(1).max(100).default(80),
  /** Awareness courses default to 12 when omitted. */
  intervalMonths: z.number().int().min(1).max(120).nullable().optional(),
  audienceAll: z.boolean().default(false),
  audienceUnitIds: z.array(z.uuid()).max(200).default([]),
  audienceRoleIds: z.array(z.uuid()).max(100).default([]),
  materialDocumentIds: z.array(z.uuid()).max(50).default([]),
};
export const trainingCourseCreateSchema = z.object(courseFields);
export type TrainingCourseCreate = z.infer<typeof trainingCourseCreateSchema>;
/**
 * The body POST /training-courses parses: audienceAll left out means "the
 * kind's default" (awareness: everyone), so it has no default of its own here.
 */
export const trainingCourseCreateBodySchema = trainingCourseCreateSchema.extend({
  audienceAll: z.boolean().optional(),
});
export type TrainingCourseCreateBody = z.infer<typeof trainingCourseCreateBodySchema>;
// A PATCH changes only the fields it sends: no defaults here (zod would fill them in
// under .partial() and reset the fields left out).
export const trainingCourseUpdateSchema = z
  .object({
    title: courseFields.title,
    titleEn: z.string().trim().max(300),
    description: z.string().max(20_000),
    descriptionEn: z.string().max(20_000),
    kind: courseKindSchema,
    delivery: courseDeliverySchema,
    evaluation: courseEvaluationSchema,
    passMark: z.number().int().min(1).max(100),
    intervalMonths: z.number().int().min(1).max(120).nullable(),
    audienceAll: z.boolean(),
    audienceUnitIds: z.array(z.uuid()).max(200),
    audienceRoleIds: z.array(z.uuid()).max(100),
    materialDocumentIds: z.array(z.uuid()).max(50),
    active: z.boolean(),
  })
  .partial();
export type TrainingCourseUpdate = z.infer<typeof trainingCourseUpdateSchema>;
export const trainingCourseListQuerySchema = z.object({
  kind: courseKindSchema.optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  q: z.string().trim().max(200).optional(),
  ...page,
});

// ---- quiz -----------------------------------------------------------------------------

export const quizChoiceSchema = z.object({
  text: z.string().trim().min(1).max(1000),
  textEn: z.string().trim().max(1000).default(''),
  correct: z.boolean(),
});
export const quizQuestionSchema = z
  .object({
    question: z.string().trim().min(1).max(2000),
    questionEn: z.string().trim().max(2000).default(''),
    choices: z.array(quizChoiceSchema).min(2).max(8),
  })
  .refine((q) => q.choices.some((c) => c.correct), {
    message: 'quiz_question_no_correct_choice',
    path: ['choices'],
  });
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;
/** The whole quiz of a course, replaced at once (If-Match on the course). */
export const quizSchema = z
  .object({ questions: z.array(quizQuestionSchema).max(50), version: z.number().int() })
  .meta({ id: 'Quiz' });
export const quizUpdateSchema = z.object({ questions: z.array(quizQuestionSchema).max(50) });
export type QuizUpdate = z.infer<typeof quizUpdateSchema>;

/** The quiz as a taker sees it: no correct flags. */
export const quizToTakeSchema = z
  .object({
    course: z.object({ id: z.uuid(), code: z.string(), title: z.string(), titleEn: z.string() }),
    passMark: z.number().int(),
    questions: z.array(
      z.object({
        question: z.string(),
        questionEn: z.string(),
        choices: z.array(z.object({ text: z.string(), textEn: z.string() })),
        /** More than one choice is correct (the taker picks all of them). */
        multiple: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'QuizToTake' });
export type QuizToTake = z.infer<typeof quizToTakeSchema>;
export const quizSubmitSchema = z.object({
  /** Per question in order: the chosen choice indexes. */
  answers: z.array(z.array(z.number().int().min(0).max(7)).max(8)).max(50),
});
export type QuizSubmit = z.infer<typeof quizSubmitSchema>;
export const quizAttemptSchema = z
  .object({
    id: z.uuid(),
    courseId: z.uuid(),
    user: person,
    questionCount: z.number().int(),
    correctCount: z.number().int(),
    score: z.number().int(),
    passMark: z.number().int(),
    passed: z.boolean(),
    submittedAt: z.iso.datetime(),
    /** Per question: answered correctly (shown after submitting). */
    correct: z.array(z.boolean()),
  })
  .meta({ id: 'QuizAttempt' });
export type QuizAttempt = z.infer<typeof quizAttemptSchema>;

// ---- sessions and attendance ----------------------------------------------------------

export const sessionStatusSchema = z.enum(['planned', 'held', 'cancelled']);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;
export const trainingSessionSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    /** TS-0001. */
    code: z.string(),
    course: z.object({
      id: z.uuid(),
      code: z.string(),
      title: z.string(),
      evaluation: courseEvaluationSchema,
    }),
    heldOn: isoDate,
    location: z.string(),
    trainer: person.nullable(),
    trainerName: z.string(),
    materials: z.array(docRef),
    audienceUnits: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
    audienceRoles: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
    status: sessionStatusSchema,
    note: z.string(),
    attendedCount: z.number().int(),
    /** Attendees whose effectiveness is not evaluated yet (supervisor courses). */
    unevaluatedCount: z.number().int(),
    /** The caller may record this session's attendance (trainer or manager). */
    recordable: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'TrainingSession' });
export type TrainingSession = z.infer<typeof trainingSessionSchema>;
const sessionFields = {
  courseId: z.uuid(),
  heldOn: isoDate,
  location: z.string().trim().max(300).default(''),
  trainerUserId: z.uuid().nullable().default(null),
  trainerName: z.string().trim().max(200).default(''),
  materialDocumentIds: z.array(z.uuid()).max(50).default([]),
  audienceUnitIds: z.array(z.uuid()).max(200).default([]),
  audienceRoleIds: z.array(z.uuid()).max(100).default([]),
  status: sessionStatusSchema.default('planned'),
  note: z.string().max(5000).default(''),
};
export const trainingSessionCreateSchema = z.object(sessionFields);
export type TrainingSessionCreate = z.infer<typeof trainingSessionCreateSchema>;
// No defaults in a PATCH (see the course's update).
export const trainingSessionUpdateSchema = z
  .object({
    heldOn: isoDate,
    location: z.string().trim().max(300),
    trainerUserId: z.uuid().nullable(),
    trainerName: z.string().trim().max(200),
    materialDocumentIds: z.array(z.uuid()).max(50),
    audienceUnitIds: z.array(z.uuid()).max(200),
    audienceRoleIds: z.array(z.uuid()).max(100),
    status: sessionStatusSchema,
    note: z.string().max(5000),
  })
  .partial();
export type TrainingSessionUpdate = z.infer<typeof trainingSessionUpdateSchema>;
export const trainingSessionListQuerySchema = z.object({
  courseId: z.uuid().optional(),
  status: sessionStatusSchema.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...page,
});

export const attendanceSourceSchema = z.enum(['trainer', 'manager', 'import', 'self']);
export const evaluationResultSchema = z.enum(['effective', 'not_effective']);
export const trainingAttendanceSchema = z
  .object({
    id: z.uuid(),
    course: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
    sessionId: z.uuid().nullable(),
    sessionCode: z.string().nullable(),
    user: person,
    attendedOn: isoDate,
    status: z.enum(['attended', 'absent']),
    source: attendanceSourceSchema,
    recordedBy: person.nullable(),
    note: z.string(),
    evaluationResult: evaluationResultSchema.nullable(),
    evaluatedBy: person.nullable(),
    evaluatedOn: isoDate.nullable(),
    evaluationNote: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'TrainingAttendance' });
export type TrainingAttendance = z.infer<typeof trainingAttendanceSchema>;
/** The trainer or a manager records a session's attendance: upserts per user. */
export const sessionAttendanceRecordSchema = z.object({
  entries: z
    .array(
      z.object({
        userId: z.uuid(),
        status: z.enum(['attended', 'absent']).default('attended'),
        note: z.string().max(2000).default(''),
      }),
    )
    .min(1)
    .max(500),
});
export type SessionAttendanceRecord = z.infer<typeof sessionAttendanceRecordSchema>;
/** Staff record a course they took on their own (outside a session). */
export const selfAttendanceSchema = z.object({
  courseId: z.uuid(),
  attendedOn: isoDate,
  note: z.string().max(2000).default(''),
});
/** A supervisor's evaluation of effectiveness (practical skills); never one's own. */
export const attendanceEvaluationSchema = z.object({
  result: evaluationResultSchema,
  evaluatedOn: isoDate.optional(),
  note: z.string().max(5000).default(''),
});
export const attendanceListQuerySchema = z.object({
  courseId: z.uuid().optional(),
  sessionId: z.uuid().optional(),
  userId: z.uuid().optional(),
  ...page,
});

/** Per-row outcome of an attendance import (CSV or XLSX, UTF-8 or Shift_JIS). */
export const attendanceImportRowSchema = z.object({
  /** 1-based line of the file (the header is line 1). */
  row: z.number().int(),
  status: z.enum(['recorded', 'updated', 'skipped', 'error']),
  email: z.string().nullable(),
  user: person.nullable(),
  errors: z.array(z.object({ column: z.string(), code: z.string(), message: z.string() })),
});
export const attendanceImportReportSchema = z
  .object({
    sessionId: z.uuid(),
    dryRun: z.boolean(),
    encoding: z.string(),
    counts: z.object({
      recorded: z.number().int(),
      updated: z.number().int(),
      skipped: z.number().int(),
      error: z.number().int(),
    }),
    rows: z.array(attendanceImportRowSchema),
  })
  .meta({ id: 'AttendanceImportReport' });
export type AttendanceImportReport = z.infer<typeof attendanceImportReportSchema>;

// ---- completion, My training, dashboard ------------------------------------------------

export const completionStatusSchema = z.enum([
  'completed',
  'due_soon',
  'overdue',
  'failed',
  'awaiting_evaluation',
  'not_started',
]);
export type CompletionStatus = z.infer<typeof completionStatusSchema>;
/** One course a person must (or did) take, and where they stand. */
export const courseCompletionSchema = z
  .object({
    course: z.object({
      id: z.uuid(),
      code: z.string(),
      title: z.string(),
      titleEn: z.string(),
      kind: courseKindSchema,
      delivery: courseDeliverySchema,
      evaluation: courseEvaluationSchema,
      questionCount: z.number().int(),
      passMark: z.number().int(),
    }),
    status: completionStatusSchema,
    completedOn: isoDate.nullable(),
    /** When it must be taken (again). */
    dueOn: isoDate.nullable(),
    attempts: z.number().int(),
    lastScore: z.number().int().nullable(),
  })
  .meta({ id: 'CourseCompletion' });
export type CourseCompletion = z.infer<typeof courseCompletionSchema>;
export const myTrainingSchema = z
  .object({
    courses: z.array(courseCompletionSchema),
    attempts: z.array(quizAttemptSchema),
    attendance: z.array(trainingAttendanceSchema),
    /** Sessions the caller is the trainer of, upcoming or not yet recorded. */
    sessionsToRecord: z.array(trainingSessionSchema),
  })
  .meta({ id: 'MyTraining' });
export type MyTraining = z.infer<typeof myTrainingSchema>;

/** A session as lists outside the session pages show it. */
export const trainingSessionBriefSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  course: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
  heldOn: isoDate,
  location: z.string(),
  trainerName: z.string(),
  status: sessionStatusSchema,
});
export type TrainingSessionBrief = z.infer<typeof trainingSessionBriefSchema>;

export const unitCompletionSchema = z.object({
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  required: z.number().int(),
  completed: z.number().int(),
  overdue: z.number().int(),
});
export const trainingDashboardSchema = z
  .object({
    /** Completion of the required (person, course) pairs per unit; null unit = no unit. */
    byUnit: z.array(unitCompletionSchema),
    totals: z.object({
      required: z.number().int(),
      completed: z.number().int(),
      overdue: z.number().int(),
      dueSoon: z.number().int(),
      failed: z.number().int(),
    }),
    upcomingSessions: z.array(trainingSessionBriefSchema),
    /** Held sessions whose effectiveness is not evaluated for every attendee. */
    sessionsToEvaluate: z.number().int(),
    /** Certificates and qualifications expiring within the warning days, and expired. */
    expiringCompetences: z.number().int(),
    expiredCompetences: z.number().int(),
  })
  .meta({ id: 'TrainingDashboard' });
export type TrainingDashboard = z.infer<typeof trainingDashboardSchema>;
export const trainingDashboardQuerySchema = z.object({
  courseId: z.uuid().optional(),
  kind: courseKindSchema.optional(),
});

/** Person × course completions (the manager's matrix and the report). */
export const completionRowSchema = courseCompletionSchema
  .extend({
    user: person,
    unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  })
  .meta({ id: 'CompletionRow' });
export type CompletionRow = z.infer<typeof completionRowSchema>;
export const completionListQuerySchema = z.object({
  courseId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  /** One person's courses: the required ones and those they took of their own accord. */
  userId: z.uuid().optional(),
  status: completionStatusSchema.optional(),
  ...page,
});

/** The training records report (XLSX/PDF, ja/en). */
export const trainingReportQuerySchema = z.object({
  format: z.enum(['xlsx', 'pdf']).default('xlsx'),
  locale: z.enum(['ja', 'en']).optional(),
  courseId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type TrainingReportQuery = z.infer<typeof trainingReportQuerySchema>;

/** The attendance import: a dry run checks and reports without keeping anything. */
export const attendanceImportQuerySchema = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
});
/** The attendance import's template (headers in the chosen language). */
export const attendanceTemplateQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  locale: z.enum(['ja', 'en']).optional(),
});
