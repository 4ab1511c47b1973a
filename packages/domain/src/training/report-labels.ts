import type { CompletionStatus } from '@mamoru/contracts';

/** The training records report's words in both languages (never a raw enum value). */
export type ReportLang = 'ja' | 'en';

export const REPORT_TEXT = {
  ja: {
    title: '教育訓練記録',
    fileName: 'training-records',
    organization: '組織',
    issuedOn: '作成日',
    period: '期間',
    course: 'コース',
    unit: '部門',
    all: 'すべて',
    noUnit: '所属なし',
    none: '該当なし',
    summary: '部門別の受講状況',
    summaryHeaders: ['部門', '対象', '修了', '期限切れ', '期限間近', '不合格', '修了率'],
    completion: '受講状況（個人別）',
    completionHeaders: ['氏名', '部門', 'コース', '状態', '修了日', '次回期限', '受験回数', '最終得点'],
    attendance: '出欠記録',
    attendanceHeaders: ['氏名', '部門', 'コース', '回', '日付', '出欠', '記録方法', '備考', '有効性評価', '評価者', '評価日'],
    attempts: '理解度テスト結果',
    attemptHeaders: ['氏名', '部門', 'コース', '受験日', '得点', '合格点', '結果'],
    status: {
      completed: '修了',
      due_soon: '期限間近',
      overdue: '期限切れ',
      failed: '不合格',
      awaiting_evaluation: '評価待ち',
      not_started: '未受講',
    } satisfies Record<CompletionStatus, string>,
    attended: { attended: '出席', absent: '欠席' } as Record<string, string>,
    source: { trainer: '講師', manager: '管理者', import: '取込', self: '本人' } as Record<
      string,
      string
    >,
    result: { effective: '有効', not_effective: '有効でない' } as Record<string, string>,
    passed: '合格',
    notPassed: '不合格',
  },
  en: {
    title: 'Training records',
    fileName: 'training-records',
    organization: 'Organization',
    issuedOn: 'Issued on',
    period: 'Period',
    course: 'Course',
    unit: 'Unit',
    all: 'All',
    noUnit: 'No unit',
    none: 'None',
    summary: 'Completion by unit',
    summaryHeaders: ['Unit', 'Required', 'Completed', 'Overdue', 'Due soon', 'Failed', 'Rate'],
    completion: 'Completion by person',
    completionHeaders: ['Name', 'Unit', 'Course', 'Status', 'Completed on', 'Due on', 'Attempts', 'Last score'],
    attendance: 'Attendance',
    attendanceHeaders: ['Name', 'Unit', 'Course', 'Session', 'Date', 'Attendance', 'Recorded via', 'Note', 'Evaluation', 'Evaluator', 'Evaluated on'],
    attempts: 'Quiz results',
    attemptHeaders: ['Name', 'Unit', 'Course', 'Taken on', 'Score', 'Pass mark', 'Result'],
    status: {
      completed: 'Completed',
      due_soon: 'Due soon',
      overdue: 'Overdue',
      failed: 'Failed',
      awaiting_evaluation: 'Awaiting evaluation',
      not_started: 'Not started',
    } satisfies Record<CompletionStatus, string>,
    attended: { attended: 'Attended', absent: 'Absent' } as Record<string, string>,
    source: { trainer: 'Trainer', manager: 'Manager', import: 'Import', self: 'Self' } as Record<
      string,
      string
    >,
    result: { effective: 'Effective', not_effective: 'Not effective' } as Record<string, string>,
    passed: 'Passed',
    notPassed: 'Failed',
  },
} as const;
