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

export const approvalPolicySchema = z.object({
  approvalType: z.string(),
  approverRole: roleSchema,
  segregateAuthor: z.boolean(),
});
export const approvalPolicyUpdateSchema = approvalPolicySchema.omit({ approvalType: true });
