import { describe, expect, it } from 'vitest';
import { detectBrowserLocale, detectLocale, LOCALE_STORAGE_KEY, localeOfTag } from './index';

describe('detectLocale', () => {
  it('a stored choice wins over the browser', () => {
    expect(detectLocale({ stored: 'en', languages: ['ja-JP', 'ja'] })).toBe('en');
    expect(detectLocale({ stored: 'ja', languages: ['en-US'] })).toBe('ja');
  });

  it('ignores a stored value that is not a product locale', () => {
    expect(detectLocale({ stored: 'fr', languages: ['ja'] })).toBe('ja');
    expect(detectLocale({ stored: '', languages: [] })).toBe('en');
  });

  it('uses Japanese when the browser prefers Japanese', () => {
    expect(detectLocale({ stored: null, languages: ['ja-JP', 'en-US'] })).toBe('ja');
    expect(detectLocale({ stored: null, languages: ['ja'] })).toBe('ja');
    // Japanese ranked above English, after a language we do not have
    expect(detectLocale({ stored: null, languages: ['fr-FR', 'ja', 'en'] })).toBe('ja');
  });

  it('uses English for any other browser', () => {
    expect(detectLocale({ stored: null, languages: ['en-US', 'ja'] })).toBe('en');
    expect(detectLocale({ stored: null, languages: ['de-DE', 'fr'] })).toBe('en');
    expect(detectLocale({ stored: undefined, languages: [] })).toBe('en');
  });

  it('maps language tags to locales', () => {
    expect(localeOfTag('JA-jp')).toBe('ja');
    expect(localeOfTag('en_GB')).toBe('en');
    expect(localeOfTag('zh-Hant')).toBeUndefined();
  });

  it('reads localStorage and navigator.languages in the browser', () => {
    const languages = Object.getOwnPropertyDescriptor(window.navigator, 'languages');
    Object.defineProperty(window.navigator, 'languages', { value: ['ja-JP'], configurable: true });
    try {
      expect(detectBrowserLocale()).toBe('ja');
      window.localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
      expect(detectBrowserLocale()).toBe('en');
    } finally {
      if (languages) Object.defineProperty(window.navigator, 'languages', languages);
      else delete (window.navigator as { languages?: unknown }).languages;
    }
  });
});
