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
    // reviews: the input pack
    review_inputs_not_planned:
      'The inputs are prepared once, while the review is still planned; this review is past that step.',
    // reviews: minutes, decisions, approval, distribution
    review_hold_needs_inputs:
      'Only a review whose inputs are prepared can be recorded as held; prepare the inputs first, or the review was held already.',
    review_held_on_future: 'The date the review was held cannot be in the future.',
    review_minutes_not_editable:
      'The minutes and decisions can be changed only while the review is held and its minutes are not submitted or approved.',
    review_input_section_missing: 'The input pack of this review has no such section.',
    review_reason_procedure_only:
      'Only a decision to change procedures (6.3.b) has a reason from the list; choose that output or leave the reason empty.',
    decision_amount_resources_only:
      'Only a decision on resource needs (6.3.c) carries an amount; choose that output or leave the amount empty.',
    review_submit_needs_held: 'Only the minutes of a held review can be submitted for approval.',
    review_top_management_absent:
      'The minutes can be submitted only when at least one member of top management is recorded as having attended.',
    review_distribute_needs_approval: 'Only minutes approved by top management can be distributed.',
    review_already_distributed: 'These minutes have been distributed already.',
    // reviews: interested parties and feedback
    // reviews: minutes export
    review_minutes_not_started: 'The review has not been held yet, so it has no minutes to export.',
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
    review_top_management_required:
      'レビューにはトップマネジメントの出席が必要です。トップマネジメントの役割を持つ利用者を、トップマネジメントとして一人以上加えてください。',
    review_attendee_not_top_management:
      'トップマネジメントとして出席できるのは、トップマネジメントの役割を持つ利用者だけです。',
    review_attendee_duplicate: 'この人はすでに出席者に含まれています。',
    attendee_name_required: '社外の出席者の氏名を入力するか、利用者を選んでください。',
    review_plan_closed: 'このレビューは実施済みまたは中止済みのため、計画を変更できません。',
    review_not_cancellable: '中止できるのは、まだ実施していないレビューだけです。',
    // reviews: the input pack
    review_inputs_not_planned:
      'インプットの準備は、レビューが計画段階にある間に一度だけ行えます。このレビューはその段階を過ぎています。',
    // reviews: minutes, decisions, approval, distribution
    review_hold_needs_inputs:
      '実施済みにできるのはインプットを準備したレビューだけです。先にインプットを準備してください（既に実施済みの場合もあります）。',
    review_held_on_future: 'レビューの実施日に未来の日付は指定できません。',
    review_minutes_not_editable:
      '議事録と決定事項を変更できるのは、レビューが実施済みで、議事録の承認依頼前の間だけです。',
    review_input_section_missing: 'このレビューのインプットにその項目はありません。',
    review_reason_procedure_only:
      '一覧から理由を選ぶのは手順の変更（6.3.b）の決定だけです。その種類を選ぶか、理由を空にしてください。',
    decision_amount_resources_only:
      '金額を持つのは必要な資源（6.3.c）の決定だけです。その種類を選ぶか、金額を空にしてください。',
    review_submit_needs_held: '承認を依頼できるのは実施済みのレビューの議事録だけです。',
    review_top_management_absent:
      'トップマネジメントの少なくとも一人が出席したと記録されていないため、議事録の承認を依頼できません。',
    review_distribute_needs_approval: '配付できるのはトップマネジメントが承認した議事録だけです。',
    review_already_distributed: 'この議事録は既に配付済みです。',
    // reviews: interested parties and feedback
    // reviews: minutes export
    review_minutes_not_started:
      'このレビューはまだ実施されていないため、出力できる議事録がありません。',
    interested_party_name_taken: '同じ名称の利害関係者がすでに登録されています。',
    interested_party_inactive: 'この利害関係者は無効のため、新しいフィードバックは記録できません。',
    feedback_date_future: '日付に今日より後の日は指定できません。',
    feedback_response_before_receipt: '回答日を受領日より前にすることはできません。',
    feedback_answered: 'このフィードバックは回答済みです。修正できるのはISMS管理責任者のみです。',
  } as Record<string, string>,
};
