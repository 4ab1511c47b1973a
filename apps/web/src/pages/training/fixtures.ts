import type {
  CompletionRow,
  MyRole,
  MyTraining,
  QuizAttempt,
  QuizToTake,
  TrainingAttendance,
  TrainingCourse,
  TrainingDashboard,
  TrainingSession,
} from '../../api/training';
import { sessionInfo } from '../../test/fakeApi';

/** An ISMS manager: manages courses and sessions, records and evaluates attendance. */
export function managerSession() {
  const session = sessionInfo('admin', { roles: ['isms_manager'] });
  return {
    ...session,
    permissions: {
      ...session.permissions,
      'training:read': 'all',
      'training:manage': 'all',
      'training:record': 'all',
      'training:take': 'own',
      'people:read': 'all',
    },
  } as typeof session;
}

/** A staff member: sees and takes their own training. */
export function staffSession(locale: 'en' | 'ja' = 'en') {
  const session = sessionInfo('staff', { locale });
  return {
    ...session,
    permissions: {
      ...session.permissions,
      'training:read': 'own',
      'training:manage': 'own',
      'training:record': 'own',
      'training:take': 'own',
    },
  } as typeof session;
}

export const staffId = sessionInfo('staff').user.id;
export const unitId = '00000000-0000-4000-8000-000000000301';

export const courseFixture: TrainingCourse = {
  id: '00000000-0000-4000-8000-000000000901',
  number: 1,
  code: 'TC-0001',
  title: '情報セキュリティ意識向上研修',
  titleEn: 'Security awareness',
  description: '全従業員が毎年受ける研修です。',
  descriptionEn: 'Yearly training for everyone.',
  kind: 'awareness',
  delivery: 'elearning',
  evaluation: 'quiz',
  passMark: 80,
  intervalMonths: 12,
  audienceAll: true,
  audienceUnits: [],
  audienceRoles: [],
  materials: [],
  questionCount: 2,
  active: true,
  audienceCount: 10,
  completedCount: 6,
  version: 3,
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
};

export const quizFixture = {
  version: 3,
  questions: [
    {
      question: 'パスワードを他人に教えてよいか',
      questionEn: 'May you tell your password to others?',
      choices: [
        { text: 'よい', textEn: 'Yes', correct: false },
        { text: 'よくない', textEn: 'No', correct: true },
      ],
    },
    {
      question: '不審なメールを受け取ったら',
      questionEn: 'You receive a suspicious email',
      choices: [
        { text: '開く', textEn: 'Open it', correct: false },
        { text: '報告する', textEn: 'Report it', correct: true },
      ],
    },
  ],
};

export const quizToTake: QuizToTake = {
  course: {
    id: courseFixture.id,
    code: 'TC-0001',
    title: courseFixture.title,
    titleEn: 'Security awareness',
  },
  passMark: 80,
  questions: quizFixture.questions.map((q) => ({
    question: q.question,
    questionEn: q.questionEn,
    choices: q.choices.map((c) => ({ text: c.text, textEn: c.textEn })),
    multiple: false,
  })),
};

export function attempt(passed: boolean): QuizAttempt {
  return {
    id: passed ? '00000000-0000-4000-8000-000000000a02' : '00000000-0000-4000-8000-000000000a01',
    courseId: courseFixture.id,
    user: { id: staffId, name: 'Sam Staff' },
    questionCount: 2,
    correctCount: passed ? 2 : 1,
    score: passed ? 100 : 50,
    passMark: 80,
    passed,
    submittedAt: '2026-12-01T09:00:00.000Z',
    correct: passed ? [true, true] : [true, false],
  };
}

export const completion = {
  course: {
    id: courseFixture.id,
    code: 'TC-0001',
    title: courseFixture.title,
    titleEn: 'Security awareness',
    kind: 'awareness' as const,
    delivery: 'elearning' as const,
    evaluation: 'quiz' as const,
    questionCount: 2,
    passMark: 80,
  },
  status: 'not_started' as const,
  completedOn: null,
  dueOn: '2026-12-31',
  attempts: 0,
  lastScore: null,
};

export const myTrainingFixture: MyTraining = {
  courses: [completion],
  attempts: [],
  attendance: [],
  sessionsToRecord: [],
};

export const myRoleFixture: MyRole = {
  assignment: {
    id: '00000000-0000-4000-8000-000000000b01',
    roleId: '00000000-0000-4000-8000-000000000b11',
    user: { id: staffId, name: 'Sam Staff' },
    kind: 'holder',
    unit: { id: unitId, code: 'U-SALES', name: 'Sales' },
    startsOn: '2026-04-01',
    endsOn: null,
    note: '',
    acknowledgedAt: null,
    acknowledgementStale: false,
    current: true,
    version: 1,
  },
  role: {
    id: '00000000-0000-4000-8000-000000000b11',
    code: 'promoter',
    name: '推進委員',
    nameEn: 'ISMS promoter',
    responsibilities: '部署で ISMS の活動を進める。',
    responsibilitiesEn: 'Drives the ISMS activities in the unit.',
    version: 2,
  },
};

export const dashboardFixture: TrainingDashboard = {
  byUnit: [
    {
      unit: { id: unitId, code: 'U-SALES', name: 'Sales' },
      required: 10,
      completed: 6,
      overdue: 3,
    },
    { unit: null, required: 2, completed: 2, overdue: 0 },
  ],
  totals: { required: 12, completed: 8, overdue: 3, dueSoon: 1, failed: 1 },
  upcomingSessions: [
    {
      id: '00000000-0000-4000-8000-000000000c01',
      code: 'TS-0002',
      course: { id: courseFixture.id, code: 'TC-0001', title: 'Security awareness' },
      heldOn: '2027-01-15',
      location: 'Room A',
      trainerName: 'Aiko Admin',
      status: 'planned',
    },
  ],
  sessionsToEvaluate: 2,
  expiringCompetences: 1,
  expiredCompetences: 0,
};

export const sessionFixture: TrainingSession = {
  id: '00000000-0000-4000-8000-000000000c02',
  number: 1,
  code: 'TS-0001',
  course: {
    id: '00000000-0000-4000-8000-000000000902',
    code: 'TC-0002',
    title: 'Incident handling drill',
    evaluation: 'supervisor',
  },
  heldOn: '2026-11-10',
  location: 'Room B',
  trainer: { id: '00000000-0000-4000-8000-000000000001', name: 'Aiko Admin' },
  trainerName: '',
  materials: [],
  audienceUnits: [],
  audienceRoles: [],
  status: 'held',
  note: '',
  attendedCount: 1,
  unevaluatedCount: 1,
  recordable: true,
  version: 2,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-10T09:00:00.000Z',
};

export const attendanceFixture: TrainingAttendance = {
  id: '00000000-0000-4000-8000-000000000d01',
  course: { id: sessionFixture.course.id, code: 'TC-0002', title: 'Incident handling drill' },
  sessionId: sessionFixture.id,
  sessionCode: 'TS-0001',
  user: { id: staffId, name: 'Sam Staff' },
  attendedOn: '2026-11-10',
  status: 'attended',
  source: 'trainer',
  recordedBy: { id: '00000000-0000-4000-8000-000000000001', name: 'Aiko Admin' },
  note: '',
  evaluationResult: null,
  evaluatedBy: null,
  evaluatedOn: null,
  evaluationNote: '',
  version: 1,
};

export const completionRows: CompletionRow[] = [
  {
    ...completion,
    status: 'overdue',
    user: { id: staffId, name: 'Sam Staff' },
    unit: { id: unitId, code: 'U-SALES', name: 'Sales' },
  },
];
