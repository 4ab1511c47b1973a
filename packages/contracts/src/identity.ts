import { z } from 'zod';
import { localeSchema } from './common.ts';

export const roleSchema = z.enum([
  'admin',
  'top_management',
  'isms_manager',
  'owner',
  'internal_auditor',
  'staff',
  'external_auditor',
]);
export type RoleName = z.infer<typeof roleSchema>;

/** An email address as log-on, users and provisioning accept it. */
export const emailAddressSchema = z.email().max(254);
const email = emailAddressSchema;
/** Length only here; the common-password rule runs in the domain. */
const password = z.string().min(12).max(256);
const displayName = z.string().trim().min(1).max(100);

export const setupStatusSchema = z.object({ needed: z.boolean() });
export const setupRequestSchema = z.object({
  organizationName: z.string().trim().min(1).max(200),
  displayName,
  email,
  password,
  locale: localeSchema.default('ja'),
});
export type SetupRequest = z.infer<typeof setupRequestSchema>;

export const loginRequestSchema = z.object({ email, password: z.string().min(1).max(256) });

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    locale: localeSchema,
    roles: z.array(roleSchema),
    active: z.boolean(),
    accessExpiresAt: z.iso.datetime().nullable(),
    /** The primary organization unit: distribution to a unit reaches its members. */
    orgUnitId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    /** The password was set by an administrator and must be replaced before anything else. */
    passwordChangeRequired: z.boolean(),
    version: z.number().int(),
    /** Top management or administrator requested for the user, waiting for a second person's approval. */
    pendingRoleGrant: z
      .object({ approvalId: z.uuid(), roles: z.array(roleSchema) })
      .nullable()
      .optional(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const organizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    defaultLocale: localeSchema,
    version: z.number().int(),
  })
  .meta({ id: 'Organization' });
export type Organization = z.infer<typeof organizationSchema>;
export const organizationUpdateSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  defaultLocale: localeSchema.optional(),
});

export const sessionStageSchema = z.enum(['complete', 'mfa', 'mfa_enrol']);
export type SessionStageName = z.infer<typeof sessionStageSchema>;

/** How the session signed in, and how fresh its last full authentication is. */
export const sessionAuthSchema = z
  .object({
    stage: sessionStageSchema,
    method: z.enum(['password', 'oidc', 'saml']),
    providerId: z.uuid().nullable(),
    mfaMethod: z.enum(['totp', 'webauthn', 'recovery', 'idp']).nullable(),
    authenticatedAt: z.iso.datetime(),
    /** The organization's step-up window: sensitive actions need an authentication this recent. */
    stepUpMinutes: z.number().int(),
  })
  .meta({ id: 'SessionAuth' });
export type SessionAuth = z.infer<typeof sessionAuthSchema>;

export const sessionInfoSchema = z.object({
  user: userSchema,
  organization: organizationSchema,
  /** Empty while the session still owes its second factor (stage 'mfa' / 'mfa_enrol'). */
  permissions: z.record(z.string(), z.enum(['all', 'own'])),
  csrfToken: z.string(),
  auth: sessionAuthSchema,
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const sessionSummarySchema = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const userCreateSchema = z.object({
  email,
  displayName,
  password,
  locale: localeSchema.default('ja'),
  roles: z.array(roleSchema).min(1).max(7),
  accessExpiresAt: z.iso.datetime().nullable().optional(),
  orgUnitId: z.uuid().nullable().optional(),
});
export const userUpdateSchema = z.object({
  displayName: displayName.optional(),
  roles: z.array(roleSchema).min(1).max(7).optional(),
  active: z.boolean().optional(),
  locale: localeSchema.optional(),
  accessExpiresAt: z.iso.datetime().nullable().optional(),
  /** null clears the unit. */
  orgUnitId: z.uuid().nullable().optional(),
});
export const userListQuerySchema = z.object({
  q: z.string().max(100).optional(),
  role: roleSchema.optional(),
  orgUnitId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});

export const profileUpdateSchema = z.object({
  displayName: displayName.optional(),
  locale: localeSchema.optional(),
});
export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: password,
});

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  permissions: z.array(z.string()),
  expiresAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export const apiTokenCreateSchema = z.object({
  name: z.string().trim().min(1).max(100),
  permissions: z.array(z.string()).min(1).max(50),
  expiresInDays: z.number().int().min(1).max(366).default(90),
});
export const apiTokenCreatedSchema = apiTokenSchema.extend({
  /** Shown once; only its hash is stored. */
  token: z.string(),
});

export const roleMatrixSchema = z.object({
  roles: z.array(roleSchema),
  permissions: z.array(z.string()),
  grants: z.record(z.string(), z.record(z.string(), z.enum(['all', 'own']))),
});
