/** A bilingual server text in the UI language, falling back to the other one when empty. */
export const inLang = (text: { ja: string; en: string }, language: string) =>
  (language.startsWith('ja') ? text.ja : text.en) || text.ja || text.en;
