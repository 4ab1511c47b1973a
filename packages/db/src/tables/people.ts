import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps, uuids } from './columns.ts';
import { documents } from './documents.ts';
import { organizations, users } from './identity.ts';
import { orgUnits } from './scope.ts';
import { trainingCourses } from './training.ts';

/**
 * People (5.1.c, 5.2.2.a/b/d; annex 4.1.1–4.1.2, 6.1): the organization's ISMS
 * roles (not app permissions) with who holds them and who deputizes, the ISMS
 * committee, job definitions with security responsibilities, the competence
 * each role and job needs, and each person's profile, competences and
 * signed agreements.
 */
export const ismsRoles = pgTable(
  'isms_roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The organization's short code (CISO, SEC…), unique per organization. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    responsibilities: text('responsibilities').notNull().default(''),
    responsibilitiesEn: text('responsibilities_en').notNull().default(''),
    /** The app role that usually goes with it (top_management…), a hint for consistency checks. */
    appRole: text('app_role'),
    /** A deputy must be named (the rule of 5.1.c looks for one). */
    requiresDeputy: boolean('requires_deputy').notNull().default(false),
    /** Held per organization unit (推進委員, asset owners): assignments name the unit. */
    perUnit: boolean('per_unit').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('isms_roles_code_key').on(t.organizationId, t.code)],
);

/**
 * Who holds an ISMS role or deputizes for it, from a date until an optional
 * end. The holder's acknowledgement of the role's responsibilities records
 * which version of the role they read (a later edit makes it stale).
 */
export const ismsRoleAssignments = pgTable(
  'isms_role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    roleId: uuid('role_id')
      .notNull()
      .references(() => ismsRoles.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** 'holder' | 'deputy'. */
    kind: text('kind').notNull().default('holder'),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    note: text('note').notNull().default(''),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedRoleVersion: integer('acknowledged_role_version'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('isms_role_assignments_role_idx').on(t.organizationId, t.roleId),
    index('isms_role_assignments_user_idx').on(t.organizationId, t.userId),
    check('isms_role_assignments_kind_check', sql`${t.kind} in ('holder', 'deputy')`),
    check(
      'isms_role_assignments_dates_check',
      sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`,
    ),
  ],
);

/** Members of the ISMS committee (annex 4.1.1): a chair, a secretary, members. */
export const committeeMembers = pgTable(
  'committee_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** 'chair' | 'secretary' | 'member'. */
    position: text('position').notNull().default('member'),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('committee_members_current_key')
      .on(t.organizationId, t.userId)
      .where(sql`${t.leftOn} is null`),
    check(
      'committee_members_position_check',
      sql`${t.position} in ('chair', 'secretary', 'member')`,
    ),
  ],
);

/** Meetings of the ISMS committee (annex 4.1.2: coordination across the organization). */
export const committeeMeetings = pgTable(
  'committee_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** 1, 2, 3… per organization (CM-0001). */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    /** 'planned' | 'held'. */
    status: text('status').notNull().default('planned'),
    agenda: text('agenda').notNull().default(''),
    minutes: text('minutes').notNull().default(''),
    attendeeUserIds: uuids('attendee_user_ids'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('committee_meetings_number_key').on(t.organizationId, t.number),
    check('committee_meetings_status_check', sql`${t.status} in ('planned', 'held')`),
  ],
);

/** Job definitions with their security responsibilities (annex 6.1.1). */
export const jobDefinitions = pgTable(
  'job_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    securityResponsibilities: text('security_responsibilities').notNull().default(''),
    securityResponsibilitiesEn: text('security_responsibilities_en').notNull().default(''),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('job_definitions_code_key').on(t.organizationId, t.code)],
);

/**
 * A competence an ISMS role or a job needs (5.2.2.a): a skill, a qualification
 * or a training course, optionally to be renewed every so many months.
 */
export const competenceRequirements = pgTable(
  'competence_requirements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    roleId: uuid('role_id').references(() => ismsRoles.id),
    jobId: uuid('job_id').references(() => jobDefinitions.id),
    /** 'skill' | 'qualification' | 'training'. */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    /** The course that meets a training requirement. */
    courseId: uuid('course_id').references(() => trainingCourses.id),
    renewalMonths: integer('renewal_months'),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('competence_requirements_role_idx').on(t.organizationId, t.roleId),
    index('competence_requirements_job_idx').on(t.organizationId, t.jobId),
    check(
      'competence_requirements_kind_check',
      sql`${t.kind} in ('skill', 'qualification', 'training')`,
    ),
    check('competence_requirements_target_check', sql`num_nonnulls(${t.roleId}, ${t.jobId}) = 1`),
    check(
      'competence_requirements_course_check',
      sql`(${t.kind} = 'training') = (${t.courseId} is not null)`,
    ),
    check(
      'competence_requirements_renewal_check',
      sql`${t.renewalMonths} is null or ${t.renewalMonths} between 1 and 120`,
    ),
  ],
);

/** A person's profile (5.2.2.d): job, education, experience. One row per user, made on first edit. */
export const personProfiles = pgTable(
  'person_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    jobId: uuid('job_id').references(() => jobDefinitions.id),
    education: text('education').notNull().default(''),
    experience: text('experience').notNull().default(''),
    joinedOn: date('joined_on', { mode: 'string' }),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('person_profiles_org_job_idx').on(t.organizationId, t.jobId)],
);

/**
 * A qualification, certificate or skill a person holds, with its expiry; when
 * it meets a competence requirement it names it. Evidence files attach to it
 * (owner type 'person_competence').
 */
export const personCompetences = pgTable(
  'person_competences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** 'qualification' | 'certificate' | 'skill'. */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    issuer: text('issuer').notNull().default(''),
    requirementId: uuid('requirement_id').references(() => competenceRequirements.id, {
      onDelete: 'set null',
    }),
    obtainedOn: date('obtained_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('person_competences_user_idx').on(t.organizationId, t.userId),
    index('person_competences_expiry_idx').on(t.organizationId, t.expiresOn),
    check(
      'person_competences_kind_check',
      sql`${t.kind} in ('qualification', 'certificate', 'skill')`,
    ),
    check(
      'person_competences_dates_check',
      sql`${t.expiresOn} is null or ${t.obtainedOn} is null or ${t.expiresOn} >= ${t.obtainedOn}`,
    ),
  ],
);

/**
 * Agreements a person signed (annex 6.1.3 confidentiality, 6.1.4 terms of
 * employment, acceptable use), with the signed date; the signed copy is a
 * file (owner type 'person_agreement').
 */
export const personAgreements = pgTable(
  'person_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** 'confidentiality' | 'employment_terms' | 'acceptable_use'. */
    kind: text('kind').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('person_agreements_user_idx').on(t.organizationId, t.userId),
    check(
      'person_agreements_kind_check',
      sql`${t.kind} in ('confidentiality', 'employment_terms', 'acceptable_use')`,
    ),
  ],
);

/** Per-organization settings of the people and training areas. */
export const peopleSettings = pgTable(
  'people_settings',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id),
    /** The documented disciplinary process (annex 6.3.5). */
    disciplinaryDocumentId: uuid('disciplinary_document_id').references(() => documents.id),
    /** Days ahead in which an expiring certificate or training shows as expiring. */
    expiryWarningDays: integer('expiry_warning_days').notNull().default(90),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [check('people_settings_warning_check', sql`${t.expiryWarningDays} between 1 and 365`)],
);
