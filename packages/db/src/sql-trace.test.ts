import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqlTraceFile, traceLogger, traceStatement } from './sql-trace.ts';

describe('SQL trace', () => {
  it('is off unless MAMORU_SQL_TRACE names a file', () => {
    expect(sqlTraceFile({})).toBeUndefined();
    expect(sqlTraceFile({ MAMORU_SQL_TRACE: '' })).toBeUndefined();
    expect(sqlTraceFile({ MAMORU_SQL_TRACE: '/tmp/t.jsonl' })).toBe('/tmp/t.jsonl');
  });

  it('appends one JSON line per statement, values as node-postgres sends them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sql-trace-'));
    const file = join(dir, 'trace.jsonl');
    try {
      traceLogger(file).logQuery('select $1, $2, $3', [
        new Date('2026-12-07T05:00:00Z'),
        10n,
        Buffer.from([1, 255]),
      ]);
      traceStatement(file, 'select 1');
      const lines = readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines).toEqual([
        { text: 'select $1, $2, $3', params: ['2026-12-07T05:00:00.000Z', '10', '\\x01ff'] },
        { text: 'select 1', params: [] },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
