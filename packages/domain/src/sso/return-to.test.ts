import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './saml.ts';

describe('the page to open after single sign-on', () => {
  it('keeps a path of this site', () => {
    expect(safeReturnTo('/risks?view=mine#top')).toBe('/risks?view=mine#top');
  });

  it('drops anything a browser could read as another site', () => {
    for (const value of [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example/',
      '/\t/evil.example/',
      '/\n/evil.example/',
      'risks',
      '',
      42,
      `/${'a'.repeat(2000)}`,
    ]) {
      expect(safeReturnTo(value), JSON.stringify(value)).toBeNull();
    }
  });
});
