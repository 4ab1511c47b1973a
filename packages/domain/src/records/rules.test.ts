import { describe, expect, it } from 'vitest';
import { disposalBlocker, retentionEnd, searchTextOf } from './rules.ts';

describe('retentionEnd', () => {
  it('adds months and years', () => {
    expect(retentionEnd('2026-04-15', 3, 'months')).toBe('2026-07-15');
    expect(retentionEnd('2026-04-15', 5, 'years')).toBe('2031-04-15');
    expect(retentionEnd('2026-11-30', 2, 'months')).toBe('2027-01-30');
    expect(retentionEnd('2026-04-15', 0, 'months')).toBe('2026-04-15');
  });
  it('lands on the last day of a shorter month', () => {
    expect(retentionEnd('2026-01-31', 1, 'months')).toBe('2026-02-28');
    expect(retentionEnd('2027-01-31', 13, 'months')).toBe('2028-02-29');
    expect(retentionEnd('2024-02-29', 1, 'years')).toBe('2025-02-28');
  });
});

describe('disposalBlocker', () => {
  const record = { status: 'active', legalHold: false, retentionEnd: '2026-06-30' };
  it('refuses before the retention end, including its last day', () => {
    expect(disposalBlocker(record, '2026-06-01')).toBe('record_retention_not_ended');
    expect(disposalBlocker(record, '2026-06-30')).toBe('record_retention_not_ended');
    expect(disposalBlocker(record, '2026-07-01')).toBeNull();
  });
  it('refuses under legal hold even after retention', () => {
    expect(disposalBlocker({ ...record, legalHold: true }, '2030-01-01')).toBe('record_legal_hold');
  });
  it('refuses a record already disposed of or awaiting approval', () => {
    expect(disposalBlocker({ ...record, status: 'disposed' }, '2030-01-01')).toBe(
      'record_disposed',
    );
    expect(disposalBlocker({ ...record, status: 'disposal_pending' }, '2030-01-01')).toBe(
      'record_disposal_pending',
    );
  });
});

describe('searchTextOf', () => {
  it('normalizes width and case so that ｱｸｾｽ and ＡＢＣ match アクセス and abc', () => {
    const text = searchTextOf({
      title: 'ｱｸｾｽログ ＡＢＣ',
      description: '',
      entries: { 担当: '情報システム部' },
      links: [{ label: 'Server room', id: 'A-1' }],
    });
    expect(text).toContain('アクセスログ abc');
    expect(text).toContain('情報システム部');
    expect(text).toContain('server room');
  });
});
