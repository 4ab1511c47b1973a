import type { Incident, IncidentSettings } from '@mamoru/contracts';
import { sessionInfo } from '../../test/fakeApi';

/** An incident team member in Japanese: reads and handles incidents. */
export function handlerSession(locale: 'en' | 'ja' = 'ja') {
  const session = sessionInfo('admin', { locale, roles: ['isms_manager'] });
  return {
    ...session,
    permissions: {
      ...session.permissions,
      'incidents:report': 'all',
      'incidents:read': 'all',
      'incidents:handle': 'all',
      'incidents:confidential': 'all',
    },
  } as typeof session;
}

/** A staff member who reported an incident and may only read their own. */
export function reporterSession(locale: 'en' | 'ja' = 'ja') {
  const session = sessionInfo('staff', { locale });
  return {
    ...session,
    permissions: { ...session.permissions, 'incidents:report': 'all', 'incidents:read': 'own' },
  } as typeof session;
}

const staff = { id: sessionInfo('staff').user.id, displayName: '佐藤 花子' };
const handler = { id: sessionInfo('admin').user.id, displayName: '山田 太郎' };
export const incidentId = '00000000-0000-4000-8000-000000000a01';

/** A fresh report, as the team first sees it. */
export const reportedIncident: Incident = {
  id: incidentId,
  number: 7,
  reference: 'INC-0007',
  type: 'incident',
  title: 'ノートPCの紛失',
  status: 'reported',
  severity: null,
  priority: null,
  confidential: false,
  personalData: true,
  discoveredAt: '2026-12-01T01:00:00.000Z',
  reportedAt: '2026-12-01T01:30:00.000Z',
  closedAt: null,
  unit: { id: '00000000-0000-4000-8000-000000000301', name: { ja: '営業部', en: 'Sales' } },
  reporter: staff,
  assignee: null,
  channel: 'web',
  repeatCount: 0,
  triageOverdue: false,
  overdueClocks: 0,
  version: 1,
  description: '電車内で顧客名簿を保存したノートPCを紛失しました。',
  occurredAt: '2026-11-30T12:00:00.000Z',
  externalRef: null,
  location: null,
  place: '通勤電車',
  urgency: null,
  affects: { confidentiality: false, integrity: false, availability: false },
  personalRecords: 120,
  personalDataCategories: ['customer', 'contact'],
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
  durationMinutes: 600,
  costs: { response: null, recovery: null, loss: null, total: 0 },
  rootCause: '',
  lessonsLearned: '',
  recurrencePrevention: '',
  assets: [],
  risks: [],
  clocks: [
    {
      obligationId: '00000000-0000-4000-8000-000000000b01',
      name: { ja: '個人情報保護委員会への速報', en: 'Preliminary report to the PPC' },
      recipient: '個人情報保護委員会',
      dueAt: '2026-12-04T14:59:59.000Z',
      sentAt: null,
      status: 'pending',
    },
  ],
  notifications: [],
  timeline: [
    {
      id: '00000000-0000-4000-8000-000000000c01',
      kind: 'report',
      at: '2026-12-01T01:30:00.000Z',
      actor: staff,
      fromStatus: null,
      toStatus: 'reported',
      text: '報告しました',
    },
  ],
  raised: [],
  record: null,
  can: { handle: true, attach: true },
  // As the server sends it: triage has its own step, not a transition.
  nextStatuses: [],
  createdAt: '2026-12-01T01:30:00.000Z',
  updatedAt: '2026-12-01T01:30:00.000Z',
};

/** The same incident worked through to recovery. */
export const recoveredIncident: Incident = {
  ...reportedIncident,
  status: 'recovered',
  severity: 'high',
  urgency: 'high',
  priority: 1,
  assignee: handler,
  triagedAt: '2026-12-01T03:00:00.000Z',
  triagedBy: handler,
  containedAt: '2026-12-01T05:00:00.000Z',
  eradicatedAt: '2026-12-02T05:00:00.000Z',
  recoveredAt: '2026-12-03T05:00:00.000Z',
  nextStatuses: ['closed'],
  version: 5,
};

/** Rows severity, columns urgency; high × medium is 2 here, unlike the diagonal. */
export const settingsFixture: IncidentSettings = {
  team: { role: null, unit: null },
  triageTargetHours: 24,
  priorityMatrix: [
    [4, 4, 3, 3],
    [4, 3, 3, 2],
    [3, 2, 2, 1],
    [2, 1, 1, 1],
  ],
  timeZone: 'Asia/Tokyo',
  recordType: null,
  version: 1,
};
