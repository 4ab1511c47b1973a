/**
 * Problem texts of the management review area (spread into messages.ts), one
 * block per part of the area; both locales hold the same keys (a test checks).
 */
export const reviewsMessages = {
  en: {
    // reviews: planning, attendees, settings
    // reviews: the input pack
    // reviews: minutes, decisions, approval, distribution
    // reviews: interested parties and feedback
    interested_party_name_taken: 'An interested party with this name is already registered.',
    interested_party_inactive:
      'This interested party is retired: no new feedback is recorded for it.',
    feedback_date_future: 'The date cannot be later than today.',
    feedback_response_before_receipt:
      'The response cannot be dated before the feedback was received.',
    feedback_answered:
      'This feedback has been answered already; only the ISMS manager can still correct it.',
  } as Record<string, string>,
  ja: {
    // reviews: planning, attendees, settings
    // reviews: the input pack
    // reviews: minutes, decisions, approval, distribution
    // reviews: interested parties and feedback
    interested_party_name_taken: '同じ名称の利害関係者がすでに登録されています。',
    interested_party_inactive: 'この利害関係者は無効のため、新しいフィードバックは記録できません。',
    feedback_date_future: '日付に今日より後の日は指定できません。',
    feedback_response_before_receipt: '回答日を受領日より前にすることはできません。',
    feedback_answered: 'このフィードバックは回答済みです。修正できるのはISMS管理責任者のみです。',
  } as Record<string, string>,
};
