import { z } from 'zod';

/**
 * People (5.1.c–d, 5.2.2.a/b/d; annex 4.1.1–4.1.2, 6.1, 6.3.5): ISMS roles
 * with holders and deputies, the ISMS committee, job definitions, competence
 * requirements, person profiles with competences and agreements, and the gap
 * view. Every list is paged or bounded; every edit takes If-Match.
 */

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};
const isoDate = z.iso.date();
const person = z.object({ id: z.uuid(), name: z.string() });
const unitRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
const shortText = z.string().trim().max(300);
const longText = z.string().max(20_000);

// ---- ISMS roles -----------------------------------------------------------------------

export const assignmentKindSchema = z.enum(['holder', 'deputy']);
export type AssignmentKind = z.infer<typeof assignmentKindSchema>;

export const roleAssignmentSchema = z
  .object({
    id: z.uuid(),
    roleId: z.uuid(),
    user: person,
    kind: assignmentKindSchema,
    unit: unitRef.nullable(),
    startsOn: isoDate,
    endsOn: isoDate.nullable(),
    note: z.string(),
    /** The holder acknowledged the role's current responsibilities. */
    acknowledgedAt: z.iso.datetime().nullable(),
    /** Acknowledged an earlier wording of the responsibilities. */
    acknowledgementStale: z.boolean(),
    /** Today lies between startsOn and endsOn. */
    current: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'RoleAssignment' });
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

export const ismsRoleSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    responsibilities: z.string(),
    responsibilitiesEn: z.string(),
    appRole: z.string().nullable(),
    requiresDeputy: z.boolean(),
    perUnit: z.boolean(),
    sortOrder: z.number().int(),
    active: z.boolean(),
    /** Current assignments (holders first). */
    assignments: z.array(roleAssignmentSchema),
    /** Competence requirements of the role. */
    requirementCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'IsmsRole' });
export type IsmsRole = z.infer<typeof ismsRoleSchema>;

const roleFields = {
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().trim().min(1).max(200),
  nameEn: shortText.default(''),
  responsibilities: longText.default(''),
  responsibilitiesEn: longText.default(''),
  appRole: z.string().max(40).nullable().default(null),
  requiresDeputy: z.boolean().default(false),
  perUnit: z.boolean().default(false),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
};
export const ismsRoleCreateSchema = z.object(roleFields);
export type IsmsRoleCreate = z.infer<typeof ismsRoleCreateSchema>;
/** Without the create defaults: zod fills a default even into a field a partial update leaves out. */
export const ismsRoleUpdateSchema = z.object({
  code: roleFields.code.optional(),
  name: roleFields.name.optional(),
  nameEn: shortText.optional(),
  responsibilities: longText.optional(),
  responsibilitiesEn: longText.optional(),
  appRole: z.string().max(40).nullable().optional(),
  requiresDeputy: z.boolean().optional(),
  perUnit: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});
export type IsmsRoleUpdate = z.infer<typeof ismsRoleUpdateSchema>;

export const roleAssignmentCreateSchema = z.object({
  userId: z.uuid(),
  kind: assignmentKindSchema.default('holder'),
  /** Required when the role is held per unit. */
  orgUnitId: z.uuid().nullable().default(null),
  startsOn: isoDate.optional(),
  endsOn: isoDate.nullable().default(null),
  note: z.string().max(2000).default(''),
});
export type RoleAssignmentCreate = z.infer<typeof roleAssignmentCreateSchema>;
/** Ending an assignment (or correcting it) keeps its history. */
export const roleAssignmentUpdateSchema = z.object({
  kind: assignmentKindSchema.optional(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.nullable().optional(),
  note: z.string().max(2000).optional(),
});
export type RoleAssignmentUpdate = z.infer<typeof roleAssignmentUpdateSchema>;

export const ismsRoleListQuerySchema = z.object({
  active: z.enum(['true', 'false', 'all']).default('true'),
});

/** "My roles": the caller's current assignments with the responsibilities to acknowledge. */
export const myRoleSchema = z
  .object({
    assignment: roleAssignmentSchema,
    role: z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      nameEn: z.string(),
      responsibilities: z.string(),
      responsibilitiesEn: z.string(),
      version: z.number().int(),
    }),
  })
  .meta({ id: 'MyRole' });
export type MyRole = z.infer<typeof myRoleSchema>;

// ---- committee ------------------------------------------------------------------------

export const committeePositionSchema = z.enum(['chair', 'secretary', 'member']);
export type CommitteePosition = z.infer<typeof committeePositionSchema>;

export const committeeMemberSchema = z
  .object({
    id: z.uuid(),
    user: person,
    position: committeePositionSchema,
    joinedOn: isoDate,
    leftOn: isoDate.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'CommitteeMember' });
export type CommitteeMember = z.infer<typeof committeeMemberSchema>;
export const committeeMemberCreateSchema = z.object({
  userId: z.uuid(),
  position: committeePositionSchema.default('member'),
  joinedOn: isoDate.optional(),
});
export const committeeMemberUpdateSchema = z.object({
  position: committeePositionSchema.optional(),
  leftOn: isoDate.nullable().optional(),
});
export type CommitteeMemberCreate = z.infer<typeof committeeMemberCreateSchema>;
export type CommitteeMemberUpdate = z.infer<typeof committeeMemberUpdateSchema>;

export const committeeMeetingSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    /** CM-0001. */
    code: z.string(),
    title: z.string(),
    heldOn: isoDate,
    status: z.enum(['planned', 'held']),
    agenda: z.string(),
    minutes: z.string(),
    attendees: z.array(person),
    fileCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CommitteeMeeting' });
export type CommitteeMeeting = z.infer<typeof committeeMeetingSchema>;
const meetingFields = {
  title: z.string().trim().min(1).max(300),
  heldOn: isoDate,
  status: z.enum(['planned', 'held']).default('planned'),
  agenda: longText.default(''),
  minutes: z.string().max(50_000).default(''),
  attendeeUserIds: z.array(z.uuid()).max(200).default([]),
};
export const committeeMeetingCreateSchema = z.object(meetingFields);
export const committeeMeetingUpdateSchema = z.object({
  title: meetingFields.title.optional(),
  heldOn: isoDate.optional(),
  status: z.enum(['planned', 'held']).optional(),
  agenda: longText.optional(),
  minutes: z.string().max(50_000).optional(),
  attendeeUserIds: z.array(z.uuid()).max(200).optional(),
});
export const committeeMeetingListQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...page,
});
export type CommitteeMeetingCreate = z.infer<typeof committeeMeetingCreateSchema>;
export type CommitteeMeetingUpdate = z.infer<typeof committeeMeetingUpdateSchema>;
export type CommitteeMeetingListQuery = z.infer<typeof committeeMeetingListQuerySchema>;

// ---- job definitions ------------------------------------------------------------------

export const jobDefinitionSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    securityResponsibilities: z.string(),
    securityResponsibilitiesEn: z.string(),
    active: z.boolean(),
    /** People whose profile names this job. */
    peopleCount: z.number().int(),
    requirementCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'JobDefinition' });
export type JobDefinition = z.infer<typeof jobDefinitionSchema>;
const jobFields = {
  code: roleFields.code,
  name: z.string().trim().min(1).max(200),
  nameEn: shortText.default(''),
  securityResponsibilities: longText.default(''),
  securityResponsibilitiesEn: longText.default(''),
};
export const jobDefinitionCreateSchema = z.object(jobFields);
// Without defaults: a default inside .partial() would blank every field a PATCH leaves out.
export const jobDefinitionUpdateSchema = z
  .object({
    code: roleFields.code,
    name: jobFields.name,
    nameEn: shortText,
    securityResponsibilities: longText,
    securityResponsibilitiesEn: longText,
    active: z.boolean(),
  })
  .partial();

// ---- competence requirements ----------------------------------------------------------

export const competenceKindSchema = z.enum(['skill', 'qualification', 'training']);
export type CompetenceKind = z.infer<typeof competenceKindSchema>;

export const competenceRequirementSchema = z
  .object({
    id: z.uuid(),
    /** Exactly one of role and job. */
    role: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
    job: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
    kind: competenceKindSchema,
    name: z.string(),
    nameEn: z.string(),
    course: z.object({ id: z.uuid(), code: z.string(), title: z.string() }).nullable(),
    renewalMonths: z.number().int().nullable(),
    note: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'CompetenceRequirement' });
export type CompetenceRequirement = z.infer<typeof competenceRequirementSchema>;

export const competenceRequirementCreateSchema = z
  .object({
    roleId: z.uuid().nullable().default(null),
    jobId: z.uuid().nullable().default(null),
    kind: competenceKindSchema,
    name: z.string().trim().min(1).max(300),
    nameEn: shortText.default(''),
    courseId: z.uuid().nullable().default(null),
    renewalMonths: z.number().int().min(1).max(120).nullable().default(null),
    note: z.string().max(5000).default(''),
  })
  .refine((r) => (r.roleId === null) !== (r.jobId === null), {
    message: 'requirement_target_one',
    path: ['roleId'],
  })
  .refine((r) => (r.kind === 'training') === (r.courseId !== null), {
    message: 'requirement_course_for_training',
    path: ['courseId'],
  });
export type CompetenceRequirementCreate = z.infer<typeof competenceRequirementCreateSchema>;
/** The target (role or job) is fixed; the domain re-checks kind against course. */
export const competenceRequirementUpdateSchema = z.object({
  kind: competenceKindSchema.optional(),
  name: z.string().trim().min(1).max(300).optional(),
  nameEn: shortText.optional(),
  courseId: z.uuid().nullable().optional(),
  renewalMonths: z.number().int().min(1).max(120).nullable().optional(),
  note: z.string().max(5000).optional(),
});
export const competenceRequirementListQuerySchema = z.object({
  roleId: z.uuid().optional(),
  jobId: z.uuid().optional(),
});

// ---- person profiles, competences, agreements -----------------------------------------

export const personCompetenceKindSchema = z.enum(['qualification', 'certificate', 'skill']);
export const personCompetenceSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    kind: personCompetenceKindSchema,
    name: z.string(),
    issuer: z.string(),
    requirement: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    obtainedOn: isoDate.nullable(),
    expiresOn: isoDate.nullable(),
    /** Expired, or expiring within the organization's warning days. */
    expiry: z.enum(['valid', 'expiring', 'expired', 'none']),
    note: z.string(),
    fileCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'PersonCompetence' });
export type PersonCompetence = z.infer<typeof personCompetenceSchema>;
const competenceFields = {
  kind: personCompetenceKindSchema,
  name: z.string().trim().min(1).max(300),
  issuer: shortText.default(''),
  requirementId: z.uuid().nullable().default(null),
  obtainedOn: isoDate.nullable().default(null),
  expiresOn: isoDate.nullable().default(null),
  note: z.string().max(5000).default(''),
};
export const personCompetenceCreateSchema = z.object(competenceFields);
export const personCompetenceUpdateSchema = z
  .object({
    kind: personCompetenceKindSchema,
    name: competenceFields.name,
    issuer: shortText,
    requirementId: z.uuid().nullable(),
    obtainedOn: isoDate.nullable(),
    expiresOn: isoDate.nullable(),
    note: z.string().max(5000),
  })
  .partial();

export const agreementKindSchema = z.enum([
  'confidentiality',
  'employment_terms',
  'acceptable_use',
]);
export type AgreementKind = z.infer<typeof agreementKindSchema>;
export const personAgreementSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    kind: agreementKindSchema,
    signedOn: isoDate,
    expiresOn: isoDate.nullable(),
    note: z.string(),
    fileCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'PersonAgreement' });
export type PersonAgreement = z.infer<typeof personAgreementSchema>;
const agreementFields = {
  kind: agreementKindSchema,
  signedOn: isoDate,
  expiresOn: isoDate.nullable().default(null),
  note: z.string().max(5000).default(''),
};
export const personAgreementCreateSchema = z.object(agreementFields);
export const personAgreementUpdateSchema = z
  .object({
    kind: agreementKindSchema,
    signedOn: isoDate,
    expiresOn: isoDate.nullable(),
    note: z.string().max(5000),
  })
  .partial();

/** One person as the people list shows them. */
export const personSummarySchema = z
  .object({
    user: person,
    email: z.string(),
    unit: unitRef.nullable(),
    job: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
    /** ISMS roles held now (codes). */
    roleCodes: z.array(z.string()),
    /** Required competences not met now. */
    gapCount: z.number().int(),
    /** Competences expiring within the warning days. */
    expiringCount: z.number().int(),
    confidentialitySigned: z.boolean(),
  })
  .meta({ id: 'PersonSummary' });
export type PersonSummary = z.infer<typeof personSummarySchema>;
export const personListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  unitId: z.uuid().optional(),
  roleId: z.uuid().optional(),
  /** Only people with a competence gap. */
  gaps: z.enum(['true']).optional(),
  ...page,
});

export const personProfileSchema = z
  .object({
    user: person,
    email: z.string(),
    unit: unitRef.nullable(),
    job: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
    education: z.string(),
    experience: z.string(),
    joinedOn: isoDate.nullable(),
    notes: z.string(),
    roles: z.array(roleAssignmentSchema.extend({ roleCode: z.string(), roleName: z.string() })),
    competences: z.array(personCompetenceSchema),
    agreements: z.array(personAgreementSchema),
    /** The caller may edit this profile (ISMS manager, or the head of the person's unit). */
    editable: z.boolean(),
    /** 0 before the first edit (the row is made then). */
    version: z.number().int(),
  })
  .meta({ id: 'PersonProfile' });
export type PersonProfile = z.infer<typeof personProfileSchema>;
export const personProfileUpdateSchema = z.object({
  jobId: z.uuid().nullable().optional(),
  education: longText.optional(),
  experience: longText.optional(),
  joinedOn: isoDate.nullable().optional(),
  notes: longText.optional(),
});
export type PersonProfileUpdate = z.infer<typeof personProfileUpdateSchema>;

// ---- gap view (5.2.2.a/b) -------------------------------------------------------------

export const gapStatusSchema = z.enum(['missing', 'expired', 'expiring', 'failed']);
export type GapStatus = z.infer<typeof gapStatusSchema>;
export const competenceGapSchema = z
  .object({
    user: person,
    unit: unitRef.nullable(),
    requirement: z.object({
      id: z.uuid(),
      kind: competenceKindSchema,
      name: z.string(),
      nameEn: z.string(),
    }),
    /** Why the person needs it: the role or the job. */
    source: z.object({ kind: z.enum(['role', 'job']), code: z.string(), name: z.string() }),
    status: gapStatusSchema,
    /** When what the person has expires or expired (expiring, expired). */
    dueOn: isoDate.nullable(),
  })
  .meta({ id: 'CompetenceGap' });
export type CompetenceGap = z.infer<typeof competenceGapSchema>;
export const competenceGapQuerySchema = z.object({
  status: gapStatusSchema.optional(),
  unitId: z.uuid().optional(),
  userId: z.uuid().optional(),
  ...page,
});

// ---- organization chart and settings ---------------------------------------------------

/** A unit of the organization chart with its head, members and ISMS role holders. */
export const orgChartUnitSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    parentId: z.uuid().nullable(),
    head: person.nullable(),
    memberCount: z.number().int(),
    /** Current ISMS role holders in the unit (per-unit roles) and members holding roles. */
    roles: z.array(
      z.object({
        roleId: z.uuid(),
        code: z.string(),
        name: z.string(),
        kind: assignmentKindSchema,
        user: person,
      }),
    ),
  })
  .meta({ id: 'OrgChartUnit' });
export type OrgChartUnit = z.infer<typeof orgChartUnitSchema>;
export const orgChartSchema = z
  .object({
    units: z.array(orgChartUnitSchema),
    /** Organization-wide role holders (roles not held per unit). */
    organizationRoles: z.array(
      z.object({
        roleId: z.uuid(),
        code: z.string(),
        name: z.string(),
        kind: assignmentKindSchema,
        user: person,
      }),
    ),
    committee: z.array(committeeMemberSchema),
  })
  .meta({ id: 'OrgChart' });
export type OrgChart = z.infer<typeof orgChartSchema>;

export const peopleSettingsSchema = z
  .object({
    disciplinaryDocument: z
      .object({ id: z.uuid(), code: z.string(), title: z.string() })
      .nullable(),
    expiryWarningDays: z.number().int().min(1).max(365),
    version: z.number().int(),
  })
  .meta({ id: 'PeopleSettings' });
export type PeopleSettings = z.infer<typeof peopleSettingsSchema>;
export const peopleSettingsUpdateSchema = z.object({
  disciplinaryDocumentId: z.uuid().nullable().optional(),
  expiryWarningDays: z.number().int().min(1).max(365).optional(),
});
export type PeopleSettingsUpdate = z.infer<typeof peopleSettingsUpdateSchema>;

// ---- competence part: input types and path parameters ---------------------------------

export type JobDefinitionCreate = z.infer<typeof jobDefinitionCreateSchema>;
export type JobDefinitionUpdate = z.infer<typeof jobDefinitionUpdateSchema>;
export type CompetenceRequirementUpdate = z.infer<typeof competenceRequirementUpdateSchema>;
export type PersonCompetenceCreate = z.infer<typeof personCompetenceCreateSchema>;
export type PersonCompetenceUpdate = z.infer<typeof personCompetenceUpdateSchema>;
export type PersonAgreementCreate = z.infer<typeof personAgreementCreateSchema>;
export type PersonAgreementUpdate = z.infer<typeof personAgreementUpdateSchema>;
export type PersonListQuery = z.infer<typeof personListQuerySchema>;
export type CompetenceGapQuery = z.infer<typeof competenceGapQuerySchema>;
/** `/people/:userId…` routes. */
export const personParamsSchema = z.object({ userId: z.uuid() });
