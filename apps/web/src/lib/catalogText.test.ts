import { describe, expect, it } from 'vitest';
import { otherText, pickText, searchWords, textIn } from './catalogText';

describe('catalog texts', () => {
  const both = { ja: '暗号化', en: 'Encryption' };

  it('picks the UI language when the text has it', () => {
    expect(pickText(both, 'ja')).toEqual({ text: '暗号化', lang: 'ja', fallback: false });
    expect(pickText(both, 'en')).toEqual({ text: 'Encryption', lang: 'en', fallback: false });
    expect(pickText({ 'en-GB': 'Colour' }, 'en')).toEqual({
      text: 'Colour',
      lang: 'en-GB',
      fallback: false,
    });
  });

  it('falls back to the other product language, then any, and says so', () => {
    expect(pickText({ en: 'Access reviews' }, 'ja')).toEqual({
      text: 'Access reviews',
      lang: 'en',
      fallback: true,
    });
    expect(pickText({ de: 'Zugriff', ja: 'アクセス' }, 'en')).toEqual({
      text: 'アクセス',
      lang: 'ja',
      fallback: true,
    });
    expect(pickText({ de: 'Zugriff' }, 'en')?.lang).toBe('de');
    expect(pickText({ ja: '  ', en: 'Only' }, 'ja')?.text).toBe('Only');
    expect(pickText(null, 'en')).toBeNull();
    expect(textIn(undefined, 'en')).toBe('');
  });

  it('gives the other language for showing both', () => {
    expect(otherText(both, 'ja')?.text).toBe('Encryption');
    expect(otherText(both, 'en')?.text).toBe('暗号化');
    expect(otherText({ en: 'x' }, 'en')).toBeNull();
  });

  it('splits a search into distinct words, as the server does', () => {
    expect(searchWords('  暗号  key  暗号 ')).toEqual(['暗号', 'key']);
    expect(searchWords('')).toEqual([]);
  });
});
