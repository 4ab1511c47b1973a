import { z } from 'zod';
import { roleSchema } from './identity.ts';

export const approvalStatusSchema = z.enum(['pending', 'approved', 'rejected', 'cancelled']);

export const approvalSchema = z
  .object({
    id: z.uuid(),
    approvalType: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    entityVersion: z.number().int(),
    title: z.string(),
    authorId: z.uuid().nullable(),
    requestedBy: z.uuid(),
    requestedAt: z.iso.datetime(),
    assigneeUserId: z.uuid().nullable(),
    assigneeRole: roleSchema.nullable(),
    /** Whether the author is barred from deciding, as it stood when the request was made. */
    segregateAuthor: z.boolean(),
    /**
     * What a change request proposes: a policy's new values (`approval_policy`),
     * the roles to grant (`role_grant`), the file to delete (`record_disposal` of a file).
     */
    proposal: z.record(z.string(), z.unknown()).nullable(),
    status: approvalStatusSchema,
    decidedBy: z.uuid().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    comment: z.string().nullable(),
    /** Display names, so readers without access to the user list see who is involved. */
    names: z.object({
      author: z.string().nullable(),
      requestedBy: z.string().nullable(),
      assignee: z.string().nullable(),
      decidedBy: z.string().nullable(),
    }),
  })
  .meta({ id: 'Approval' });
export type Approval = z.infer<typeof approvalSchema>;

export const approvalQuerySchema = z.object({
  status: approvalStatusSchema.optional(),
  /** Only requests this user may decide now. */
  mine: z.enum(['true', 'false']).optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});

export const approvalDecisionSchema = z.object({
  decision: z.enum(['approved', 'rejected']),
  comment: z.string().trim().max(2000).optional(),
});

export const approvalPolicyUpdateSchema = z.object({
  approverRole: roleSchema,
  segregateAuthor: z.boolean(),
});
export const approvalPolicySchema = approvalPolicyUpdateSchema.extend({
  approvalType: z.string(),
  /** A change waiting for top management's approval; the policy above is still in force. */
  pendingChange: approvalPolicyUpdateSchema.extend({ approvalId: z.uuid() }).nullable(),
});
export type ApprovalPolicy = z.infer<typeof approvalPolicySchema>;
