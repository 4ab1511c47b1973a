/**
 * Problem texts of the management review area (spread into messages.ts), one
 * block per part of the area; both locales hold the same keys (a test checks).
 */
export const reviewsMessages = {
  en: {
    // reviews: planning, attendees, settings
    // reviews: the input pack
    review_inputs_not_planned:
      'The inputs are prepared once, while the review is still planned; this review is past that step.',
    // reviews: minutes, decisions, approval, distribution
    // reviews: interested parties and feedback
  } as Record<string, string>,
  ja: {
    // reviews: planning, attendees, settings
    // reviews: the input pack
    review_inputs_not_planned:
      'インプットの準備は、レビューが計画段階にある間に一度だけ行えます。このレビューはその段階を過ぎています。',
    // reviews: minutes, decisions, approval, distribution
    // reviews: interested parties and feedback
  } as Record<string, string>,
};
