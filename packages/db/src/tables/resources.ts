import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { approvals } from './approvals.ts';
import { timestamps } from './columns.ts';
import { organizations, users } from './identity.ts';
import { orgUnits } from './scope.ts';

/**
 * The ISMS resources register (4.2.2.f, 5.1.e, 5.2.1.a): people's time, money,
 * tools and services per fiscal year, what each serves in the ISMS (establish,
 * operate, monitor, improve), and what was planned against what was used.
 */
export const ismsResources = pgTable(
  'isms_resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    fiscalYear: integer('fiscal_year').notNull(),
    /** 'people' | 'money' | 'tool' | 'service' | 'other'. */
    kind: text('kind').notNull(),
    /** The ISMS activity it serves: 'establish' | 'operate' | 'monitor' | 'improve'. */
    activity: text('activity').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    unitId: uuid('unit_id').references(() => orgUnits.id),
    /** Yen. */
    plannedAmount: bigint('planned_amount', { mode: 'number' }),
    plannedHours: integer('planned_hours'),
    /** Null until usage is recorded (0 is "recorded, nothing used"). */
    usedAmount: bigint('used_amount', { mode: 'number' }),
    usedHours: integer('used_hours'),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('isms_resources_year_idx').on(t.organizationId, t.fiscalYear, t.kind, t.id),
    check(
      'isms_resources_kind_check',
      sql`${t.kind} in ('people', 'money', 'tool', 'service', 'other')`,
    ),
    check(
      'isms_resources_activity_check',
      sql`${t.activity} in ('establish', 'operate', 'monitor', 'improve')`,
    ),
    check('isms_resources_year_check', sql`${t.fiscalYear} between 2000 and 2100`),
    check(
      'isms_resources_amounts_check',
      sql`coalesce(${t.plannedAmount}, 0) >= 0 and coalesce(${t.plannedHours}, 0) >= 0
        and coalesce(${t.usedAmount}, 0) >= 0 and coalesce(${t.usedHours}, 0) >= 0`,
    ),
    check(
      'isms_resources_planned_check',
      sql`${t.plannedAmount} is not null or ${t.plannedHours} is not null`,
    ),
  ],
);

/** When the organization's fiscal year starts (April in most Japanese companies). */
export const resourceSettings = pgTable(
  'resource_settings',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id),
    fiscalYearStartMonth: integer('fiscal_year_start_month').notNull().default(4),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('resource_settings_month_check', sql`${t.fiscalYearStartMonth} between 1 and 12`)],
);

/**
 * The resource plan of one fiscal year, approved by top management (approval
 * type 'resource_plan'). Its version moves whenever a planned figure of the
 * year changes, so an approval names exactly what was approved; a change
 * after approval returns the plan to draft.
 */
export const resourcePlans = pgTable(
  'resource_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    fiscalYear: integer('fiscal_year').notNull(),
    /** 'draft' | 'submitted' | 'approved'. */
    status: text('status').notNull().default('draft'),
    approvalId: uuid('approval_id').references(() => approvals.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** The latest approval (kept when a later change returns the plan to draft). */
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedVersion: integer('approved_version'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('resource_plans_year_key').on(t.organizationId, t.fiscalYear),
    check('resource_plans_status_check', sql`${t.status} in ('draft', 'submitted', 'approved')`),
  ],
);
