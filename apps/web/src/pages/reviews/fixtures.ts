import type { ManagementReview, ReviewDecision, ReviewInputPack, ReviewSettings } from './api';
import { sessionInfo } from '../../test/fakeApi';

/** An ISMS manager: plans reviews and writes their minutes. */
export function managerSession() {
  const session = sessionInfo('admin', { roles: ['isms_manager'] });
  return {
    ...session,
    permissions: { ...session.permissions, 'reviews:read': 'all', 'reviews:manage': 'all' },
  } as typeof session;
}

export const topManagerId = '00000000-0000-4000-8000-000000000011';

export const userPage = {
  items: [
    {
      ...sessionInfo('admin').user,
      id: topManagerId,
      displayName: 'Taro President',
      email: 'taro@example.com',
      roles: ['top_management'],
    },
  ],
  nextCursor: null,
};

export const reviewFixture: ManagementReview = {
  id: '00000000-0000-4000-8000-000000000701',
  number: 1,
  code: 'MR-0001',
  title: 'Annual management review 2026',
  plannedOn: '2026-11-20',
  location: 'Board room',
  agenda: ['Audit results', 'Decisions'],
  status: 'planned',
  periodStart: null,
  inputsPreparedAt: null,
  inputsPreparedBy: null,
  heldOn: null,
  minutesSummary: '',
  submittedAt: null,
  approvedAt: null,
  approvedBy: null,
  distributedAt: null,
  cancelReason: '',
  attendees: [
    {
      id: '00000000-0000-4000-8000-000000000711',
      user: { id: topManagerId, name: 'Taro President' },
      name: 'Taro President',
      role: 'top_management',
      attended: null,
    },
  ],
  decisionCount: 0,
  overdue: false,
  version: 3,
  createdAt: '2026-10-01T09:00:00.000Z',
  updatedAt: '2026-10-01T09:00:00.000Z',
};

export const settingsFixture: ReviewSettings = {
  intervalMonths: 12,
  lastHeldOn: '2025-11-18',
  nextDueOn: '2026-11-18',
  version: 1,
};

const section = (key: ReviewInputPack['sections'][number]['section']) => ({
  section: key,
  available: key !== 'incidents' && key !== 'objectives',
  figures: {},
  items: [],
  omitted: 0,
  empty: true,
  discussion: '',
  compiledAt: '2026-11-01T09:00:00.000Z',
});

export const packFixture: ReviewInputPack = {
  reviewId: reviewFixture.id,
  periodStart: '2025-11-18',
  preparedAt: null,
  sections: [
    {
      ...section('a'),
      empty: false,
      figures: { auditsCompleted: 2, findingsMajor: 1, brandNewFigure: 4 },
      items: [
        {
          kind: 'internal_audit',
          id: '00000000-0000-4000-8000-000000000801',
          ref: 'IA-0001',
          title: 'Audit of the sales unit',
          status: 'closed',
          date: '2026-06-01',
          href: '/internal-audits/00000000-0000-4000-8000-000000000801',
        },
      ],
      omitted: 3,
    },
    section('b'),
    section('g'),
    section('incidents'),
  ],
};

export const decisionFixture: ReviewDecision = {
  id: '00000000-0000-4000-8000-000000000901',
  reviewId: reviewFixture.id,
  number: 1,
  output: 'resources',
  procedureReason: null,
  amount: 1200000,
  currency: 'JPY',
  title: 'Hire a second security engineer',
  description: '',
  inputSections: ['a', 'd'],
  owner: { id: topManagerId, name: 'Taro President' },
  dueDate: '2027-03-31',
  improvement: {
    id: '00000000-0000-4000-8000-000000000951',
    code: 'IMP-0007',
    status: 'accepted',
    dueDate: '2027-03-31',
  },
  version: 1,
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
};
