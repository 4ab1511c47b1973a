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
    // Attendance import and training records report (timport).
    attendance_import_header:
      "The header row of the file is not the template's: see the columns named below.",
    attendance_import_email_invalid: '"{value}" is not an email address.',
    attendance_import_status_invalid:
      '"{value}" is not an attendance status (attended, absent, 出席 or 欠席).',
    attendance_import_user_unknown: 'Nobody in your organization has the email address "{value}".',
    attendance_import_not_reachable:
      'You cannot record the attendance of "{value}": they are not in a unit you head.',
    attendance_import_duplicate: 'This person is already on row {row}.',
    attendance_import_too_many_rows:
      'The file lists more than {limit} people. Import the session in parts.',
    training_report_too_many_rows:
      'The report would have more than {limit} rows in a table. Choose a course, a unit or a period.',
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
    // 出欠の取込と教育訓練記録（timport）。
    attendance_import_header:
      'ファイルの見出し行がテンプレートと異なります。下記の列を確認してください。',
    attendance_import_email_invalid: '「{value}」はメールアドレスではありません。',
    attendance_import_status_invalid:
      '「{value}」は出欠として読めません（出席、欠席、attended、absent のいずれか）。',
    attendance_import_user_unknown: 'メールアドレス「{value}」の人は組織にいません。',
    attendance_import_not_reachable:
      '「{value}」の出欠は記録できません。あなたが責任者である部門の人ではありません。',
    attendance_import_duplicate: 'この人は既に {row} 行目にあります。',
    attendance_import_too_many_rows:
      'ファイルに {limit} 人を超える行があります。分けて取り込んでください。',
    training_report_too_many_rows:
      '報告書の表が {limit} 行を超えます。コース、部門または期間で絞り込んでください。',
  } as Record<string, string>,
};
