import type { Audit, InternalAuditor } from './api';
import { sessionInfo } from '../../test/fakeApi';

export const unitFixture = {
  id: '00000000-0000-4000-8000-000000000a01',
  code: 'HD',
  name: 'Helpdesk',
};

export const auditFixture: Audit = {
  id: '00000000-0000-4000-8000-000000000b01',
  code: 'IA-2026-01',
  title: 'Helpdesk audit',
  fiscalYear: 2026,
  programmeId: null,
  status: 'planned',
  auditeeUnits: [{ id: unitFixture.id, name: unitFixture.name }],
  scopeProcesses: ['Incident handling'],
  scopeAssetIds: [],
  scopeDocumentIds: [],
  scopeAssets: [],
  scopeDocuments: [],
  requirementIds: [],
  controlIds: [],
  plannedStart: '2026-06-01',
  plannedEnd: '2026-06-03',
  leadAuditor: null,
  team: [],
  notice: null,
  openingMeetingAt: null,
  closingMeetingAt: null,
  closedAt: null,
  notes: '',
  version: 3,
  createdAt: '2026-05-01T09:00:00.000Z',
  updatedAt: '2026-05-01T09:00:00.000Z',
};

export const auditorFixture: InternalAuditor = {
  id: '00000000-0000-4000-8000-000000000c01',
  user: { id: '00000000-0000-4000-8000-000000000d01', name: 'Yuki Auditor' },
  primaryUnit: null,
  units: [],
  qualifications: 'Internal auditor course',
  training: '',
  evidence: [],
  active: true,
  version: 1,
  createdAt: '2026-05-01T09:00:00.000Z',
  updatedAt: '2026-05-01T09:00:00.000Z',
};

/** An ISMS manager's session: plans audits and reads all of them. */
export function managerSession() {
  const session = sessionInfo('admin');
  return {
    ...session,
    permissions: {
      ...session.permissions,
      'audits:read': 'all' as const,
      'audits:manage': 'all' as const,
      'audits:conduct': 'own' as const,
    },
  };
}
