import type { Db } from '@mamoru/db';
import type { RequestContext } from '../audit/trail.ts';
import { recordAttendance } from '../training/attendance.ts';
import { createCourse } from '../training/courses.ts';
import { evaluateAttendance } from '../training/evaluation.ts';
import { replaceQuiz, submitAttempt } from '../training/quiz.ts';
import { createSession } from '../training/sessions.ts';
import { sessionAttendanceList } from '../training/attendance-records.ts';

/**
 * The sample company's training (4.2.2.d, 5.2.2.c): a yearly awareness
 * e-learning for everyone with a five-question quiz (pass mark 80), which the
 * IT manager fails once and then passes on a retake, and a role course on
 * incident response held as a session whose attendees the ISMS manager
 * evaluates — all through the services a person uses.
 */

const daysAgo = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

const q = (question: string, questionEn: string, choices: [string, string, boolean][]) => ({
  question,
  questionEn,
  choices: choices.map(([text, textEn, correct]) => ({ text, textEn, correct })),
});

/** Five questions in our own words; the last has two correct choices. */
export const DEMO_AWARENESS_QUIZ = [
  q(
    '不審なメールの添付ファイルを受け取ったときの対応は？',
    'You receive a suspicious attachment. What do you do?',
    [
      ['開かずに情報システム部へ報告する', 'Leave it unopened and report it to IT', true],
      ['内容を確かめるために開く', 'Open it to see what it is', false],
      ['同僚に転送して意見を聞く', 'Forward it to a colleague for an opinion', false],
    ],
  ),
  q(
    '離席するときに端末をどうしますか？',
    'What do you do with your computer when you leave your desk?',
    [
      ['画面をロックする', 'Lock the screen', true],
      ['そのままにする', 'Leave it as it is', false],
      ['モニターの電源だけ切る', 'Switch off only the monitor', false],
    ],
  ),
  q('パスワードの扱いとして適切なものは？', 'Which is the right way to handle a password?', [
    ['サービスごとに異なるものを使う', 'Use a different one for each service', true],
    ['付箋に書いて画面に貼る', 'Write it on a sticky note on the screen', false],
    ['チーム内で共有する', 'Share it within the team', false],
  ]),
  q(
    '顧客情報を含むUSBメモリを紛失したら？',
    'You lost a USB stick holding customer data. What now?',
    [
      [
        '見つからなくてもすぐに上長と事務局へ報告する',
        'Report it at once to your manager and the ISMS office',
        true,
      ],
      ['見つかるまで探してから報告する', 'Search until found, then report', false],
      ['暗号化されていれば報告しない', 'Say nothing if it was encrypted', false],
    ],
  ),
  q(
    '情報セキュリティ方針について正しいものをすべて選んでください。',
    'Choose every true statement about the security policy.',
    [
      ['全従業員が守るべきものである', 'Every employee follows it', true],
      ['情報システム部だけに関係する', 'It concerns the IT department only', false],
      ['社内ポータルでいつでも読める', 'It can be read on the intranet at any time', true],
    ],
  ),
];
/** The right answers of the quiz above, and a first try with two mistakes (60: fails). */
export const DEMO_AWARENESS_ANSWERS = [[0], [0], [0], [0], [0, 2]];
const FIRST_TRY = [[0], [0], [1], [0], [0]];

export interface DemoTrainingPeople {
  manager: RequestContext;
  president: RequestContext;
  itHead: RequestContext;
}

export async function createDemoTraining(db: Db, people: DemoTrainingPeople) {
  const { manager, president, itHead } = people;
  const awareness = await createCourse(db, manager, {
    title: '情報セキュリティ意識向上研修（年次）',
    titleEn: 'Annual security awareness',
    description: '全従業員が毎年受講するeラーニングです。最後に確認テストがあります。',
    descriptionEn: 'An e-learning every employee takes each year, ending with a short quiz.',
    kind: 'awareness',
    delivery: 'elearning',
    evaluation: 'quiz',
    passMark: 80,
    audienceUnitIds: [],
    audienceRoleIds: [],
    materialDocumentIds: [],
  });
  await replaceQuiz(db, manager, awareness.id, awareness.version, {
    questions: DEMO_AWARENESS_QUIZ,
  });
  await submitAttempt(db, president, awareness.id, { answers: DEMO_AWARENESS_ANSWERS });
  await submitAttempt(db, manager, awareness.id, { answers: DEMO_AWARENESS_ANSWERS });
  // The IT manager fails the first try (kept as evidence) and passes the retake.
  await submitAttempt(db, itHead, awareness.id, { answers: FIRST_TRY });
  await submitAttempt(db, itHead, awareness.id, { answers: DEMO_AWARENESS_ANSWERS });

  const drill = await createCourse(db, manager, {
    title: 'インシデント対応訓練',
    titleEn: 'Incident response drill',
    description: '障害・事故の初動と報告の手順を実際に演習します。上長が習熟度を評価します。',
    descriptionEn:
      'Hands-on practice of first response and reporting; supervisors judge the result.',
    kind: 'role',
    delivery: 'classroom',
    evaluation: 'supervisor',
    passMark: 80,
    intervalMonths: 24,
    audienceAll: false,
    audienceUnitIds: [],
    audienceRoleIds: [],
    materialDocumentIds: [],
  });
  const session = await createSession(db, manager, {
    courseId: drill.id,
    heldOn: daysAgo(30),
    location: '本社 会議室A',
    trainerUserId: manager.actor.userId,
    trainerName: '',
    materialDocumentIds: [],
    audienceUnitIds: [],
    audienceRoleIds: [],
    status: 'held',
    note: '',
  });
  await db.transaction((tx) =>
    recordAttendance(
      tx,
      manager,
      session.id,
      [
        { userId: itHead.actor.userId!, status: 'attended', note: '' },
        { userId: president.actor.userId!, status: 'attended', note: '' },
      ],
      'trainer',
    ),
  );
  const rows = await sessionAttendanceList(db, manager, session.id);
  for (const row of rows.items) {
    await evaluateAttendance(db, manager, row.id, row.version, {
      result: 'effective',
      evaluatedOn: daysAgo(25),
      note: '手順に沿って初動と報告ができた。',
    });
  }
  return { courses: 2, sessions: 1, attempts: 4 };
}
