import type { ConformitySnapshot } from './types.ts';

/** A snapshot of an organization with nothing in Mamoru yet; tests override parts of it. */
export function emptySnapshot(over: Partial<ConformitySnapshot> = {}): ConformitySnapshot {
  return {
    today: '2026-11-25',
    annexControlIds: new Set(['3.1.1', '10.5.5', '12.1.1']),
    scope: {
      latestNumber: null,
      latestStatus: null,
      approvedNumber: null,
      approvedAt: null,
      approvedByTopManagement: false,
      filled: null,
    },
    exclusions: {
      scopeNumber: null,
      scopeApproved: false,
      controlIds: [],
      withoutReason: 0,
      acceptedByInactive: [],
    },
    assets: { inUse: 0, unclassified: 0, withoutValue: 0, ownerInactive: 0, inactiveOwnerIds: [] },
    approvals: {},
    roles: {},
    auditEvents90d: 0,
    ...over,
  };
}

export const approvedScope: ConformitySnapshot['scope'] = {
  latestNumber: 2,
  latestStatus: 'approved',
  approvedNumber: 2,
  approvedAt: '2026-10-01T09:00:00Z',
  approvedByTopManagement: true,
  filled: {
    business: true,
    organization: true,
    locations: true,
    assets: true,
    technology: true,
    boundaries: true,
  },
};
