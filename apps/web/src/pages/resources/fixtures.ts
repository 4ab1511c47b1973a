// Rows of the resources page's tests, as the API returns them.
import { sessionInfo } from '../../test/fakeApi';
import type { IsmsResource, ResourceSettings, ResourceSummary } from './api';

/** An ISMS manager: keeps the register and sends the plan for approval. */
export function managerSession(locale: 'en' | 'ja' = 'en') {
  const session = sessionInfo('admin', { roles: ['isms_manager'], locale });
  return {
    ...session,
    permissions: { ...session.permissions, 'resources:read': 'all', 'resources:manage': 'all' },
  } as typeof session;
}

/** A reader (e.g. an internal auditor): sees the register, changes nothing. */
export function readerSession() {
  const session = sessionInfo('staff');
  return {
    ...session,
    permissions: { ...session.permissions, 'resources:read': 'all' },
  } as typeof session;
}

export const settingsFixture: ResourceSettings = {
  fiscalYearStartMonth: 4,
  currentFiscalYear: 2026,
  version: 2,
};

/** Secretariat time, planned in hours, usage not recorded yet; at version 3. */
export const secretariat: IsmsResource = {
  id: '00000000-0000-4000-8000-000000000701',
  fiscalYear: 2026,
  kind: 'people',
  activity: 'operate',
  title: 'ISMS secretariat time',
  description: '',
  owner: { id: '00000000-0000-4000-8000-000000000001', name: 'Aiko Admin' },
  unit: null,
  planned: { amount: null, hours: 480 },
  used: { amount: null, hours: null },
  notes: '',
  version: 3,
  createdAt: '2026-04-01T09:00:00.000Z',
  updatedAt: '2026-04-01T09:00:00.000Z',
};

/** The certification audit fee, planned and partly used. */
export const auditFee: IsmsResource = {
  ...secretariat,
  id: '00000000-0000-4000-8000-000000000702',
  kind: 'money',
  activity: 'monitor',
  title: 'Certification audit fee',
  owner: null,
  planned: { amount: 800000, hours: null },
  used: { amount: 750000, hours: null },
  version: 1,
};

export function summaryFixture(overrides: Partial<ResourceSummary> = {}): ResourceSummary {
  const totals = {
    items: 2,
    plannedAmount: 800000,
    plannedHours: 480,
    usedAmount: 750000,
    usedHours: 0,
    usageRecorded: 1,
  };
  return {
    fiscalYear: 2026,
    from: '2026-04-01',
    to: '2027-03-31',
    plan: {
      id: '00000000-0000-4000-8000-000000000801',
      fiscalYear: 2026,
      status: 'approved',
      approvalId: '00000000-0000-4000-8000-000000000901',
      submittedAt: '2026-04-05T09:00:00.000Z',
      approvedAt: '2026-04-10T09:00:00.000Z',
      approvedBy: { id: '00000000-0000-4000-8000-000000000003', name: 'Taro President' },
      approvedVersion: 4,
      version: 4,
    },
    total: totals,
    byKind: [
      { ...totals, kind: 'people', items: 1, plannedAmount: 0, usedAmount: 0, usageRecorded: 0 },
      { ...totals, kind: 'money', items: 1, plannedHours: 0 },
    ],
    byActivity: [],
    activitiesWithoutPlan: ['establish', 'improve'],
    treatment: {
      actions: 1,
      budget: 300000,
      funded: 1,
      items: [
        {
          id: '00000000-0000-4000-8000-000000000a01',
          code: 'TA-0007',
          title: 'Deploy a vulnerability scanner',
          dueDate: '2026-09-30',
          status: 'in_progress',
          budget: 300000,
          resources: 'Infrastructure team, 2 weeks',
        },
      ],
    },
    ...overrides,
  };
}

/** A year with nothing planned and no treatment action due. */
export function emptySummary(fiscalYear: number): ResourceSummary {
  const zero = {
    items: 0,
    plannedAmount: 0,
    plannedHours: 0,
    usedAmount: 0,
    usedHours: 0,
    usageRecorded: 0,
  };
  return summaryFixture({
    fiscalYear,
    from: `${fiscalYear}-04-01`,
    to: `${fiscalYear + 1}-03-31`,
    plan: {
      id: null,
      fiscalYear,
      status: 'draft',
      approvalId: null,
      submittedAt: null,
      approvedAt: null,
      approvedBy: null,
      approvedVersion: null,
      version: 0,
    },
    total: zero,
    byKind: [],
    activitiesWithoutPlan: ['establish', 'operate', 'monitor', 'improve'],
    treatment: { actions: 0, budget: 0, funded: 0, items: [] },
  });
}
