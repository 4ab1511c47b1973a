import type { Objective, ObjectiveMeasurement } from './api';
import { sessionInfo } from '../../test/fakeApi';

/** The ISMS manager: reads, sets and measures every objective. */
export function managerSession(locale: 'en' | 'ja' = 'en') {
  const session = sessionInfo('admin', { roles: ['isms_manager'], locale });
  return {
    ...session,
    permissions: {
      ...session.permissions,
      'objectives:read': 'all',
      'objectives:manage': 'all',
      'objectives:measure': 'all',
    },
  } as typeof session;
}

/** A reader: sees the register, changes nothing. */
export function readerSession() {
  const session = sessionInfo('staff');
  return {
    ...session,
    permissions: { ...session.permissions, 'objectives:read': 'all' },
  } as typeof session;
}

export const objective: Objective = {
  id: '7a1b2c3d-0000-4000-8000-000000000001',
  code: 'OBJ-001',
  title: 'Phishing drill open rate at most 10%',
  description: 'Fewer people open the drill mails.',
  owner: { id: '00000000-0000-4000-8000-000000000001', name: 'Hanako Sato' },
  orgUnit: null,
  metric: 'Open rate of drill mails',
  measureUnit: '%',
  direction: 'lower_is_better',
  baseline: 25,
  target: 10,
  startDate: '2025-12-01',
  dueDate: '2027-06-01',
  plan: 'Monthly drill mails and follow-up.',
  frequency: 'monthly',
  status: 'active',
  controlIds: ['6.2.1'],
  progress: 'on_track',
  reasons: [],
  latest: { measuredOn: '2026-12-01', value: 13 },
  percent: 80,
  nextMeasurementDue: '2027-01-01',
  version: 3,
  createdAt: '2025-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

export const atRisk: Objective = {
  ...objective,
  id: '7a1b2c3d-0000-4000-8000-000000000004',
  code: 'OBJ-004',
  title: 'Critical vulnerabilities fixed within 30 days: 95%',
  owner: null,
  direction: 'higher_is_better',
  baseline: 70,
  target: 95,
  progress: 'at_risk',
  reasons: ['behind_plan'],
  percent: 32,
};

export const measurements: ObjectiveMeasurement[] = [
  {
    id: '8b000000-0000-4000-8000-000000000001',
    objectiveId: objective.id,
    measuredOn: '2026-11-01',
    value: 14,
    note: '',
    source: 'manual',
    recordedBy: { id: objective.owner!.id, name: 'Hanako Sato' },
    recordedAt: '2026-11-01T00:00:00.000Z',
  },
  {
    id: '8b000000-0000-4000-8000-000000000002',
    objectiveId: objective.id,
    measuredOn: '2026-12-01',
    value: 13,
    note: 'December drill',
    source: 'csv',
    recordedBy: { id: objective.owner!.id, name: 'Hanako Sato' },
    recordedAt: '2026-12-01T00:00:00.000Z',
  },
];
