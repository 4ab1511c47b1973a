/**
 * Problem texts of the controls area (spread into messages.ts); both locales
 * hold the same keys (a test checks).
 */
export const controlsMessages = {
  en: {
    control_not_applicable:
      'Control {controlId} is not applicable in the current Statement of Applicability: only applicable controls are operated and checked.',
    control_check_inactive:
      'This check is no longer active: reactivate it before recording a result.',
    control_check_result_effective:
      'The check found the control effective: only a partly or not effective result raises a nonconformity.',
    control_check_result_already_raised:
      'A nonconformity has already been raised from this result.',
    date_in_future:
      'Record a check once it has been performed: the date cannot be later than today.',
  },
  ja: {
    control_not_applicable:
      '管理策 {controlId} は現在の適用宣言書で適用外です。運用と点検の対象は適用する管理策だけです。',
    control_check_inactive:
      'この点検は無効になっています。結果を記録する前に有効に戻してください。',
    control_check_result_effective:
      'この点検では管理策は有効でした。不適合を登録できるのは一部有効または有効でない結果だけです。',
    control_check_result_already_raised: 'この点検結果からはすでに不適合が登録されています。',
    date_in_future: '点検は実施してから記録してください。今日より後の日付は指定できません。',
  },
};
