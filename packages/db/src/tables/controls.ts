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
import { timestamps } from './columns.ts';
import { organizations, users } from './identity.ts';
import { nonconformities } from './improvement.ts';

/**
 * How an applicable control is operated (4.2.2.c, 5.2.1.d). Kept apart from
 * soa_entries on purpose: the approved SoA stays frozen while the control's
 * day-to-day status, owner and notes change.
 */
export const controlOperations = pgTable(
  'control_operations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The catalog control's text ID (annex or the organization's own). */
    controlId: text('control_id').notNull(),
    /** 'not_started' | 'in_operation' | 'partly' | 'suspended'. */
    status: text('status').notNull().default('not_started'),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    notes: text('notes').notNull().default(''),
    /** Why no issued procedure or record type evidences the control (4.2.2.e, 5.2.1.b). */
    noProcedureReason: text('no_procedure_reason').notNull().default(''),
    updatedBy: uuid('updated_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('control_operations_control_key').on(t.organizationId, t.controlId),
    index('control_operations_owner_idx').on(t.organizationId, t.ownerUserId),
    check(
      'control_operations_status_check',
      sql`${t.status} in ('not_started', 'in_operation', 'partly', 'suspended')`,
    ),
  ],
);

/** A scheduled check of a control's effectiveness (4.2.3.b): what, how often, by whom. */
export const controlChecks = pgTable(
  'control_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    controlId: text('control_id').notNull(),
    title: text('title').notNull(),
    /** What is checked and how. */
    method: text('method').notNull().default(''),
    /** 'monthly' | 'quarterly' | 'half_yearly' | 'yearly'. */
    frequency: text('frequency').notNull(),
    nextDue: date('next_due', { mode: 'string' }).notNull(),
    checkerUserId: uuid('checker_user_id').references(() => users.id),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('control_checks_control_idx').on(t.organizationId, t.controlId),
    // The checks board: active checks by due date (overdue, due soon).
    index('control_checks_due_idx')
      .on(t.organizationId, t.nextDue, t.id)
      .where(sql`${t.active}`),
    index('control_checks_checker_idx').on(t.organizationId, t.checkerUserId),
    check(
      'control_checks_frequency_check',
      sql`${t.frequency} in ('monthly', 'quarterly', 'half_yearly', 'yearly')`,
    ),
  ],
);

/** One performed check: when, by whom, how effective the control was, and what followed. */
export const controlCheckResults = pgTable(
  'control_check_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    checkId: uuid('check_id')
      .notNull()
      .references(() => controlChecks.id),
    /** Copied from the check so results per control read without a join. */
    controlId: text('control_id').notNull(),
    performedOn: date('performed_on', { mode: 'string' }).notNull(),
    /** 'effective' | 'partly_effective' | 'not_effective'. */
    result: text('result').notNull(),
    notes: text('notes').notNull().default(''),
    checkerUserId: uuid('checker_user_id').references(() => users.id),
    /** The nonconformity raised from a failed result (improvement area). */
    nonconformityId: uuid('nonconformity_id').references(() => nonconformities.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('control_check_results_check_idx').on(t.organizationId, t.checkId, t.performedOn),
    index('control_check_results_control_idx').on(t.organizationId, t.controlId, t.performedOn),
    uniqueIndex('control_check_results_nc_key')
      .on(t.nonconformityId)
      .where(sql`${t.nonconformityId} is not null`),
    check(
      'control_check_results_result_check',
      sql`${t.result} in ('effective', 'partly_effective', 'not_effective')`,
    ),
    check(
      'control_check_results_nc_check',
      sql`${t.nonconformityId} is null or ${t.result} <> 'effective'`,
    ),
  ],
);
