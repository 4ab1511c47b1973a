import { useTranslation } from 'react-i18next';

/** A catalog text per BCP 47 language tag, as the API sends it. */
export type Texts = Readonly<Record<string, string>> | null | undefined;

export interface PickedText {
  text: string;
  /** The language of `text` (for the `lang` attribute). */
  lang: string;
  /** True when the wanted language was missing and another one is shown. */
  fallback: boolean;
}

/** The primary subtag, lower case: `ja-JP` → `ja`. */
function primary(tag: string) {
  return tag.toLowerCase().split('-')[0] ?? tag;
}

/**
 * The text in `language`, else in the other product language, else in any
 * language it has. Shipped libraries carry ja and en everywhere; an imported
 * library may carry only one (then the result is marked as a fallback).
 */
export function pickText(texts: Texts, language: string): PickedText | null {
  if (!texts) return null;
  const entries = Object.entries(texts).filter(([, value]) => value.trim() !== '');
  if (entries.length === 0) return null;
  const wanted = primary(language);
  const exact = entries.find(([tag]) => primary(tag) === wanted);
  if (exact) return { text: exact[1], lang: exact[0], fallback: false };
  const order = ['ja', 'en'];
  const next =
    entries.find(([tag]) => order.includes(primary(tag)) && primary(tag) !== wanted) ?? entries[0]!;
  return { text: next[1], lang: next[0], fallback: true };
}

/** The text in the other product language than `language`, if the texts have it. */
export function otherText(texts: Texts, language: string): PickedText | null {
  if (!texts) return null;
  const other = primary(language) === 'ja' ? 'en' : 'ja';
  const found = Object.entries(texts).find(
    ([tag, value]) => primary(tag) === other && value.trim() !== '',
  );
  return found ? { text: found[1], lang: found[0], fallback: false } : null;
}

/** Plain text of a catalog text in the UI language (with fallback), '' when absent. */
export function textIn(texts: Texts, language: string) {
  return pickText(texts, language)?.text ?? '';
}

/** The UI language, for choosing catalog texts; re-renders when it changes. */
export function useCatalogLanguage() {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage ?? i18n.language ?? 'en';
}

/** How search compares text (as the server does): NFKC, lower case. */
export function normalizeForSearch(text: string) {
  return text.normalize('NFKC').toLowerCase();
}

/** The words of a search, as the server splits them (for highlighting). */
export function searchWords(q: string) {
  return [...new Set(q.trim().split(/\s+/).filter(Boolean))].slice(0, 8);
}
