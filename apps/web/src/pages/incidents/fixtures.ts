import type {
  Incident,
  IncidentListItem,
  IncidentObligation,
  IncidentSettings,
  IncidentStatistics,
} from './api';
import { sessionInfo } from '../../test/fakeApi';

/** A staff member: reports incidents and sees their own reports. */
export function reporterSession(locale: 'en' | 'ja' = 'en') {
  const session = sessionInfo('staff', { locale });
  return {
    ...session,
    permissions: {
      ...session.permissions,
      'incidents:report': 'all',
      'incidents:read': 'own',
      'incidents:handle': 'own',
    },
  } as typeof session;
}

/** An ISMS manager: reads and handles all incidents and manages the settings. */
export function managerSession(locale: 'en' | 'ja' = 'en') {
  const session = sessionInfo('admin', { roles: ['isms_manager'], locale });
  return {
    ...session,
    permissions: {
      ...session.permissions,
      'incidents:report': 'all',
      'incidents:read': 'all',
      'incidents:handle': 'all',
      'incidents:confidential': 'all',
      'incidents:manage': 'all',
      'people:read': 'all',
    },
  } as typeof session;
}

export const unitId = '00000000-0000-4000-8000-000000000301';

export const listItem: IncidentListItem = {
  id: '00000000-0000-4000-8000-000000000a01',
  number: 7,
  reference: 'INC-0007',
  type: 'incident',
  title: 'Laptop lost on the train',
  status: 'reported',
  severity: null,
  priority: null,
  confidential: false,
  personalData: true,
  discoveredAt: '2026-11-02T01:00:00.000Z',
  reportedAt: '2026-11-02T01:05:00.000Z',
  closedAt: null,
  unit: { id: unitId, name: { ja: '営業部', en: 'Sales' } },
  reporter: { id: sessionInfo('staff').user.id, displayName: 'Sam Staff' },
  assignee: null,
  channel: 'web',
  repeatCount: 0,
  triageOverdue: true,
  overdueClocks: 2,
  version: 1,
};

export const triagedItem: IncidentListItem = {
  ...listItem,
  id: '00000000-0000-4000-8000-000000000a02',
  number: 6,
  reference: 'INC-0006',
  type: 'malfunction',
  title: 'Mail server down',
  status: 'contained',
  severity: 'high',
  priority: 1,
  confidential: true,
  personalData: false,
  triageOverdue: false,
  overdueClocks: 0,
};

/** The incident as POST /incidents answers (only what the report modal reads matters). */
export function reportedIncident(title: string): Incident {
  return {
    ...listItem,
    title,
    triageOverdue: false,
    overdueClocks: 0,
    description: '',
    occurredAt: null,
    externalRef: null,
    location: null,
    place: '',
    urgency: null,
    affects: { confidentiality: false, integrity: false, availability: false },
    personalRecords: null,
    personalDataCategories: [],
    wrongfulIntent: false,
    triagedAt: null,
    triagedBy: null,
    containedAt: null,
    eradicatedAt: null,
    recoveredAt: null,
    closedBy: null,
    volume: null,
    volumeUnit: '',
    downtimeMinutes: null,
    durationMinutes: null,
    costs: { response: null, recovery: null, loss: null, total: 0 },
    rootCause: '',
    lessonsLearned: '',
    recurrencePrevention: '',
    assets: [],
    risks: [],
    clocks: [],
    notifications: [],
    timeline: [],
    raised: [],
    record: null,
    can: { handle: false, attach: true },
    nextStatuses: [],
    createdAt: '2026-11-02T01:05:00.000Z',
    updatedAt: '2026-11-02T01:05:00.000Z',
  };
}

export const settingsFixture: IncidentSettings = {
  team: { role: null, unit: null },
  triageTargetHours: 24,
  priorityMatrix: [
    [4, 4, 3, 3],
    [4, 3, 3, 2],
    [3, 3, 2, 1],
    [3, 2, 1, 1],
  ],
  timeZone: 'Asia/Tokyo',
  recordType: null,
  version: 3,
};

export const obligationFixture: IncidentObligation = {
  id: '00000000-0000-4000-8000-000000000b01',
  presetKey: 'appi_preliminary',
  name: { ja: '個人情報保護委員会への速報', en: 'Preliminary report to the PPC' },
  recipient: 'PPC',
  appliesToTypes: ['incident', 'suspected'],
  requiresPersonalData: true,
  deadlineDays: 3,
  deadlineDaysWrongfulIntent: null,
  deadlineHours: null,
  sortOrder: 10,
  active: true,
  version: 1,
};

export const statisticsFixture: IncidentStatistics = {
  from: '2025-12',
  to: '2026-11',
  months: [
    {
      month: '2026-10',
      total: 2,
      byType: { incident: 1, suspected: 0, weakness: 1, malfunction: 0, near_miss: 0 },
      costTotal: 1000,
    },
    {
      month: '2026-11',
      total: 3,
      byType: { incident: 2, suspected: 1, weakness: 0, malfunction: 0, near_miss: 0 },
      costTotal: 0,
    },
  ],
  byUnit: [
    { unit: { id: unitId, name: { ja: '営業部', en: 'Sales' } }, total: 4 },
    { unit: null, total: 1 },
  ],
  totals: {
    reported: 5,
    open: 3,
    closed: 2,
    personalData: 1,
    costResponse: 120000,
    costRecovery: 30000,
    costLoss: 0,
    medianHoursToTriage: 5.25,
    medianHoursToRecover: null,
    triagedWithinTarget: 3,
    triaged: 4,
    overdueClocks: 2,
  },
};
