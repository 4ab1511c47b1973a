import {
  IconAlertTriangle,
  IconArchive,
  IconBook2,
  IconBookmark,
  IconCalendar,
  IconCertificate,
  IconChartLine,
  IconCoin,
  IconChecklist,
  IconClipboardCheck,
  IconDatabase,
  IconFileText,
  IconGavel,
  IconPackageExport,
  IconHistory,
  IconListCheck,
  IconShieldCheck,
  IconShieldCog,
  IconShieldLock,
  IconBuildingSkyscraper,
  IconSignature,
  IconUsers,
  IconPresentation,
  IconSchool,
  IconTags,
  IconTarget,
  IconTimelineEvent,
  IconTool,
  IconTrendingUp,
  IconUrgent,
  IconUserCheck,
  IconAward,
  type Icon,
} from '@tabler/icons-react';

/** The PDCA cycle of the ISMS; every area of the product belongs to one phase. */
export const PHASES = ['plan', 'do', 'check', 'act'] as const;
export type Phase = (typeof PHASES)[number];

export const phaseColor: Record<Phase, string> = {
  plan: 'blue',
  do: 'teal',
  check: 'violet',
  act: 'orange',
};

export interface Area {
  /** i18n key under `areas.` and the stable name of the area in code. */
  key: AreaKey;
  phase: Phase;
  path: string;
  icon: Icon;
  /** Requirement IDs of the certification criteria the area serves (see STRUCTURE.md). */
  requirements: readonly string[];
  /** The permission needed to open the area; users without it do not see it in the navigation. */
  permission?: string;
}

const areaDefinitions = [
  { key: 'scope', phase: 'plan', path: '/scope', icon: IconTarget, requirements: ['4.2.1.a'] },
  {
    key: 'assets',
    phase: 'plan',
    path: '/assets',
    icon: IconDatabase,
    requirements: ['4.2.1.d.1'],
  },
  {
    key: 'classifications',
    phase: 'plan',
    path: '/classifications',
    icon: IconTags,
    requirements: ['4.2.1.d.1'],
  },
  {
    key: 'risks',
    phase: 'plan',
    path: '/risks',
    icon: IconAlertTriangle,
    requirements: ['4.2.1.c', '4.2.1.d', '4.2.1.e'],
  },
  {
    key: 'soa',
    phase: 'plan',
    path: '/statement-of-applicability',
    icon: IconChecklist,
    requirements: ['4.2.1.g', '4.2.1.h'],
  },
  {
    key: 'catalog',
    phase: 'plan',
    path: '/catalog',
    icon: IconBook2,
    requirements: ['4.2.1.g'],
    permission: 'catalog:read',
  },
  {
    key: 'treatmentPlan',
    phase: 'do',
    path: '/treatment-plan',
    icon: IconListCheck,
    requirements: ['4.2.1.f', '4.2.2.a', '4.2.2.b'],
  },
  {
    key: 'legal',
    phase: 'plan',
    path: '/legal',
    icon: IconGavel,
    requirements: ['4.2.1.b.2', '5.2.1.c'],
    permission: 'legal:read',
  },
  {
    key: 'documents',
    phase: 'do',
    path: '/documents',
    icon: IconFileText,
    requirements: ['4.3.1', '4.3.2'],
    // Every employee reads the documents distributed to them.
    permission: 'documents:read',
  },
  { key: 'records', phase: 'do', path: '/records', icon: IconArchive, requirements: ['4.3.3'] },
  {
    key: 'controls',
    phase: 'do',
    path: '/controls',
    icon: IconShieldCog,
    requirements: ['4.2.2.c', '4.2.2.e', '5.2.1.b', '5.2.1.d', '4.2.3.b'],
    // Control owners and checkers work on their own controls and checks.
    permission: 'controls:read',
  },
  {
    key: 'people',
    phase: 'do',
    path: '/people',
    icon: IconUserCheck,
    requirements: ['5.1.c', '5.2.2.a', '5.2.2.d'],
    // Staff see their own profile and, as unit heads, their unit: people:read, not isms:read.
    permission: 'people:read',
  },
  {
    key: 'training',
    phase: 'do',
    path: '/training',
    icon: IconSchool,
    requirements: ['4.2.2.d', '5.1.d', '5.2.2'],
    permission: 'training:read',
  },
  {
    key: 'incidents',
    phase: 'do',
    path: '/incidents',
    icon: IconUrgent,
    requirements: ['4.2.2.g', '4.2.3.a', '4.3.3'],
    // Everyone follows their own reports; the team and management see all.
    permission: 'incidents:read',
  },
  {
    key: 'resources',
    phase: 'do',
    path: '/resources',
    icon: IconCoin,
    requirements: ['4.2.2.f', '5.1.e', '5.2.1.a'],
    permission: 'resources:read',
  },
  {
    key: 'objectives',
    phase: 'check',
    path: '/objectives',
    icon: IconChartLine,
    requirements: ['5.1.b', '4.2.1.b.1', '4.2.3.a.3'],
    permission: 'objectives:read',
  },
  {
    key: 'internalAudits',
    phase: 'check',
    path: '/internal-audits',
    icon: IconClipboardCheck,
    requirements: ['4.2.3.d', '6.4'],
    // Auditees (staff) see the audits of their unit: audits:read, not isms:read.
    permission: 'audits:read',
  },
  {
    key: 'managementReview',
    phase: 'check',
    path: '/management-review',
    icon: IconPresentation,
    requirements: ['4.2.3.e', '5.1.g', '6.1', '6.2', '6.3'],
    // Staff see minutes distributed to all: reviews:read, not isms:read.
    permission: 'reviews:read',
  },
  {
    key: 'ismsEvents',
    phase: 'check',
    path: '/isms-events',
    icon: IconTimelineEvent,
    requirements: ['4.2.3.f'],
  },
  {
    key: 'conformity',
    phase: 'check',
    path: '/conformity',
    icon: IconCertificate,
    requirements: ['4.1'],
  },
  {
    key: 'correctiveActions',
    phase: 'act',
    path: '/corrective-actions',
    permission: 'improvement:read',
    icon: IconTool,
    requirements: ['7.2', '7.3'],
  },
  {
    key: 'improvement',
    phase: 'act',
    path: '/improvement',
    icon: IconTrendingUp,
    requirements: ['4.2.4', '7.1'],
    permission: 'improvement:read',
  },
] as const;

export type AreaKey = (typeof areaDefinitions)[number]['key'];

/** Every ISMS area, in navigation order. Areas without their own permission need isms:read. */
export const AREAS: readonly Area[] = areaDefinitions.map((area) => ({
  permission: 'isms:read',
  ...area,
}));

export function areasOfPhase(phase: Phase): Area[] {
  return AREAS.filter((area) => area.phase === phase);
}

/** A page outside the PDCA areas (the approvals inbox, administration). */
export interface NavPage {
  /** i18n key under `nav.` */
  key:
    | 'approvals'
    | 'toRead'
    | 'myTraining'
    | 'calendar'
    | 'users'
    | 'roles'
    | 'audit'
    | 'evidencePacks'
    | 'approvalPolicies'
    | 'authPolicy'
    | 'identityProviders';
  path: string;
  icon: Icon;
  /** Shown in the navigation only to users holding this permission (with this reach, if given). */
  permission: string;
  reach?: 'all';
}

/** Work that reaches every user: decisions waiting for them. */
export const WORKSPACE_PAGES: readonly NavPage[] = [
  { key: 'approvals', path: '/approvals', icon: IconSignature, permission: 'approvals:read' },
  {
    key: 'toRead',
    path: '/documents/to-read',
    icon: IconBookmark,
    permission: 'documents:acknowledge',
  },
  // Courses and quizzes to take, and the responsibilities of one's ISMS roles to acknowledge.
  { key: 'myTraining', path: '/training/my', icon: IconAward, permission: 'training:take' },
  // Everything with a date, of the areas the user can see (issue 22).
  { key: 'calendar', path: '/calendar', icon: IconCalendar, permission: 'organization:read' },
];

/** Administration: people, roles, the audit trail and who signs off what. */
export const ADMIN_PAGES: readonly NavPage[] = [
  { key: 'users', path: '/admin/users', icon: IconUsers, permission: 'users:read' },
  { key: 'roles', path: '/admin/roles', icon: IconShieldCheck, permission: 'users:read' },
  { key: 'audit', path: '/admin/audit', icon: IconHistory, permission: 'audit:read' },
  // The evidence pack for the certification audit: made by the ISMS manager, taken by auditors.
  {
    key: 'evidencePacks',
    path: '/evidence-pack',
    icon: IconPackageExport,
    permission: 'evidence_packs:read',
  },
  {
    key: 'approvalPolicies',
    path: '/admin/approvals',
    icon: IconGavel,
    permission: 'approvals:read',
    reach: 'all',
  },
  // Who needs a second factor at sign-in, and how long a step-up confirmation lasts.
  {
    key: 'authPolicy',
    path: '/admin/sign-in-policy',
    icon: IconShieldLock,
    permission: 'organization:manage',
  },
  // Single sign-on (OIDC, SAML) and SCIM provisioning.
  {
    key: 'identityProviders',
    path: '/admin/identity-providers',
    icon: IconBuildingSkyscraper,
    permission: 'organization:manage',
  },
];
