import { describe, expect, it } from 'vitest';
import { parseCsv, readMeasurementsCsv } from './csv.ts';

describe('measurements CSV', () => {
  it('parses quoted fields, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,"b,""c"""\r\n1,2\n\n')).toEqual([
      ['a', 'b,"c"'],
      ['1', '2'],
    ]);
  });

  it('reads Japanese headers in any order and slashed dates', () => {
    const r = readMeasurementsCsv(
      '備考,測定値,測定日\n四月,"1,250.5",2026/4/30\n,80,2026-05-31\n',
      '2026-06-01',
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { measuredOn: '2026-04-30', value: 1250.5, note: '四月' },
      { measuredOn: '2026-05-31', value: 80, note: '' },
    ]);
  });

  it('refuses the whole file with one error per faulty cell', () => {
    const r = readMeasurementsCsv(
      'measured_on,value\n2026-02-30,1\n2026-03-01,abc\n2026-07-01,\n2026-03-02,4\n',
      '2026-06-01',
    );
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([
      { row: 2, column: 'measuredOn', code: 'csv_date_invalid' },
      { row: 3, column: 'value', code: 'csv_number_invalid' },
      { row: 4, column: 'measuredOn', code: 'objective_measurement_future' },
      { row: 4, column: 'value', code: 'csv_number_invalid' },
    ]);
  });

  it('names a missing column and an empty file', () => {
    expect(readMeasurementsCsv('date,note\n2026-01-01,x\n', '2026-06-01').errors).toEqual([
      { row: 1, column: 'value', code: 'csv_column_missing' },
    ]);
    expect(readMeasurementsCsv('', '2026-06-01').errors[0]!.code).toBe('csv_empty');
  });
});
