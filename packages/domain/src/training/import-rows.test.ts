import { describe, expect, it } from 'vitest';
import { attendanceColumnLabel, parseAttendanceRow, readAttendanceHeader } from './import-rows.ts';

describe('attendance import header', () => {
  it('reads Japanese and English headers, full-width and spaced spellings', () => {
    expect(readAttendanceHeader(['メールアドレス', '出欠', '備考'])).toEqual({
      ok: true,
      columns: ['email', 'status', 'note'],
    });
    expect(readAttendanceHeader([' E-mail ', 'Status', '', 'Note'])).toEqual({
      ok: true,
      columns: ['email', 'status', null, 'note'],
    });
    expect(readAttendanceHeader(['ＥＭＡＩＬ'])).toEqual({ ok: true, columns: ['email'] });
  });

  it('names unknown, repeated and missing columns', () => {
    expect(readAttendanceHeader(['氏名', '備考', 'note'])).toEqual({
      ok: false,
      problems: [
        { column: '氏名', code: 'column_unknown' },
        { column: 'note', code: 'column_duplicate' },
        { column: 'email', code: 'column_missing' },
      ],
    });
  });

  it('labels columns in the caller language', () => {
    expect(attendanceColumnLabel('email', 'ja')).toBe('メールアドレス');
    expect(attendanceColumnLabel('status', 'en')).toBe('status');
  });
});

describe('attendance import row', () => {
  const columns = ['email', 'status', 'note'] as const;

  it('lower-cases the email and reads ja/en statuses, attended when blank', () => {
    expect(parseAttendanceRow(2, ['Aoi@Example.com', '欠席', '体調不良'], columns)).toEqual({
      row: 2,
      email: 'aoi@example.com',
      status: 'absent',
      note: '体調不良',
      problems: [],
    });
    expect(parseAttendanceRow(3, ['b@example.com', ' Attended '], columns)?.status).toBe(
      'attended',
    );
    expect(parseAttendanceRow(4, ['c@example.com', ''], columns)?.status).toBe('attended');
    expect(parseAttendanceRow(5, ['d@example.com', '出席'], columns)?.status).toBe('attended');
  });

  it('ignores a blank row', () => {
    expect(parseAttendanceRow(6, ['', ' ', ''], columns)).toBeNull();
  });

  it('reports each bad cell with its column', () => {
    const row = parseAttendanceRow(7, ['not-an-email', '遅刻', 'x'.repeat(2001)], columns);
    expect(row?.email).toBeNull();
    expect(row?.problems).toEqual([
      {
        column: 'email',
        code: 'attendance_import_email_invalid',
        params: { value: 'not-an-email' },
      },
      { column: 'status', code: 'attendance_import_status_invalid', params: { value: '遅刻' } },
      { column: 'note', code: 'value_too_long', params: { max: 2000 } },
    ]);
    expect(parseAttendanceRow(8, ['', '出席'], columns)?.problems).toEqual([
      { column: 'email', code: 'value_required' },
    ]);
  });
});
