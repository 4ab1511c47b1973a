import { z } from 'zod';

export const auditEventSchema = z
  .object({
    seq: z.number().int(),
    occurredAt: z.iso.datetime(),
    actorId: z.uuid().nullable(),
    actorName: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditQuerySchema = z.object({
  actorId: z.uuid().optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(128).optional(),
  action: z.string().max(64).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(512).optional(),
});

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  broken: z
    .object({
      seq: z.number().int(),
      reason: z.enum(['hash_mismatch', 'link_mismatch', 'gap', 'head_mismatch']),
    })
    .optional(),
});

/**
 * Kinds of security event: a failed or throttled log-in, and requests refused
 * as unauthenticated (401), forbidden (403), without their CSRF token, or
 * throttled (429).
 */
export const SECURITY_EVENT_KINDS = [
  'login_failed',
  'login_throttled',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'throttled',
  // A wrong second factor at sign-in or step-up.
  'mfa_failed',
  /** A single sign-on refused at the callback (the reason says why: sso_* or saml_*). */
  'sso_failed',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

export const securityEventSchema = z
  .object({
    id: z.uuid(),
    occurredAt: z.iso.datetime(),
    kind: z.enum(SECURITY_EVENT_KINDS),
    userId: z.uuid().nullable(),
    userName: z.string().nullable(),
    account: z.string().nullable(),
    address: z.string(),
    method: z.string(),
    route: z.string(),
    status: z.number().int(),
    reason: z.string(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'SecurityEvent' });
export type SecurityEvent = z.infer<typeof securityEventSchema>;

export const securityEventQuerySchema = z.object({
  kind: z.enum(SECURITY_EVENT_KINDS).optional(),
  userId: z.uuid().optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(512).optional(),
});
