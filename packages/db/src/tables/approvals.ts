import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './identity.ts';

/**
 * A request to approve one version of one object. Once decided the row is
 * immutable (a trigger refuses updates and deletes).
 */
export const approvals = pgTable(
  'approvals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    approvalType: text('approval_type').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    entityVersion: integer('entity_version').notNull(),
    title: text('title').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    assigneeRole: text('assignee_role'),
    /**
     * Segregation of duties as the policy stood when the request was made: a
     * later policy change never applies to a request already waiting.
     */
    segregateAuthor: boolean('segregate_author').notNull().default(true),
    /** What a change request proposes (a policy's new values, the roles to grant), applied on approval. */
    proposal: jsonb('proposal').$type<Record<string, unknown>>(),
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /**
     * The decider's roles when they decided: "approved by top management"
     * must not change when someone later gains or loses the role. Null on
     * rows decided before the column existed (readers fall back to today's roles).
     */
    decidedByRoles: text('decided_by_roles').array(),
    comment: text('comment'),
  },
  (t) => [
    index('approvals_entity_idx').on(t.organizationId, t.entityType, t.entityId),
    index('approvals_inbox_idx').on(t.organizationId, t.status, t.requestedAt),
  ],
);

/** Per approval type: who may approve and whether the author is barred (segregation of duties). */
export const approvalPolicies = pgTable(
  'approval_policies',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    approvalType: text('approval_type').notNull(),
    approverRole: text('approver_role').notNull(),
    segregateAuthor: boolean('segregate_author').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.approvalType] })],
);
