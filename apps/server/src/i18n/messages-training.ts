/**
 * Problem texts of the training area (spread into messages.ts), one block per part
 * of the area; both locales hold the same keys (a test checks).
 */
export const trainingMessages = {
  en: {} as Record<string, string>,
  ja: {} as Record<string, string>,
};
