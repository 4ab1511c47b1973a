import { describe, expect, it } from 'vitest';
import { displayIdIn } from './display-id.ts';

describe('display IDs', () => {
  it('keeps the standard’s form for Japanese readers', () => {
    expect(displayIdIn({ id: '4.2.1.b.1', displayId: '第4 2.(1) b (ア)' }, 'ja')).toBe(
      '第4 2.(1) b (ア)',
    );
    expect(displayIdIn({ id: '9.4.9', displayId: '9(4)⑨' }, 'ja')).toBe('9(4)⑨');
  });

  it('builds the ISO-style form for English readers', () => {
    const en = (id: string, displayId: string) => displayIdIn({ id, displayId }, 'en');
    expect(en('4.2.1.b.1', '第4 2.(1) b (ア)')).toBe('4.2.1 b (1)');
    expect(en('6.4.a', '第6 4. a')).toBe('6.4 a');
    expect(en('4.2.3.a.1', '第4 2.(3) a (ア)')).toBe('4.2.3 a (1)');
    expect(en('4.1', '第4 1.')).toBe('4.1');
    expect(en('4', '第4')).toBe('4');
    expect(en('9.4.9', '9(4)⑨')).toBe('A.9.4.9');
    expect(en('9.4', '9(4)')).toBe('A.9.4');
    expect(en('9', '9')).toBe('A.9');
  });

  it('writes ISO/IEC 27001:2022 clauses as ISO does in English, and keeps JIS’s 箇条 in Japanese', () => {
    const req = (id: string, displayId: string, locale: string) =>
      displayIdIn({ id, displayId, kind: 'requirement' }, locale);
    expect(req('4', '箇条4', 'en')).toBe('Clause 4');
    expect(req('10', '箇条10', 'en')).toBe('Clause 10');
    expect(req('4', '箇条4', 'ja')).toBe('箇条4');
    // Sub-clauses read the same in both languages, as in the standard.
    expect(req('4.1', '4.1', 'en')).toBe('4.1');
    expect(req('6.1.2', '6.1.2', 'en')).toBe('6.1.2');
    expect(req('6.1.2', '6.1.2', 'ja')).toBe('6.1.2');
    // Without the kind (e.g. a search hit), the 箇条 form alone is enough.
    expect(displayIdIn({ id: '9', displayId: '箇条9' }, 'en')).toBe('Clause 9');
  });

  it('never gives a requirement clause an annex letter', () => {
    expect(displayIdIn({ id: '4', displayId: '4', kind: 'requirement' }, 'en')).toBe('4');
    expect(displayIdIn({ id: '4', displayId: '4', kind: 'domain' }, 'en')).toBe('A.4');
  });

  it('shows the Annex A controls of the 2022, 2013 and 2005 editions as numbered', () => {
    for (const locale of ['en', 'ja']) {
      expect(displayIdIn({ id: '5', displayId: 'A.5', kind: 'domain' }, locale)).toBe('A.5');
      expect(displayIdIn({ id: '5.7', displayId: 'A.5.7', kind: 'control' }, locale)).toBe('A.5.7');
      expect(displayIdIn({ id: '8.34', displayId: 'A.8.34' }, locale)).toBe('A.8.34');
      expect(displayIdIn({ id: '18.2.3', displayId: 'A.18.2.3' }, locale)).toBe('A.18.2.3');
      expect(displayIdIn({ id: '10.10.6', displayId: 'A.10.10.6' }, locale)).toBe('A.10.10.6');
    }
  });

  it('shows ISO/IEC 17799:2000’s own clause numbers without an annex letter', () => {
    for (const locale of ['en', 'ja']) {
      expect(displayIdIn({ id: '3', displayId: '3.', kind: 'domain' }, locale)).toBe('3.');
      expect(displayIdIn({ id: '3.1', displayId: '3.1', kind: 'objective' }, locale)).toBe('3.1');
      expect(displayIdIn({ id: '9.5.6', displayId: '9.5.6', kind: 'control' }, locale)).toBe(
        '9.5.6',
      );
    }
  });

  it('shows an organization’s own IDs as written', () => {
    expect(displayIdIn({ id: 'org.acme-1', displayId: 'ACME-1' }, 'en')).toBe('ACME-1');
    expect(displayIdIn({ id: 'org.acme-1', displayId: 'ACME-1' }, 'ja')).toBe('ACME-1');
  });
});
