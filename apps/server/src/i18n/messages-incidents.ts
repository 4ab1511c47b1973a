/**
 * Problem texts of the incidents area and the ISMS event log (spread into
 * messages.ts), one block per part; both locales hold the same keys (a test checks).
 */
export const incidentsMessages = {
  en: {
    // incidents: workflow
    incident_closed: 'This incident is closed; it can no longer change.',
    incident_not_triaged:
      'Triage the incident first: its severity and urgency decide its priority.',
    incident_already_triaged: 'This incident has been triaged already.',
    incident_step_backwards: 'An incident moves forward only: choose a later step.',
    incident_lessons_required: 'Write the lessons learned before closing the incident.',
    // incidents: stats
    incident_month_invalid: 'Not a month: use YYYY-MM with a month from 01 to 12.',
    incident_period_too_long: 'Statistics cover at most 120 months at a time.',
  },
  ja: {
    // incidents: workflow
    incident_closed: 'このインシデントは終結しています。変更できません。',
    incident_not_triaged:
      '先にインシデントを評価（トリアージ）してください。重大度と緊急度から優先度が決まります。',
    incident_already_triaged: 'このインシデントは評価済みです。',
    incident_step_backwards:
      'インシデントの状態は先へ進めることしかできません。後の段階を選んでください。',
    incident_lessons_required: '終結する前に、得られた教訓を記入してください。',
    // incidents: stats
    incident_month_invalid:
      '月の指定が正しくありません。YYYY-MM の形で、月は 01〜12 で指定してください。',
    incident_period_too_long: '統計の期間は一度に 120 か月までです。',
  },
};
