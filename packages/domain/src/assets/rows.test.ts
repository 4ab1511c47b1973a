import { describe, expect, it } from 'vitest';
import {
  cellText,
  parseDate,
  readAssetRow,
  readHeader,
  splitTags,
  type ImportReferences,
} from './rows.ts';

const refs: ImportReferences = {
  userByEmail: new Map([['owner@example.test', 'user-1']]),
  unitByCode: new Map([['IT', 'unit-1']]),
  locationByCode: new Map([['TKY', 'loc-1']]),
  classificationByKey: new Map([
    ['internal', 'level-2'],
    ['社外秘', 'level-2'],
  ]),
};

const EN = [
  'Code',
  'Name',
  'Category',
  'Owner',
  'Confidentiality',
  'Integrity',
  'Availability',
  'Tags',
];
const JA = ['資産コード', '資産名', '種別', '責任者', '機密性', '完全性', '可用性', 'タグ'];

describe('the header row', () => {
  it('reads English and Japanese column names alike', () => {
    const en = readHeader(EN);
    const ja = readHeader(JA);
    expect(en.problems).toEqual([]);
    expect(ja.problems).toEqual([]);
    expect(en.layout.columns.map((c) => c?.key)).toEqual(ja.layout.columns.map((c) => c?.key));
    expect(ja.layout.locale).toBe('ja');
    expect(en.layout.locale).toBe('en');
  });

  it('folds case, width and spacing, and knows aliases', () => {
    const { layout, problems } = readHeader([
      'ＣＯＤＥ',
      'asset_name',
      ' category ',
      'Owner Email',
    ]);
    expect(problems).toEqual([]);
    expect(layout.columns.map((c) => c?.key)).toEqual(['code', 'name', 'category', 'owner']);
  });

  it('reports unknown, repeated and missing columns', () => {
    const { problems } = readHeader(['Code', 'Name', 'Name', 'Colour']);
    expect(problems).toEqual([
      { row: 1, column: 'Name', code: 'column_duplicate' },
      { row: 1, column: 'Colour', code: 'column_unknown' },
      { row: 1, column: 'Category', code: 'column_missing' },
      { row: 1, column: 'Owner', code: 'column_missing' },
    ]);
  });

  it('needs C, I and A together, so the asset value can be derived', () => {
    const { problems } = readHeader([...EN.slice(0, 4), 'Confidentiality']);
    expect(problems.map((p) => p.column)).toEqual(['Integrity', 'Availability']);
  });

  it('ignores the derived asset value of an export', () => {
    const { layout, problems } = readHeader([...EN, 'Asset value']);
    expect(problems).toEqual([]);
    expect(layout.columns.at(-1)).toBeNull();
  });
});

describe('a data row', () => {
  const { layout } = readHeader(EN);

  it('becomes table values, with the asset value derived', () => {
    const { asset, problems } = readAssetRow(
      2,
      ['A-1', 'Payroll DB', 'information', 'Owner@Example.test', '3', '2', '1', 'hr; finance;hr'],
      layout,
      refs,
    );
    expect(problems).toEqual([]);
    expect(asset).toEqual({
      code: 'A-1',
      name: 'Payroll DB',
      category: 'information',
      ownerUserId: 'user-1',
      ownerUnitId: null,
      confidentiality: 3,
      integrity: 2,
      availability: 1,
      value: 3,
      tags: ['hr', 'finance'],
    });
  });

  it('accepts Japanese labels, full-width digits and a unit as owner', () => {
    const ja = readHeader(JA).layout;
    const { asset, problems } = readAssetRow(
      2,
      ['A-2', '給与', '情報', 'IT', '３', '２', '１', ''],
      ja,
      refs,
    );
    expect(problems).toEqual([]);
    expect(asset).toMatchObject({
      category: 'information',
      ownerUnitId: 'unit-1',
      confidentiality: 3,
      integrity: 2,
      availability: 1,
      value: 3,
    });
  });

  it('reports each bad cell by row and column, in the language of the header', () => {
    const { asset, problems } = readAssetRow(
      7,
      ['', 'x', 'furniture', 'nobody@example.test', '4', '2', '1', ''],
      layout,
      refs,
    );
    expect(asset).toBeNull();
    expect(problems).toEqual([
      { row: 7, column: 'Code', code: 'value_required' },
      { row: 7, column: 'Category', code: 'value_invalid', params: { value: 'furniture' } },
      {
        row: 7,
        column: 'Owner',
        code: 'reference_unknown',
        params: { value: 'nobody@example.test' },
      },
      { row: 7, column: 'Confidentiality', code: 'cia_out_of_range', params: { min: 1, max: 3 } },
    ]);
    const ja = readHeader(JA).layout;
    expect(readAssetRow(3, ['A', 'n', '情報', 'IT', '0', '1', '1', ''], ja, refs).problems).toEqual(
      [{ row: 3, column: '機密性', code: 'cia_out_of_range', params: { min: 1, max: 3 } }],
    );
  });

  it('refuses a row with C, I and A partly set, at each blank cell, and takes all blank', () => {
    expect(readAssetRow(5, ['A', 'n', 'software', 'IT', '2', '3', '', ''], layout, refs)).toEqual({
      asset: null,
      problems: [{ row: 5, column: 'Availability', code: 'cia_incomplete' }],
    });
    expect(
      readAssetRow(5, ['A', 'n', 'software', 'IT', '', '3', '', ''], layout, refs).problems,
    ).toEqual([
      { row: 5, column: 'Confidentiality', code: 'cia_incomplete' },
      { row: 5, column: 'Availability', code: 'cia_incomplete' },
    ]);
    const blank = readAssetRow(5, ['A', 'n', 'software', 'IT', '', '', '', ''], layout, refs);
    expect(blank.problems).toEqual([]);
    expect(blank.asset).toMatchObject({
      confidentiality: null,
      integrity: null,
      availability: null,
    });
  });

  it('checks lengths, dates and tags', () => {
    const l = readHeader(['Code', 'Name', 'Category', 'Owner', 'Next review date', 'Tags']).layout;
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`).join(';');
    const { problems } = readAssetRow(
      4,
      ['x'.repeat(65), 'n', 'software', 'IT', '2025-02-30', many],
      l,
      refs,
    );
    expect(problems.map((p) => p.code)).toEqual(['value_too_long', 'date_invalid', 'tags_invalid']);
  });
});

describe('cells', () => {
  it('takes off the apostrophe an export put before a formula character', () => {
    expect(cellText('\'=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
    expect(cellText("'-5")).toBe('-5');
    expect(cellText("it's")).toBe("it's");
    expect(cellText('  padded ')).toBe('padded');
  });

  it('parses dates in the usual forms only when they exist', () => {
    expect(parseDate('2026-04-01')).toBe('2026-04-01');
    expect(parseDate('2026/4/1')).toBe('2026-04-01');
    expect(parseDate('２０２６／０４／０１')).toBe('2026-04-01');
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('01/04/2026')).toBeNull();
  });

  it('splits tags on ; , and 、, dropping blanks and repeats', () => {
    expect(splitTags('a; b、c,, a ;')).toEqual(['a', 'b', 'c']);
  });
});
