/**
 * Problem texts of the training area (spread into messages.ts), one block per part
 * of the area; both locales hold the same keys (a test checks).
 */
export const trainingMessages = {
  en: {
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
