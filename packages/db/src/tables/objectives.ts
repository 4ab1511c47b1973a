import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { texts, timestamps } from './columns.ts';
import { organizations, users } from './identity.ts';
import { orgUnits } from './scope.ts';

/**
 * Information security objectives (5.1.b, 4.2.1.b.1): what is to be reached,
 * measured how, by when, by whom and by which plan. Measurements are kept in
 * objective_measurements; the status on track / at risk / missed is computed.
 */
export const objectives = pgTable(
  'objectives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** 1, 2, 3… per organization (shown as OBJ-001). */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerId: uuid('owner_id').references(() => users.id),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    /** What is measured (e.g. share of staff who completed training). */
    metric: text('metric').notNull(),
    /** Unit of measure ('%', 'hours', 'cases'). */
    measureUnit: text('measure_unit').notNull().default(''),
    /** 'higher_is_better' | 'lower_is_better'. */
    direction: text('direction').notNull(),
    baseline: doublePrecision('baseline').notNull(),
    target: doublePrecision('target').notNull(),
    /** The day the baseline holds: the straight line to the target starts here. */
    startDate: date('start_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** How the objective will be reached: actions, resources, responsibilities. */
    plan: text('plan').notNull().default(''),
    /** 'monthly' | 'quarterly' | 'half_yearly' | 'yearly'. */
    frequency: text('frequency').notNull(),
    /** 'active' | 'achieved' | 'missed' | 'withdrawn'. */
    status: text('status').notNull().default('active'),
    controlIds: texts('control_ids'),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('objectives_number_key').on(t.organizationId, t.number),
    index('objectives_due_idx').on(t.organizationId, t.dueDate, t.id),
    index('objectives_owner_idx').on(t.organizationId, t.ownerId),
    check(
      'objectives_direction_check',
      sql`${t.direction} in ('higher_is_better', 'lower_is_better')`,
    ),
    check(
      'objectives_frequency_check',
      sql`${t.frequency} in ('monthly', 'quarterly', 'half_yearly', 'yearly')`,
    ),
    check(
      'objectives_status_check',
      sql`${t.status} in ('active', 'achieved', 'missed', 'withdrawn')`,
    ),
    check('objectives_dates_check', sql`${t.startDate} <= ${t.dueDate}`),
  ],
);

/**
 * Values of an objective's metric over time, entered by hand, from a CSV file
 * or by a monitoring tool with an API token. Removal keeps the row with who
 * removed it and why (deleted_at), so the history stays complete.
 */
export const objectiveMeasurements = pgTable(
  'objective_measurements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    objectiveId: uuid('objective_id')
      .notNull()
      .references(() => objectives.id),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
    note: text('note').notNull().default(''),
    /** 'manual' | 'csv' | 'api'. */
    source: text('source').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by').references(() => users.id),
    deleteReason: text('delete_reason'),
  },
  (t) => [
    index('objective_measurements_objective_idx')
      .on(t.organizationId, t.objectiveId, t.measuredOn)
      .where(sql`${t.deletedAt} is null`),
    check('objective_measurements_source_check', sql`${t.source} in ('manual', 'csv', 'api')`),
    check(
      'objective_measurements_delete_reason_check',
      sql`${t.deletedAt} is null or coalesce(${t.deleteReason}, '') <> ''`,
    ),
  ],
);
