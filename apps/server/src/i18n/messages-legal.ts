/**
 * Problem texts of the legal register (spread into messages.ts); both locales
 * hold the same keys (a test checks).
 */
export const legalMessages = {
  en: {
    legal_code_taken: 'Another obligation was added at the same moment; save again.',
    legal_obligation_retired:
      'This obligation is retired; make it active again before reviewing it.',
    legal_review_in_future: 'Record a review once it has been made, not ahead of time.',
    legal_next_review_before_review: 'The next review must come after this one.',
  },
  ja: {
    legal_code_taken: '同時に別の法的要求事項が追加されました。もう一度保存してください。',
    legal_obligation_retired:
      'この法的要求事項は廃止済みです。レビューするには、まず有効に戻してください。',
    legal_review_in_future: 'レビューは実施した後に記録してください。先の日付は指定できません。',
    legal_next_review_before_review: '次回のレビュー日は、今回のレビュー日より後にしてください。',
  },
};
