import type { Locale } from '@mamoru/contracts';

/**
 * The attendance import file: a header row (ja or en) and one person a row,
 * named by email, with a status (出席/欠席/attended/absent; attended when
 * blank) and a note. Pure parsing: which user an email is, and whether the
 * caller may record them, is decided by the import against the database.
 */

export type AttendanceColumnKey = 'email' | 'status' | 'note';

export const ATTENDANCE_COLUMNS: readonly {
  key: AttendanceColumnKey;
  header: Record<Locale, string>;
  required: boolean;
  /** Other spellings accepted in a header (lower case, no spaces). */
  aliases: readonly string[];
}[] = [
  {
    key: 'email',
    header: { ja: 'メールアドレス', en: 'email' },
    required: true,
    aliases: ['email', 'e-mail', 'mail', 'emailaddress', 'メールアドレス', 'メール', 'eメール'],
  },
  {
    key: 'status',
    header: { ja: '出欠', en: 'status' },
    required: false,
    aliases: ['status', 'attendance', '出欠', '状態', '出席'],
  },
  {
    key: 'note',
    header: { ja: '備考', en: 'note' },
    required: false,
    aliases: ['note', 'notes', 'remarks', 'comment', '備考', 'メモ', 'コメント'],
  },
];

/** The column's name in the caller's language (problems name columns this way). */
export const attendanceColumnLabel = (key: AttendanceColumnKey, locale: Locale) =>
  ATTENDANCE_COLUMNS.find((c) => c.key === key)!.header[locale];

const normalize = (text: string) => text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');

export const NOTE_MAX = 2000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A problem of the file; `column` is a column key, or the header text as written. */
export interface ImportProblem {
  column: string;
  code: string;
  params?: Record<string, string | number>;
}

export type HeaderResult =
  { ok: true; columns: (AttendanceColumnKey | null)[] } | { ok: false; problems: ImportProblem[] };

/** Maps the header's cells to columns; unknown, repeated or missing columns are problems. */
export function readAttendanceHeader(cells: readonly string[]): HeaderResult {
  const problems: ImportProblem[] = [];
  const seen = new Set<AttendanceColumnKey>();
  const columns = cells.map((raw): AttendanceColumnKey | null => {
    const name = normalize(raw);
    if (!name) return null;
    const column = ATTENDANCE_COLUMNS.find((c) => c.aliases.includes(name));
    if (!column) {
      problems.push({ column: raw.trim(), code: 'column_unknown' });
      return null;
    }
    if (seen.has(column.key)) {
      problems.push({ column: column.key, code: 'column_duplicate' });
      return null;
    }
    seen.add(column.key);
    return column.key;
  });
  for (const c of ATTENDANCE_COLUMNS) {
    if (c.required && !seen.has(c.key)) problems.push({ column: c.key, code: 'column_missing' });
  }
  return problems.length ? { ok: false, problems } : { ok: true, columns };
}

const STATUS: Record<string, 'attended' | 'absent'> = {
  attended: 'attended',
  present: 'attended',
  出席: 'attended',
  済: 'attended',
  absent: 'absent',
  欠席: 'absent',
};

export interface ParsedAttendanceRow {
  row: number;
  /** Lower-cased email, or null when the cell is blank. */
  email: string | null;
  status: 'attended' | 'absent';
  note: string;
  problems: ImportProblem[];
}

/** One data row; a row with every cell blank is null (not reported). */
export function parseAttendanceRow(
  row: number,
  cells: readonly string[],
  columns: readonly (AttendanceColumnKey | null)[],
): ParsedAttendanceRow | null {
  const value: Partial<Record<AttendanceColumnKey, string>> = {};
  columns.forEach((key, i) => {
    if (key) value[key] = (cells[i] ?? '').trim();
  });
  if (cells.every((cell) => cell.trim() === '')) return null;
  const problems: ImportProblem[] = [];
  const rawEmail = value.email ?? '';
  let email: string | null = null;
  if (!rawEmail) problems.push({ column: 'email', code: 'value_required' });
  else if (!EMAIL.test(rawEmail) || rawEmail.length > 320) {
    problems.push({
      column: 'email',
      code: 'attendance_import_email_invalid',
      params: { value: rawEmail },
    });
  } else email = rawEmail.toLowerCase();
  const rawStatus = value.status ?? '';
  const status = rawStatus ? STATUS[normalize(rawStatus)] : 'attended';
  if (!status) {
    problems.push({
      column: 'status',
      code: 'attendance_import_status_invalid',
      params: { value: rawStatus },
    });
  }
  const note = value.note ?? '';
  if (note.length > NOTE_MAX) {
    problems.push({ column: 'note', code: 'value_too_long', params: { max: NOTE_MAX } });
  }
  return { row, email, status: status ?? 'attended', note, problems };
}
