import type { AuditFinding, Checklist, ChecklistLine } from './checklistApi';
import { sessionInfo } from '../../test/fakeApi';

export const AUDIT_ID = '00000000-0000-4000-8000-00000000a001';

/** A signed-in internal auditor (on the audit's team, as far as the web can tell). */
export function auditorSession() {
  const base = sessionInfo('admin');
  return {
    ...base,
    permissions: {
      ...base.permissions,
      'audits:read': 'all' as const,
      'audits:conduct': 'own' as const,
      'audits:respond': 'own' as const,
    },
  };
}

const line = (over: Partial<ChecklistLine>): ChecklistLine => ({
  id: '00000000-0000-4000-8000-00000000b001',
  auditId: AUDIT_ID,
  position: 1,
  kind: 'control',
  refId: '9.2.1',
  ref: {
    displayId: { ja: '9(2)①', en: 'A.9.2.1' },
    title: { ja: '利用者登録', en: 'User registration' },
  },
  prompt: { ja: '利用者登録の手順は実施されていますか。', en: 'Is user registration done?' },
  result: null,
  notes: '',
  evidence: [],
  references: [
    { type: 'soa_entry', id: '00000000-0000-4000-8000-00000000c001', label: '' },
    { type: 'record', id: '00000000-0000-4000-8000-00000000d001', label: 'Access review 2026' },
  ],
  findingId: null,
  answeredBy: null,
  answeredAt: null,
  version: 1,
  ...over,
});

export const checklistFixture: Checklist = {
  auditId: AUDIT_ID,
  auditStatus: 'in_progress',
  items: [
    line({}),
    line({
      id: '00000000-0000-4000-8000-00000000b002',
      position: 2,
      kind: 'custom',
      refId: null,
      ref: null,
      prompt: { ja: '入退室記録を確認する', en: 'Sample the entry logs' },
      result: 'conform',
      references: [],
      version: 3,
    }),
  ],
};

export const findingFixture: AuditFinding = {
  id: '00000000-0000-4000-8000-00000000e001',
  audit: { id: AUDIT_ID, code: 'IA-2026-01', title: 'Access control audit', status: 'follow_up' },
  lineId: '00000000-0000-4000-8000-00000000b001',
  number: 1,
  kind: 'minor_nc',
  requirementId: null,
  controlId: '9.2.1',
  ref: {
    displayId: { ja: '9(2)①', en: 'A.9.2.1' },
    title: { ja: '利用者登録', en: 'User registration' },
  },
  unit: { id: '00000000-0000-4000-8000-00000000f001', name: 'IT department' },
  description: 'Two accounts of leavers were still active',
  evidence: [],
  dueDate: '2026-01-31',
  overdue: true,
  status: 'open',
  correction: '',
  correctedBy: null,
  correctedAt: null,
  verifiedBy: null,
  verifiedAt: null,
  verificationNote: '',
  nonconformityId: null,
  version: 1,
  createdAt: '2026-01-10T09:00:00.000Z',
};
