/**
 * Keyset pagination: a cursor is the sort key of the last row of a page,
 * opaque to clients (base64url JSON), so pages stay fast however deep.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export class InvalidCursorError extends Error {}

/** The SQL types a cursor's values are cast to; each is checked before it reaches SQL. */
export type CursorType = 'text' | 'int' | 'date' | 'timestamptz' | 'uuid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// As PostgreSQL prints them: 2026-12-06, 2026-12-06 07:11:22.123456+00.
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function validDate(text: string, withTime: boolean) {
  const m = TIMESTAMP.exec(text);
  if (!m || (!withTime && m[4] !== undefined)) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Whether a decoded value casts to the type: a made-up cursor is the client's
 * error (400), not a failed query (500).
 */
export function fitsCursorType(value: string | number, type: CursorType): boolean {
  const text = String(value);
  if (text.includes('\u0000')) return false; // PostgreSQL text cannot hold NUL
  switch (type) {
    case 'text':
      return true;
    case 'int':
      return /^-?\d{1,10}$/.test(text) && Math.abs(Number(text)) <= 2_147_483_647;
    case 'uuid':
      return UUID.test(text);
    case 'date':
      return validDate(text, false);
    case 'timestamptz':
      return validDate(text, true);
  }
}

export function decodeCursor(
  cursor: string | undefined,
  arity: number,
  types?: readonly CursorType[],
): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === arity &&
      value.every((v) => typeof v === 'string' || typeof v === 'number') &&
      (!types || value.every((v: string | number, i) => fitsCursorType(v, types[i] ?? 'text')))
    ) {
      return value as (string | number)[];
    }
  } catch {
    // fall through: a malformed cursor is the caller's error
  }
  throw new InvalidCursorError('invalid cursor');
}

/** Builds a page from limit+1 fetched rows: the extra row only signals that more exist. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  };
}
