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
    // incidents: core
    incident_external_ref_taken:
      'An open incident you cannot see already holds the external reference {externalRef}; use another reference.',
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
    // incidents: core
    incident_external_ref_taken:
      '外部参照 {externalRef} は、あなたが閲覧できない未終結のインシデントで使われています。別の参照を指定してください。',
  },
};
