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
    // reviews: minutes export
    review_minutes_not_started: 'The review has not been held yet, so it has no minutes to export.',
  } as Record<string, string>,
  ja: {
    // reviews: planning, attendees, settings
    // reviews: the input pack
    // reviews: minutes, decisions, approval, distribution
    // reviews: interested parties and feedback
    // reviews: minutes export
    review_minutes_not_started:
      'このレビューはまだ実施されていないため、出力できる議事録がありません。',
  } as Record<string, string>,
};
