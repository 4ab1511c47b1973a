import type {
  IsmsRole,
  PeopleSettings,
  PersonProfile,
  PersonSummary,
  RoleAssignment,
} from '../../api/people';
import { sessionInfo } from '../../test/fakeApi';

/** An ISMS manager: manages roles, committee, requirements and every profile. */
export function peopleManager() {
  const session = sessionInfo('admin', { roles: ['isms_manager'] });
  return {
    ...session,
    permissions: { ...session.permissions, 'people:read': 'all', 'people:manage': 'all' },
  } as typeof session;
}

/** A staff member who may read their own record only. */
export function peopleReader() {
  const session = sessionInfo('staff');
  return {
    ...session,
    permissions: { ...session.permissions, 'people:read': 'own' },
  } as typeof session;
}

export const hanakoId = '00000000-0000-4000-8000-000000000021';
export const salesUnit = {
  id: '00000000-0000-4000-8000-000000000031',
  code: 'SALES',
  name: 'Sales',
};

export const assignmentFixture: RoleAssignment = {
  id: '00000000-0000-4000-8000-000000000041',
  roleId: '00000000-0000-4000-8000-000000000051',
  user: { id: hanakoId, name: 'Hanako Sato' },
  kind: 'holder',
  unit: null,
  startsOn: '2026-04-01',
  endsOn: null,
  note: '',
  acknowledgedAt: null,
  acknowledgementStale: false,
  current: true,
  version: 4,
};

export const roleFixture: IsmsRole = {
  id: '00000000-0000-4000-8000-000000000051',
  code: 'ISMS_MANAGER',
  name: 'ISMS管理責任者',
  nameEn: 'ISMS manager',
  responsibilities: 'ISMSを運用し、状況を経営層に報告する。',
  responsibilitiesEn: 'Runs the ISMS and reports on it to top management.',
  appRole: 'isms_manager',
  requiresDeputy: true,
  perUnit: false,
  sortOrder: 20,
  active: true,
  assignments: [assignmentFixture],
  requirementCount: 2,
  version: 3,
  createdAt: '2026-04-01T09:00:00.000Z',
  updatedAt: '2026-04-01T09:00:00.000Z',
};

export const promoterRole: IsmsRole = {
  ...roleFixture,
  id: '00000000-0000-4000-8000-000000000052',
  code: 'PROMOTER',
  name: '推進委員',
  nameEn: 'Unit promoter',
  responsibilities: '',
  responsibilitiesEn: 'Promotes security in the unit.',
  appRole: null,
  requiresDeputy: false,
  perUnit: true,
  sortOrder: 30,
  assignments: [],
  requirementCount: 0,
  version: 1,
};

export const personSummary: PersonSummary = {
  user: { id: hanakoId, name: 'Hanako Sato' },
  email: 'hanako@example.com',
  unit: salesUnit,
  job: null,
  roleCodes: ['ISMS_MANAGER'],
  gapCount: 2,
  expiringCount: 1,
  confidentialitySigned: true,
};

export const profileFixture: PersonProfile = {
  user: { id: hanakoId, name: 'Hanako Sato' },
  email: 'hanako@example.com',
  unit: salesUnit,
  job: null,
  education: '',
  experience: '',
  joinedOn: null,
  notes: '',
  roles: [{ ...assignmentFixture, roleCode: 'ISMS_MANAGER', roleName: 'ISMS manager' }],
  competences: [
    {
      id: '00000000-0000-4000-8000-000000000061',
      userId: hanakoId,
      kind: 'certificate',
      name: 'Registered security specialist',
      issuer: 'IPA',
      requirement: null,
      obtainedOn: '2023-10-01',
      expiresOn: '2026-12-31',
      expiry: 'expiring',
      note: '',
      fileCount: 0,
      version: 1,
    },
    {
      id: '00000000-0000-4000-8000-000000000062',
      userId: hanakoId,
      kind: 'qualification',
      name: 'Lead auditor',
      issuer: '',
      requirement: null,
      obtainedOn: '2020-01-01',
      expiresOn: '2025-01-01',
      expiry: 'expired',
      note: '',
      fileCount: 1,
      version: 2,
    },
  ],
  agreements: [
    {
      id: '00000000-0000-4000-8000-000000000071',
      userId: hanakoId,
      kind: 'confidentiality',
      signedOn: '2026-04-01',
      expiresOn: null,
      note: '',
      fileCount: 1,
      version: 1,
    },
  ],
  editable: true,
  version: 0,
};

export const settingsFixture: PeopleSettings = {
  disciplinaryDocument: null,
  expiryWarningDays: 90,
  version: 2,
};

export const emptyPage = { items: [], nextCursor: null };
