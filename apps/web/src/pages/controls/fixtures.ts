// Rows of the controls pages' tests, as the API returns them.
import type { ControlCheck, ControlCheckResultDto, ControlDetail, ControlListItem } from './api';

const owner = { id: '00000000-0000-4000-8000-000000000001', name: 'Aiko Admin' };

/** A control in operation, covered by a procedure, its check overdue. */
export const listItemFixture: ControlListItem = {
  controlId: 'A.5.15',
  displayId: 'A.5.15',
  title: { ja: 'アクセス制御', en: 'Access control' },
  own: false,
  implementationStatus: 'implemented',
  status: 'in_operation',
  owner,
  coverage: { procedures: 1, recordTypes: 2, reason: null, covered: true },
  activeChecks: 1,
  nextCheckDue: '2026-03-31',
  lastResult: {
    id: '00000000-0000-4000-8000-000000000c01',
    result: 'effective',
    performedOn: '2025-12-20',
  },
  overdue: true,
  operationVersion: 3,
};

/** An applicable control nobody has recorded the operation of yet. */
export const unsetItemFixture: ControlListItem = {
  ...listItemFixture,
  controlId: 'A.8.13',
  displayId: 'A.8.13',
  title: { ja: '情報のバックアップ', en: 'Information backup' },
  status: null,
  owner: null,
  coverage: { procedures: 0, recordTypes: 0, reason: null, covered: false },
  activeChecks: 0,
  nextCheckDue: null,
  lastResult: null,
  overdue: false,
  operationVersion: 0,
};

export const checkFixture: ControlCheck = {
  id: '00000000-0000-4000-8000-000000000b01',
  controlId: 'A.5.15',
  controlDisplayId: 'A.5.15',
  controlTitle: { ja: 'アクセス制御', en: 'Access control' },
  title: 'Quarterly access rights review',
  method: 'Compare the accounts of the file server with the staff list.',
  frequency: 'quarterly',
  nextDue: '2026-03-31',
  checker: owner,
  active: true,
  overdue: true,
  lastResult: listItemFixture.lastResult,
  version: 2,
  createdAt: '2025-09-01T09:00:00.000Z',
  updatedAt: '2025-12-20T09:00:00.000Z',
};

export const failedResultFixture: ControlCheckResultDto = {
  id: '00000000-0000-4000-8000-000000000c02',
  checkId: checkFixture.id,
  checkTitle: checkFixture.title,
  controlId: 'A.5.15',
  performedOn: '2025-09-30',
  result: 'not_effective',
  notes: 'Two leavers still had accounts.',
  checker: owner,
  nonconformity: null,
  fileCount: 1,
  recordedBy: owner,
  createdAt: '2025-09-30T09:00:00.000Z',
};

export const detailFixture: ControlDetail = {
  control: { id: 'A.5.15', displayId: 'A.5.15', title: listItemFixture.title, own: false },
  soaEntry: {
    applicable: true,
    implementationStatus: 'implemented',
    soaVersionId: '00000000-0000-4000-8000-000000000d01',
    versionNumber: 2,
    versionStatus: 'approved',
  },
  operation: {
    controlId: 'A.5.15',
    status: 'in_operation',
    owner,
    notes: 'Reviewed with HR each quarter.',
    noProcedureReason: '',
    updatedBy: owner,
    updatedAt: '2026-01-10T09:00:00.000Z',
    version: 3,
  },
  coverage: listItemFixture.coverage,
  checks: [checkFixture],
  recentResults: [failedResultFixture],
  procedures: [
    {
      id: '00000000-0000-4000-8000-000000000e01',
      code: 'PR-007',
      title: 'Access management procedure',
      status: 'issued',
    },
  ],
  recordTypes: [
    {
      id: '00000000-0000-4000-8000-000000000501',
      code: 'ACCESS-REVIEW',
      name: { ja: 'アクセス権レビュー記録', en: 'Access review record' },
      latestRecords: [
        {
          id: '00000000-0000-4000-8000-000000000601',
          title: 'Q4 access review',
          recordDate: '2025-12-20',
        },
      ],
    },
  ],
  treatmentActions: [
    {
      id: '00000000-0000-4000-8000-000000000f01',
      code: 'TA-003',
      title: 'Automate leaver account removal',
      status: 'in_progress',
      dueDate: '2026-06-30',
      owner,
    },
  ],
  risks: { count: 2 },
};
