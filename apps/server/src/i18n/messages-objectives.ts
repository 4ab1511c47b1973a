/**
 * Problem texts of the objectives area (spread into messages.ts); both locales
 * hold the same keys (a test checks).
 */
export const objectivesMessages = {
  en: {
    objective_due_before_start: 'The due date cannot come before the start date.',
    objective_withdrawn:
      'This objective has been withdrawn; no measurement can be added or removed.',
    objective_measurement_future:
      'A value can be recorded once it has been measured, not ahead of time.',
    csv_empty: 'The file holds no rows.',
    csv_column_missing: 'The column {column} is missing from the header.',
    csv_too_many_rows: 'The file holds more rows than can be imported at once.',
    csv_date_invalid: 'Not a date: write it as 2026-04-30.',
    csv_number_invalid: 'Not a number.',
  },
  ja: {
    objective_due_before_start: '期限を開始日より前にすることはできません。',
    objective_withdrawn: 'この目標は取り下げられているため、測定値を追加・削除できません。',
    objective_measurement_future:
      '測定値は測定した後に記録してください。先の日付は記録できません。',
    csv_empty: 'ファイルに行がありません。',
    csv_column_missing: '見出しに列 {column} がありません。',
    csv_too_many_rows: 'ファイルの行数が一度に取り込める上限を超えています。',
    csv_date_invalid: '日付ではありません。2026-04-30 の形式で書いてください。',
    csv_number_invalid: '数値ではありません。',
  },
};
