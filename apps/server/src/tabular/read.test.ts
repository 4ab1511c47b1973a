import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import {
  DEFAULT_IMPORT_LIMITS,
  cellToText,
  detectCsvEncoding,
  detectFormat,
  readCsvRows,
} from './read.ts';
import { neutralize } from './write.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mamoru-tabular-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, content: Buffer | string) {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function rows(path: string) {
  const out: { row: number; cells: string[] }[] = [];
  for await (const r of readCsvRows(path, DEFAULT_IMPORT_LIMITS)) out.push(r);
  return out;
}

describe('CSV encodings', () => {
  it('reads UTF-8 with and without BOM, and Shift_JIS', async () => {
    const text = '資産コード,資産名\r\nA-1,給与計算\r\n';
    const utf8 = await file('utf8.csv', text);
    const bom = await file(
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    );
    const sjis = await file('sjis.csv', iconv.encode(text, 'Shift_JIS'));
    expect(await detectCsvEncoding(utf8)).toBe('utf8');
    expect(await detectCsvEncoding(bom)).toBe('utf8');
    expect(await detectCsvEncoding(sjis)).toBe('cp932');
    for (const path of [utf8, bom, sjis]) {
      expect(await rows(path)).toEqual([
        { row: 1, cells: ['資産コード', '資産名'] },
        { row: 2, cells: ['A-1', '給与計算'] },
      ]);
    }
  });

  it('still sees UTF-8 when the sniffed block cuts a character in half', async () => {
    // 64 KiB of ASCII minus one byte, then a three-byte character across the boundary.
    const path = await file('cut.csv', 'x'.repeat(64 * 1024 - 1) + '給与\n');
    expect(await detectCsvEncoding(path)).toBe('utf8');
  });

  it('keeps quoted line breaks in one record, numbering records as spreadsheet rows', async () => {
    const path = await file('quoted.csv', 'Code,Description\nA,"two\nlines"\nB,one\n');
    expect((await rows(path)).map((r) => [r.row, r.cells[0]])).toEqual([
      [1, 'Code'],
      [2, 'A'],
      [3, 'B'],
    ]);
  });

  it('tells XLSX (a ZIP archive) from CSV', async () => {
    expect(await detectFormat(await file('x.xlsx', Buffer.from('PK\x03\x04rest')))).toBe('xlsx');
    expect(await detectFormat(await file('x.csv', 'Code\n'))).toBe('csv');
  });
});

describe('cells', () => {
  it('reads every kind of XLSX cell as text', () => {
    expect(cellToText(null)).toBe('');
    expect(cellToText(3)).toBe('3');
    expect(cellToText(new Date(Date.UTC(2026, 3, 1)))).toBe('2026-04-01');
    expect(cellToText({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
    expect(cellToText({ text: 'link', hyperlink: 'https://x' })).toBe('link');
    expect(cellToText({ formula: 'A1*2', result: 4 })).toBe('4');
  });

  it('neutralizes what a spreadsheet would run as a formula', () => {
    expect(
      ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'plain', "'quoted"].map(neutralize),
    ).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", 'plain', "'quoted"]);
  });
});
