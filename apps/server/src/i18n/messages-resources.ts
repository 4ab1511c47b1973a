/**
 * Problem texts of the resources register and its yearly plan (spread into
 * messages.ts); both locales hold the same keys (a test checks).
 */
export const resourcesMessages = {
  en: {
    resource_planned_required: 'Give what is planned: an amount in yen, hours, or both.',
    resource_plan_submitted:
      "The year's resource plan is waiting for top management's approval: withdraw the request before changing what is planned.",
    resource_plan_approved:
      "The year's resource plan is approved already; changing a planned figure returns it to draft.",
    resource_plan_empty: 'Register at least one resource for the year before asking for approval.',
  },
  ja: {
    resource_planned_required:
      '計画値として金額（円）か工数（時間）、またはその両方を入力してください。',
    resource_plan_submitted:
      'この年度の資源計画は経営陣の承認待ちです。計画を変更するには、先に承認依頼を取り下げてください。',
    resource_plan_approved:
      'この年度の資源計画はすでに承認されています。計画値を変更すると作成中に戻ります。',
    resource_plan_empty: '承認を依頼する前に、この年度の経営資源を1件以上登録してください。',
  },
};
