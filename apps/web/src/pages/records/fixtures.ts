// Rows of the records pages' tests, as the API returns them.
import type { EvidenceRecord, RecordType } from './api';

/** A record type without entry fields. */
export const recordTypeFixture: RecordType = {
  id: '00000000-0000-4000-8000-000000000501',
  code: 'ACCESS-REVIEW',
  name: { ja: 'アクセス権レビュー記録', en: 'Access review record' },
  retention: { value: 3, unit: 'years' },
  storageLocation: 'Mamoru',
  classification: null,
  disposalMethod: 'Delete',
  evidences: 'access_review',
  fields: [],
  active: true,
  version: 1,
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
};
/** An active record of that type, at version 4. */
export const recordFixture: EvidenceRecord = {
  id: '00000000-0000-4000-8000-000000000601',
  type: {
    id: recordTypeFixture.id,
    code: recordTypeFixture.code,
    name: recordTypeFixture.name,
  },
  title: 'Quarterly access review',
  description: '',
  entries: { reviewer: 'Aiko' },
  links: [],
  recordDate: '2026-04-01',
  retentionEnd: '2029-04-01',
  legalHold: { active: false, reason: null },
  status: 'active',
  approvalId: null,
  createdBy: null,
  version: 4,
  createdAt: '2026-04-01T09:00:00.000Z',
  updatedAt: '2026-04-01T09:00:00.000Z',
};
