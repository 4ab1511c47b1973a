/**
 * Problem texts of the management review area (spread into messages.ts), one
 * block per part of the area; both locales hold the same keys (a test checks).
 */
export const reviewsMessages = {
  en: {
    // reviews: planning, attendees, settings
    review_top_management_required:
      'Top management must attend the review: add at least one attendee as top management (a user who holds that role).',
    review_attendee_not_top_management:
      'Only a user who holds the top management role can attend as top management.',
    review_attendee_duplicate: 'This person is on the attendee list already.',
    attendee_name_required: 'Give the guest’s name, or choose a user.',
    review_plan_closed: 'The review has been held or cancelled; its plan can no longer change.',
    review_not_cancellable: 'Only a review that has not been held yet can be cancelled.',
    text_nul_character: 'The text holds a NUL character, which cannot be stored.',
    // reviews: the input pack
    review_inputs_not_planned:
      'The inputs are prepared once, while the review is still planned; this review is past that step.',
    // reviews: minutes, decisions, approval, distribution
    // reviews: interested parties and feedback
  } as Record<string, string>,
  ja: {
    // reviews: planning, attendees, settings
    review_top_management_required:
      'レビューにはトップマネジメントの出席が必要です。トップマネジメントの役割を持つ利用者を、トップマネジメントとして一人以上加えてください。',
    review_attendee_not_top_management:
      'トップマネジメントとして出席できるのは、トップマネジメントの役割を持つ利用者だけです。',
    review_attendee_duplicate: 'この人はすでに出席者に含まれています。',
    attendee_name_required: '社外の出席者の氏名を入力するか、利用者を選んでください。',
    review_plan_closed: 'このレビューは実施済みまたは中止済みのため、計画を変更できません。',
    review_not_cancellable: '中止できるのは、まだ実施していないレビューだけです。',
    text_nul_character: 'テキストに保存できない制御文字が含まれています。',
    // reviews: the input pack
    review_inputs_not_planned:
      'インプットの準備は、レビューが計画段階にある間に一度だけ行えます。このレビューはその段階を過ぎています。',
    // reviews: minutes, decisions, approval, distribution
    // reviews: interested parties and feedback
  } as Record<string, string>,
};
