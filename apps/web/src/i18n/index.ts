import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@mamoru/contracts';
import type { en } from './en.ts';
import type { LazyAreaStrings } from './lazy-areas.tsx';

export type { Locale };

/** The product languages, in the order the language switch shows them. */
export const LOCALES = ['ja', 'en'] as const satisfies readonly Locale[];
export const DEFAULT_LOCALE: Locale = 'en';
/** Where the user's explicit choice is kept; it wins over the browser's preference. */
export const LOCALE_STORAGE_KEY = 'mamoru.locale';

/** The strings of one language a visit starts with (en.ts, ja.ts). */
export type BaseTranslation = typeof en;
/** Every string of one language, the areas loaded on first use included (lazy-areas.tsx). */
export type Translation = BaseTranslation & LazyAreaStrings;

/** Each language is a chunk of its own: a visitor downloads only the one shown. */
const loaders: Record<Locale, () => Promise<BaseTranslation>> = {
  en: () => import('./en.ts').then((m) => m.en),
  ja: () => import('./ja.ts').then((m) => m.ja),
};

/** Fetches a language's strings (a chunk of the build). */
export function fetchTranslation(locale: Locale): Promise<BaseTranslation> {
  return loaders[locale]();
}

/** Adds a language's strings to the initialized i18next, fetching them on first use. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (i18n.hasResourceBundle(locale, 'translation')) return;
  i18n.addResourceBundle(locale, 'translation', await fetchTranslation(locale));
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag such as `ja-JP` or `en-US` to a product locale, if we have one. */
export function localeOfTag(tag: string): Locale | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : undefined;
}

export interface LocaleSignals {
  /** The value stored under LOCALE_STORAGE_KEY, if any. */
  stored: string | null | undefined;
  /** The browser's preferred languages, most preferred first (navigator.languages). */
  languages: readonly string[];
}

/**
 * Picks the UI language: a stored choice wins; otherwise the first browser
 * language we support decides (so a browser that prefers Japanese gets
 * Japanese); otherwise English.
 */
export function detectLocale({ stored, languages }: LocaleSignals): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of languages) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

export function readStoredLocale(): string | null {
  try {
    return globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY) ?? null;
  } catch {
    // Storage can be disabled (privacy settings); fall back to the browser's preference.
    return null;
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  if (navigator.languages?.length) return navigator.languages;
  return navigator.language ? [navigator.language] : [];
}

export function detectBrowserLocale(): Locale {
  return detectLocale({ stored: readStoredLocale(), languages: browserLanguages() });
}

function applyDocumentLanguage(locale: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/**
 * Initializes i18next once, synchronously, with the strings given (at least the
 * locale's: main.tsx awaits loadLocale first; tests pass both), and sets <html lang>.
 */
export function initI18n(
  locale: Locale,
  translations: Partial<Record<Locale, BaseTranslation | Translation>>,
) {
  if (i18n.isInitialized) {
    for (const [lng, strings] of Object.entries(translations))
      if (!i18n.hasResourceBundle(lng, 'translation'))
        i18n.addResourceBundle(lng, 'translation', strings);
    void i18n.changeLanguage(locale);
    return i18n;
  }
  const resources = Object.fromEntries(
    Object.entries(translations).map(([lng, strings]) => [lng, { translation: strings }]),
  );
  i18n.on('languageChanged', applyDocumentLanguage);
  void i18n.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
    initAsync: false,
  });
  applyDocumentLanguage(locale);
  return i18n;
}

/** Switches the UI language and remembers the choice for the next visit. */
export async function setLocale(locale: Locale) {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not persisted when storage is unavailable; the switch still applies to this visit.
  }
  await loadLocale(locale);
  await i18n.changeLanguage(locale);
}

/** The language the UI currently shows. */
export function currentLocale(): Locale {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

export { i18n };
