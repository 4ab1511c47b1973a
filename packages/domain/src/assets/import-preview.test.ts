import { describe, expect, it } from 'vitest';
import type { AssetRow, ImportColumn } from '@mamoru/db/repositories/assets';
import { changedFields, previewRow, wordValue, type ReferenceLabels } from './import-preview.ts';
import type { ImportedAsset } from './rows.ts';

const labels: ReferenceLabels = {
  emailByUser: new Map([['user-1', 'owner@example.test']]),
  codeByUnit: new Map([['unit-1', 'IT']]),
  codeByLocation: new Map([['loc-1', 'TKY']]),
  levelNames: new Map([['level-2', { en: 'Internal', ja: '社外秘' }]]),
};

const stored: AssetRow = {
  id: 'asset-1',
  organizationId: 'org-1',
  code: 'A-1',
  name: 'Mail server',
  category: 'software',
  description: '',
  ownerUserId: 'user-1',
  ownerUnitId: null,
  custodianUserId: null,
  custodianUnitId: null,
  orgUnitId: null,
  locationId: 'loc-1',
  classificationId: null,
  confidentiality: 1,
  integrity: 1,
  availability: 1,
  value: 1,
  businessProcess: '',
  status: 'in_use',
  nextReviewDate: '2026-04-01',
  tags: ['mail', 'core'],
  version: 1,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-01T00:00:00Z'),
};

const columns: ImportColumn[] = [
  'code',
  'name',
  'category',
  'ownerUserId',
  'ownerUnitId',
  'locationId',
  'classificationId',
  'status',
  'nextReviewDate',
  'tags',
];

const same: ImportedAsset = {
  code: 'A-1',
  name: 'Mail server',
  category: 'software',
  ownerUserId: 'user-1',
  ownerUnitId: null,
  locationId: 'loc-1',
  classificationId: null,
  status: 'in_use',
  nextReviewDate: '2026-04-01',
  tags: ['mail', 'core'],
};

describe('import preview', () => {
  it('creates when no asset has the code', () => {
    expect(previewRow(2, same, undefined, columns, labels)).toEqual({
      row: 2,
      code: 'A-1',
      name: 'Mail server',
      change: 'create',
      changes: [],
    });
  });

  it('leaves an equal row unchanged, ignoring columns the file does not write', () => {
    // The stored description differs, but the file has no description column.
    const row = previewRow(3, same, { ...stored, description: 'Old' }, columns, labels);
    expect(row.change).toBe('unchanged');
    expect(row.changes).toEqual([]);
  });

  it('lists each changed field once, with values as the user writes them', () => {
    const asset: ImportedAsset = {
      ...same,
      category: 'physical',
      ownerUserId: null,
      ownerUnitId: 'unit-1',
      locationId: null,
      classificationId: 'level-2',
      status: 'retired',
      tags: ['core', 'mail'],
    };
    const row = previewRow(4, asset, stored, columns, labels);
    expect(row.change).toBe('update');
    expect(row.changes).toEqual([
      {
        field: 'category',
        before: { en: 'Software', ja: 'ソフトウェア' },
        after: { en: 'Physical', ja: '物理的資産' },
      },
      { field: 'owner', before: 'owner@example.test', after: 'IT' },
      { field: 'location', before: 'TKY', after: null },
      { field: 'classification', before: null, after: { en: 'Internal', ja: '社外秘' } },
      {
        field: 'status',
        before: { en: 'In use', ja: '使用中' },
        after: { en: 'Retired', ja: '廃止' },
      },
      // Tags in another order are another value, as the upsert sees them.
      { field: 'tags', before: 'mail; core', after: 'core; mail' },
    ]);
    expect(row.changes.map((c) => wordValue(c.after, 'ja'))).toEqual([
      '物理的資産',
      'IT',
      null,
      '社外秘',
      '廃止',
      'core; mail',
    ]);
  });

  it('compares numbers and dates exactly and treats absent as null', () => {
    const cia: ImportColumn[] = ['code', 'confidentiality', 'value', 'nextReviewDate'];
    expect(
      changedFields(
        { code: 'A-1', confidentiality: 1, value: 1, nextReviewDate: null },
        stored,
        cia,
      ),
    ).toEqual(['nextReviewDate']);
    expect(
      changedFields(
        { code: 'A-1', confidentiality: 3, value: 3 },
        { ...stored, nextReviewDate: null },
        cia,
      ),
    ).toEqual(['confidentiality', 'value']);
  });
});
