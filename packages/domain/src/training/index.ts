// The training area (4.2.2.d, 5.1.d, 5.2.2.b–d; annex 6.2.1): one line per use-case module.
export * from './access.ts';
export * from './attendance.ts';
export * from './attendance-records.ts';
export * from './courses.ts';
export * from './evaluation.ts';
export * from './my-training.ts';
export * from './presenters.ts';
export * from './quiz.ts';
export * from './quiz-scoring.ts';
export * from './sessions.ts';
export * from './import.ts';
export { attendanceColumnLabel, ATTENDANCE_COLUMNS } from './import-rows.ts';
export * from './dashboard.ts';
export * from './report.ts';
