import { z } from 'zod';
import { roleSchema } from './identity.ts';

/**
 * Sign-in: second factors (TOTP, WebAuthn), recovery codes, step-up and the
 * organization's sign-in policy. Secrets (TOTP seeds, recovery codes) leave the
 * server once, in the answer that created them.
 */

export const factorKindSchema = z.enum(['totp', 'webauthn']);
export type FactorKind = z.infer<typeof factorKindSchema>;

export const factorSchema = z
  .object({
    id: z.uuid(),
    kind: factorKindSchema,
    label: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Factor' });
export type Factor = z.infer<typeof factorSchema>;

export const factorListSchema = z.object({
  items: z.array(factorSchema),
  recoveryCodesLeft: z.number().int(),
  /** Whether the sign-in policy binds this user (the last factor cannot then be removed). */
  mfaRequired: z.boolean(),
});
export type FactorList = z.infer<typeof factorListSchema>;

const factorLabel = z.string().trim().min(1).max(100);
/** Six digits as an authenticator app shows them; spaces people type are dropped. */
export const totpCodeSchema = z
  .string()
  .transform((s) => s.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/));
export const recoveryCodeSchema = z.string().trim().min(1).max(40);

export const totpEnrolmentSchema = z.object({
  flowId: z.string(),
  /** The base32 seed, for typing into an app that cannot scan. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** A `data:image/svg+xml` URL of the QR code of `otpauthUri`. */
  qrCode: z.string(),
});
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

export const totpConfirmSchema = z.object({
  flowId: z.string().min(1).max(200),
  code: totpCodeSchema,
  label: factorLabel.default('Authenticator app'),
});

/** A new factor; recovery codes come with the user's first one only, shown once. */
export const factorAddedSchema = z.object({
  factor: factorSchema,
  recoveryCodes: z.array(z.string()).nullable(),
});
export type FactorAdded = z.infer<typeof factorAddedSchema>;

export const recoveryCodesSchema = z.object({ codes: z.array(z.string()) });

export const mfaTotpSchema = z.object({ code: totpCodeSchema });
export const mfaRecoverySchema = z.object({ code: recoveryCodeSchema });

/** One way to re-authenticate for a sensitive action. */
export const stepUpRequestSchema = z.union([
  z.object({ password: z.string().min(1).max(256) }),
  z.object({ totpCode: totpCodeSchema }),
  z.object({ recoveryCode: recoveryCodeSchema }),
  z.object({
    webauthn: z.object({
      flowId: z.string().min(1).max(200),
      response: z.record(z.string(), z.unknown()),
    }),
  }),
]);
export type StepUpRequest = z.infer<typeof stepUpRequestSchema>;

export const stepUpResultSchema = z.object({
  authenticatedAt: z.iso.datetime(),
  stepUpUntil: z.iso.datetime(),
});

export const mfaRequirementSchema = z.enum(['off', 'roles', 'all']);
export const authPolicyInputSchema = z.object({
  mfaRequired: mfaRequirementSchema,
  mfaRoles: z.array(roleSchema).max(7).default([]),
  stepUpMinutes: z.number().int().min(1).max(120),
});
export type AuthPolicyInput = z.infer<typeof authPolicyInputSchema>;

export const authPolicySchema = z
  .object({
    mfaRequired: mfaRequirementSchema,
    mfaRoles: z.array(z.string()),
    stepUpMinutes: z.number().int(),
    version: z.number().int(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'AuthPolicy' });
export type AuthPolicyView = z.infer<typeof authPolicySchema>;
