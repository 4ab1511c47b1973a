import type { InterestedParty, PartyFeedback } from './api';

export const partyFixture: InterestedParty = {
  id: '00000000-0000-4000-8000-000000000901',
  name: '株式会社みなと物流',
  kind: 'customer',
  expectations: '配送先情報の機密保持',
  contact: '情報システム部',
  active: true,
  feedbackCount: 2,
  openFeedbackCount: 1,
  lastFeedbackOn: '2026-11-20',
  version: 1,
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
};

export const feedbackFixture: PartyFeedback = {
  id: '00000000-0000-4000-8000-000000000951',
  party: { id: partyFixture.id, name: partyFixture.name, kind: 'customer' },
  receivedOn: '2026-11-20',
  channel: 'meeting',
  content: '事故報告の早さを評価された',
  sentiment: 'positive',
  response: '',
  respondedOn: null,
  recordedBy: { id: '00000000-0000-4000-8000-000000000002', name: '鈴木 一郎' },
  version: 1,
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
};

export const answeredFixture: PartyFeedback = {
  ...feedbackFixture,
  id: '00000000-0000-4000-8000-000000000952',
  receivedOn: '2026-06-01',
  channel: 'complaint',
  content: '退職者のアカウントが残っていた',
  sentiment: 'negative',
  response: 'アカウントを停止した',
  respondedOn: '2026-06-03',
};

/** The grants of the ISMS manager and of a staff member, for the session fixture. */
export const MANAGER_GRANTS = {
  'reviews:read': 'all',
  'reviews:manage': 'all',
  'reviews:feedback': 'all',
} as const;
export const STAFF_GRANTS = { 'reviews:read': 'own', 'reviews:feedback': 'all' } as const;
