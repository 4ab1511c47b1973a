import { z } from 'zod';
import { pageQuerySchema } from './common.ts';

/**
 * Attestations: the honest last resort for a requirement item whose evidence
 * cannot live in Mamoru (a physical check, a paper register kept elsewhere).
 * The ISMS manager states what was checked and where the evidence lives, with
 * files and a validity period; someone else decides. An approved attestation
 * makes the item "met by attestation" until it expires.
 */
const isoDate = z.iso.date();
const userRef = z.object({ id: z.uuid(), name: z.string() });

export const attestationStatusSchema = z.enum(['pending', 'approved', 'rejected', 'revoked']);
export type AttestationStatus = z.infer<typeof attestationStatusSchema>;

export const attestationItemIdSchema = z
  .string()
  .max(40)
  .regex(/^[0-9a-z.]+$/);

export const attestationSchema = z
  .object({
    id: z.uuid(),
    /** The requirement item attested (`4.2.2.f`, or `1.2`). */
    itemId: z.string(),
    /** What was checked, by whom, and where the evidence is kept. */
    statement: z.string(),
    validFrom: isoDate,
    validUntil: isoDate,
    status: attestationStatusSchema,
    /** Approved and today within the validity period: the item counts as met by it. */
    inForce: z.boolean(),
    /** Approved but past its validity: no longer counts. */
    expired: z.boolean(),
    requestedBy: userRef.nullable(),
    requestedAt: z.iso.datetime(),
    decidedBy: userRef.nullable(),
    decidedAt: z.iso.datetime().nullable(),
    decisionNote: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Attestation' });
export type Attestation = z.infer<typeof attestationSchema>;

export const attestationCreateSchema = z
  .object({
    itemId: attestationItemIdSchema,
    statement: z.string().trim().min(1).max(5000),
    validFrom: isoDate,
    validUntil: isoDate,
  })
  .refine((a) => a.validUntil >= a.validFrom, {
    path: ['validUntil'],
    message: 'must not be before validFrom',
  });
export type AttestationCreate = z.infer<typeof attestationCreateSchema>;

export const attestationDecisionSchema = z.object({
  decision: z.enum(['approved', 'rejected']),
  note: z.string().trim().max(2000).default(''),
});
export type AttestationDecision = z.infer<typeof attestationDecisionSchema>;

export const attestationRevokeSchema = z.object({
  note: z.string().trim().min(1).max(2000),
});

export const attestationListQuerySchema = pageQuerySchema.extend({
  itemId: attestationItemIdSchema.optional(),
  status: attestationStatusSchema.optional(),
});
export type AttestationListQuery = z.infer<typeof attestationListQuerySchema>;
