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

  it('shows an organization’s own IDs as written', () => {
    expect(displayIdIn({ id: 'org.acme-1', displayId: 'ACME-1' }, 'en')).toBe('ACME-1');
    expect(displayIdIn({ id: 'org.acme-1', displayId: 'ACME-1' }, 'ja')).toBe('ACME-1');
  });
});
