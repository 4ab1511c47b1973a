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
    incident_step_before_discovery:
      'A step cannot have happened before the incident was discovered.',
    incident_step_in_future: 'Record a step once it has happened, not ahead of time.',
    // incidents: respond
    time_zone_unknown: 'Unknown time zone: give an IANA name such as Asia/Tokyo.',
    deadline_days_or_hours:
      'A notification clock counts either calendar days or hours, not both: clear one of them.',
    incident_risk_not_related:
      'This risk is not related to the incident: relate it first, then ask for its reassessment.',
    incident_risk_none: 'The incident has no related risks to reassess yet.',
    notification_before_discovery:
      'A notification cannot be sent before the incident was discovered: check the date and time.',
    notification_in_future: 'Record a notification once it has been sent, not ahead of time.',
    // incidents: events
    isms_event_automatic:
      'This entry was written by Mamoru from the area it describes; only entries made by hand can be edited.',
    isms_event_future: 'An event cannot have happened later than now.',
    // incidents: stats
    incident_month_invalid: 'Not a month: use YYYY-MM with a month from 01 to 12.',
    incident_period_too_long: 'Statistics cover at most 120 months at a time.',
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
    incident_step_before_discovery: 'インシデントを発見する前の日時は指定できません。',
    incident_step_in_future: '対応は行った後に記録してください。先の日時は指定できません。',
    // incidents: respond
    time_zone_unknown:
      'タイムゾーンが不明です。Asia/Tokyo のような IANA の名前を指定してください。',
    deadline_days_or_hours:
      '通知期限は暦日数か時間数のどちらか一方で数えます。どちらかを空にしてください。',
    incident_risk_not_related:
      'このリスクはインシデントに関連付けられていません。先に関連付けてから再評価を依頼してください。',
    incident_risk_none: '再評価を依頼できる関連リスクがまだありません。',
    notification_before_discovery:
      'インシデントの発見より前に通知したことにはできません。日時を確認してください。',
    notification_in_future: '通知は送った後に記録してください。先の日時は記録できません。',
    // incidents: events
    isms_event_automatic:
      'この記録は各領域の操作からMamoruが自動で書いたものです。編集できるのは手入力した記録だけです。',
    isms_event_future: '現在より後の日時は指定できません。',
    // incidents: stats
    incident_month_invalid:
      '月の指定が正しくありません。YYYY-MM の形で、月は 01〜12 で指定してください。',
    incident_period_too_long: '統計の期間は一度に 120 か月までです。',
    // incidents: core
    incident_external_ref_taken:
      '外部参照 {externalRef} は、あなたが閲覧できない未終結のインシデントで使われています。別の参照を指定してください。',
  },
};
