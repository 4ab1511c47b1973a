import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';

/**
 * The ISMS committee's lines of tenant-isolation.test.ts: B's member and
 * meeting, one probe per route that takes an id.
 */
export interface CommitteeOfB {
  memberId: string;
  meetingId: string;
  values: string[];
}

/** B's manager sits on B's committee and attended one of its meetings. */
export async function createCommitteeOfB(managerB: Client): Promise<CommitteeOfB> {
  const member = await managerB.post('/api/v1/committee/members', {
    userId: managerB.user.id,
    position: 'chair',
  });
  expect(member.statusCode, member.body).toBe(201);
  const meeting = await managerB.post('/api/v1/committee/meetings', {
    title: 'Meeting of B',
    heldOn: new Date().toISOString().slice(0, 10),
    status: 'held',
    minutes: 'Minutes of B',
    attendeeUserIds: [managerB.user.id],
  });
  expect(meeting.statusCode, meeting.body).toBe(201);
  const memberId = member.json<{ id: string }>().id;
  const meetingId = meeting.json<{ id: string }>().id;
  return { memberId, meetingId, values: [memberId, meetingId, 'Meeting of B', 'Minutes of B'] };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'managerB'; status: number };
}

export function committeeProbes<B extends { committee: CommitteeOfB }>(): Probe<B>[] {
  const as = (status: number) => ({ as: 'managerB' as const, status });
  const ifMatch = () => ({ 'if-match': '"1"' });
  const meeting = (b: B) => `/api/v1/committee/meetings/${b.committee.meetingId}`;
  return [
    { route: 'GET /api/v1/committee/meetings/:id', url: meeting, control: as(200) },
    {
      route: 'PATCH /api/v1/committee/meetings/:id',
      url: meeting,
      body: () => ({ agenda: 'Changed across tenants' }),
      headers: ifMatch,
      control: as(200),
    },
    {
      route: 'PATCH /api/v1/committee/members/:id',
      url: (b) => `/api/v1/committee/members/${b.committee.memberId}`,
      body: () => ({ position: 'member' }),
      headers: ifMatch,
      control: as(200),
    },
  ];
}

/** Lists that must never show B's rows to A (the chart holds B's units, roles and members). */
export const COMMITTEE_LISTS = [
  '/api/v1/committee/members',
  '/api/v1/committee/meetings?limit=200',
  '/api/v1/org-chart',
  '/api/v1/people-settings',
];
