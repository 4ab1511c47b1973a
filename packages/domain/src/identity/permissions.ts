/**
 * The one permission module: which role may do what. Deny by default: a
 * permission not listed for any of a user's roles is refused. Roles follow the
 * people the standard names (top management, ISMS manager, owners, auditors).
 */
export const ROLES = [
  'admin',
  'top_management',
  'isms_manager',
  'owner',
  'internal_auditor',
  'staff',
  'external_auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'organization:read',
  'organization:manage',
  'users:read',
  'users:manage',
  'audit:read',
  'audit:verify',
  'approvals:read',
  'approvals:request',
  'approvals:decide',
  'approvals:configure',
  'catalog:read',
  'catalog:manage',
  'isms:read',
  'isms:write',
  'documents:read',
  'documents:acknowledge',
  // Internal audits: plan the programme and audits, conduct assigned audits, answer findings.
  'audits:read',
  'audits:manage',
  'audits:conduct',
  'audits:respond',
  // Nonconformities, corrective/preventive actions and improvements.
  'improvement:read',
  'improvement:manage',
  'improvement:act',
  'improvement:suggest',
  // Management review: plan and minute reviews ('own' = approved minutes distributed to all),
  // and record feedback from interested parties.
  'reviews:read',
  'reviews:manage',
  'reviews:feedback',
  // People and training: ISMS roles, competence, profiles ('own' = oneself and the members of
  // units one heads), courses and sessions, trainers recording their sessions, staff taking
  // their own training (quizzes, self-recorded attendance, acknowledging their role).
  'people:read',
  'people:manage',
  'training:read',
  'training:manage',
  'training:record',
  'training:take',
  // Incidents: anyone reports and follows their own reports; the incident team handles
  // ('own' = on the team set in the incident settings, or the incident's assignee);
  // confidential incidents are for the team and top management only.
  'incidents:report',
  'incidents:read',
  'incidents:handle',
  'incidents:confidential',
  'incidents:manage',
  // ISMS resources and budget per fiscal year: read the register, keep it and submit the plan.
  'resources:read',
  'resources:manage',
  // Attestations of requirement items evidenced outside Mamoru: the ISMS manager records
  // them; another person (never the requester) approves or rejects.
  'conformity:attest',
  'conformity:attest_decide',
  // ISMS objectives (5.1.b): read them, set them, and record measurements ('own' = objectives
  // one owns; a monitoring tool's token holds 'objectives:measure').
  'objectives:read',
  'objectives:manage',
  'objectives:measure',
  // The legal register (5.2.1.c): everyone who reads the ISMS reads it; the ISMS manager
  // keeps it ('own' = obligations one is the owner of: edit and review them).
  'legal:read',
  'legal:manage',
  // Control operation: read the register, keep a control's operation ('own' = the operation's
  // owner), record check results ('own' = the check's checker), plan checks and settle
  // everything (manage).
  'controls:read',
  'controls:operate',
  'controls:check',
  'controls:manage',
  // Notifications: everyone reads their own (no permission needed); the organization's email
  // rules (mail domains, external recipients, escalation) are kept by administrators and the
  // ISMS manager.
  'notifications:manage',
  // The evidence pack for the certification audit (審査用エビデンス一式): the ISMS manager and
  // administrators make one; whoever reads the whole ISMS (the external auditor too) downloads it.
  'evidence_packs:read',
  'evidence_packs:create',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** 'all' covers every object of the organization; 'own' only objects the user owns. */
export type Reach = 'all' | 'own';

const READ_ISMS: Partial<Record<Permission, Reach>> = {
  'organization:read': 'all',
  'catalog:read': 'all',
  'isms:read': 'all',
  'users:read': 'all',
  'documents:read': 'all',
  'legal:read': 'all',
};

/** Everyone who works in the organization confirms reading what is distributed to them. */
const ACKNOWLEDGE: Partial<Record<Permission, Reach>> = { 'documents:acknowledge': 'own' };

/**
 * Everyone who works in the organization: sees the audits of their unit and answers
 * its findings ('own' = audits whose auditee units include the user's unit, or that
 * the user is on the team of), works on improvement actions they own, and reports
 * suggestions or potential problems.
 */
const TAKE_PART: Partial<Record<Permission, Reach>> = {
  'audits:read': 'own',
  'audits:respond': 'own',
  'improvement:read': 'own',
  'improvement:act': 'own',
  'improvement:suggest': 'all',
  'reviews:read': 'own',
  'reviews:feedback': 'all',
  // Oneself and, for unit heads, the members of their units.
  'people:read': 'own',
  'people:manage': 'own',
  'training:read': 'own',
  'training:manage': 'own',
  // Sessions the user is the trainer of.
  'training:record': 'own',
  'training:take': 'own',
  'incidents:report': 'all',
  // Their own reports and the incidents assigned to them.
  'incidents:read': 'own',
  'incidents:handle': 'own',
  // Controls they own the operation of, or check.
  'controls:read': 'own',
  'controls:check': 'own',
};

export const ROLE_GRANTS: Record<Role, Partial<Record<Permission, Reach>>> = {
  admin: {
    ...READ_ISMS,
    ...ACKNOWLEDGE,
    // Administrators read every area, as they read the rest of the ISMS.
    'audits:read': 'all',
    'improvement:read': 'all',
    'reviews:read': 'all',
    'people:read': 'all',
    'training:read': 'all',
    'incidents:read': 'all',
    'controls:read': 'all',
    'incidents:report': 'all',
    'resources:read': 'all',
    'objectives:read': 'all',
    'organization:manage': 'all',
    'users:manage': 'all',
    'audit:read': 'all',
    'audit:verify': 'all',
    'approvals:read': 'all',
    'approvals:configure': 'all',
    'notifications:manage': 'all',
    'evidence_packs:read': 'all',
    'evidence_packs:create': 'all',
  },
  top_management: {
    ...READ_ISMS,
    ...ACKNOWLEDGE,
    ...TAKE_PART,
    'audits:read': 'all',
    'improvement:read': 'all',
    'reviews:read': 'all',
    'people:read': 'all',
    'training:read': 'all',
    'incidents:read': 'all',
    'incidents:confidential': 'all',
    'resources:read': 'all',
    // Top management sets the objectives and the plans to reach them (5.1.b).
    'objectives:read': 'all',
    'objectives:manage': 'all',
    'controls:read': 'all',
    'audit:read': 'all',
    'approvals:read': 'all',
    'approvals:request': 'all',
    'approvals:decide': 'all',
    'conformity:attest_decide': 'all',
    'evidence_packs:read': 'all',
  },
  isms_manager: {
    ...READ_ISMS,
    ...ACKNOWLEDGE,
    ...TAKE_PART,
    'audits:read': 'all',
    'audits:manage': 'all',
    // Conducting stays with the audit team: an ISMS manager conducts only audits they are on.
    'audits:conduct': 'own',
    'improvement:read': 'all',
    'improvement:manage': 'all',
    'improvement:act': 'all',
    'reviews:read': 'all',
    'reviews:manage': 'all',
    'people:read': 'all',
    'people:manage': 'all',
    'training:read': 'all',
    'training:manage': 'all',
    'training:record': 'all',
    'incidents:read': 'all',
    'incidents:handle': 'all',
    'incidents:confidential': 'all',
    'incidents:manage': 'all',
    'resources:read': 'all',
    'resources:manage': 'all',
    'objectives:read': 'all',
    'objectives:manage': 'all',
    'objectives:measure': 'all',
    'legal:manage': 'all',
    'controls:read': 'all',
    'controls:operate': 'all',
    'controls:check': 'all',
    'controls:manage': 'all',
    'audit:read': 'all',
    'approvals:read': 'all',
    'approvals:request': 'all',
    'approvals:decide': 'all',
    'catalog:manage': 'all',
    'isms:write': 'all',
    'conformity:attest': 'all',
    'conformity:attest_decide': 'all',
    'notifications:manage': 'all',
    'evidence_packs:read': 'all',
    'evidence_packs:create': 'all',
  },
  owner: {
    ...READ_ISMS,
    ...ACKNOWLEDGE,
    ...TAKE_PART,
    'approvals:read': 'own',
    'approvals:request': 'own',
    'isms:write': 'own',
    // Owners plan their part of the ISMS and see what it is given.
    'resources:read': 'all',
    'objectives:read': 'all',
    // Owners record the measurements of the objectives they own.
    'objectives:measure': 'own',
    'legal:manage': 'own',
    'controls:read': 'all',
    'controls:operate': 'own',
  },
  internal_auditor: {
    ...READ_ISMS,
    ...ACKNOWLEDGE,
    ...TAKE_PART,
    'audits:read': 'all',
    'audits:conduct': 'own',
    'improvement:read': 'all',
    'reviews:read': 'all',
    'people:read': 'all',
    'training:read': 'all',
    'incidents:read': 'all',
    'resources:read': 'all',
    'objectives:read': 'all',
    'controls:read': 'all',
    'audit:read': 'all',
    'approvals:read': 'all',
    'evidence_packs:read': 'all',
  },
  staff: {
    'organization:read': 'all',
    'catalog:read': 'all',
    'approvals:read': 'own',
    // Issued documents distributed to them, and their acknowledgement (annex 3.1.2).
    'documents:read': 'own',
    ...ACKNOWLEDGE,
    ...TAKE_PART,
  },
  external_auditor: {
    ...READ_ISMS,
    'audits:read': 'all',
    'improvement:read': 'all',
    'reviews:read': 'all',
    'people:read': 'all',
    'training:read': 'all',
    'incidents:read': 'all',
    'resources:read': 'all',
    'objectives:read': 'all',
    'controls:read': 'all',
    'audit:read': 'all',
    'approvals:read': 'all',
    'evidence_packs:read': 'all',
  },
};

/** Roles that may never hold a write permission, whatever a token or setting says. */
export const READ_ONLY_ROLES: readonly Role[] = ['external_auditor'];

export type Grants = Partial<Record<Permission, Reach>>;

/** The union of the grants of a user's roles ('all' beats 'own'). */
export function grantsOf(roles: readonly Role[]): Grants {
  const grants: Grants = {};
  for (const role of roles) {
    for (const [permission, reach] of Object.entries(ROLE_GRANTS[role]) as [Permission, Reach][]) {
      if (grants[permission] !== 'all') grants[permission] = reach;
    }
  }
  return grants;
}

/** Narrows grants to a subset of permissions (API tokens carry such a subset). */
export function restrictGrants(grants: Grants, allowed: readonly Permission[]): Grants {
  const result: Grants = {};
  for (const p of allowed) {
    const reach = grants[p];
    if (reach) result[p] = reach;
  }
  return result;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
