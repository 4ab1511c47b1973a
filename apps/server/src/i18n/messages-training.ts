/**
 * Problem texts of the training area (spread into messages.ts), one block per part
 * of the area; both locales hold the same keys (a test checks).
 */
export const trainingMessages = {
  en: {
    // training: courses, quiz, sessions, attendance, evaluation (tcore)
    training_course_inactive: 'This course is no longer active: it takes no new records.',
    training_quiz_missing: 'This course has no quiz to take.',
    training_take_user_only: 'Only a signed-in person can take a quiz.',
    quiz_question_no_correct_choice: 'Mark at least one choice of the question as correct.',
    quiz_answers_count:
      'Answer every question: the quiz has {expected} questions, the answers cover {actual}.',
    quiz_choice_unknown: 'This answer chooses a choice the question does not have.',
    training_session_cancelled: 'The session was cancelled; its attendance cannot be recorded.',
    training_attendance_duplicate_user: 'This person is listed more than once.',
    training_date_future: 'The date cannot be in the future.',
    training_evaluation_self: 'Nobody evaluates their own training: ask their supervisor.',
    training_evaluation_absent: 'Only a person who attended can be evaluated.',
    training_evaluation_before_attendance:
      'The evaluation cannot be dated before the training was attended.',
  } as Record<string, string>,
  ja: {
    // training: courses, quiz, sessions, attendance, evaluation (tcore)
    training_course_inactive: 'このコースは無効になっているため、新しい記録は登録できません。',
    training_quiz_missing: 'このコースには受験できる確認テストがありません。',
    training_take_user_only: '確認テストはサインインした利用者のみ受験できます。',
    quiz_question_no_correct_choice: '設問の選択肢のうち少なくとも1つを正解にしてください。',
    quiz_answers_count:
      'すべての設問に回答してください。設問は {expected} 問ありますが、回答は {actual} 問分です。',
    quiz_choice_unknown: 'この回答は設問にない選択肢を選んでいます。',
    training_session_cancelled: 'この実施回は中止されたため、出欠を記録できません。',
    training_attendance_duplicate_user: '同じ人が複数回指定されています。',
    training_date_future: '未来の日付は指定できません。',
    training_evaluation_self: '自分自身の教育は評価できません。上長に評価を依頼してください。',
    training_evaluation_absent: '出席した人のみ評価できます。',
    training_evaluation_before_attendance: '評価日を受講日より前にすることはできません。',
  } as Record<string, string>,
};
