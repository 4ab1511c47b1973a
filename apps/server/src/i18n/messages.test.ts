import { describe, expect, it } from 'vitest';
import { messages, negotiateLocale, translate } from './messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('server message catalogs', () => {
  it('hold exactly the same keys in ja and en', () => {
    expect(Object.keys(messages.ja).sort()).toEqual(Object.keys(messages.en).sort());
    expect(Object.keys(messages.en).length).toBeGreaterThan(0);
  });

  it('have no empty texts', () => {
    for (const [locale, catalog] of Object.entries(messages)) {
      for (const [key, text] of Object.entries(catalog)) {
        expect(text.trim(), `${locale}.${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, en] of Object.entries(messages.en)) {
      expect(placeholders(messages.ja[key] ?? ''), key).toEqual(placeholders(en));
    }
  });

  it('write Japanese texts in Japanese', () => {
    for (const [key, text] of Object.entries(messages.ja)) {
      expect(text, key).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });
});

describe('translate', () => {
  it('fills placeholders and never shows an unfilled one', () => {
    expect(translate('en', 'body_too_large', { limit: 1024 })).toBe(
      'The request body is larger than the limit of 1024 bytes.',
    );
    expect(translate('ja', 'too_many_requests', { seconds: 5 })).toBe(
      'リクエストが多すぎます。5 秒後に再試行してください。',
    );
    expect(translate('en', 'body_too_large')).not.toContain('{limit}');
    expect(translate('ja', 'import_unreadable')).not.toMatch(/\{\w+\}/);
  });

  it('falls back to the code for an unknown key', () => {
    expect(translate('ja', 'no_such_code')).toBe('no_such_code');
  });
});

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['ja', 'ja'],
    ['JA-jp', 'ja'],
    ['en', 'en'],
    ['ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7', 'ja'],
    ['en-US,en;q=0.9,ja;q=0.8', 'en'],
    ['en;q=0.5, ja;q=0.9', 'ja'],
    ['en;Q=0.5, ja;Q=0.9', 'ja'],
    ['fr-FR, de;q=0.9, ja;q=0.3', 'ja'],
    ['fr, de', 'en'],
    ['*', 'en'],
    ['ja;q=0, en;q=0.1', 'en'],
    ['ja;q=0', 'en'],
    ['jam, ja;q=0.5', 'ja'],
    ['jam', 'en'],
    ['english', 'en'],
  ] as const)('%j → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});
