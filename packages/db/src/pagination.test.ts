import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, fitsCursorType, InvalidCursorError } from './pagination.ts';

describe('cursor values are checked against the type they are cast to', () => {
  it('accepts what PostgreSQL prints for each type', () => {
    expect(fitsCursorType('2026-02-28', 'date')).toBe(true);
    expect(fitsCursorType('2026-12-06 07:11:22.123456+00', 'timestamptz')).toBe(true);
    expect(fitsCursorType('-1', 'int')).toBe(true);
    expect(fitsCursorType('6f1c9a52-2d1e-4d0b-9f3e-0a1b2c3d4e5f', 'uuid')).toBe(true);
    expect(fitsCursorType('anything at all', 'text')).toBe(true);
  });

  it('refuses values that would fail the cast in SQL', () => {
    expect(fitsCursorType('2026-02-30', 'date')).toBe(false);
    expect(fitsCursorType('2026-12-06 25:00:00+00', 'timestamptz')).toBe(false);
    expect(fitsCursorType('2026-12-06 07:11:22', 'date')).toBe(false);
    expect(fitsCursorType('3000000000', 'int')).toBe(false);
    expect(fitsCursorType('1.5', 'int')).toBe(false);
    expect(fitsCursorType('x', 'uuid')).toBe(false);
    expect(fitsCursorType('a\u0000b', 'text')).toBe(false);
  });

  it('decodeCursor throws InvalidCursorError for a value of the wrong type', () => {
    const id = '6f1c9a52-2d1e-4d0b-9f3e-0a1b2c3d4e5f';
    expect(decodeCursor(encodeCursor(['7', id]), 2, ['int', 'uuid'])).toEqual(['7', id]);
    expect(() => decodeCursor(encodeCursor(['x', id]), 2, ['int', 'uuid'])).toThrow(
      InvalidCursorError,
    );
  });
});
