import { z } from 'zod';

/**
 * WebAuthn (passkeys, security keys): the server hands out options for the
 * browser's navigator.credentials call together with a flow ID, and takes the
 * credential JSON back with that flow ID. The JSON shapes are those of the
 * WebAuthn Level 3 `toJSON()` (what @simplewebauthn/browser returns).
 */

const b64url = z
  .string()
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]*$/);

const credentialBase = {
  id: b64url.max(1_024),
  rawId: b64url.max(1_024),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
};

/** What navigator.credentials.create() gave, as JSON. */
export const webauthnRegistrationResponseSchema = z.object({
  ...credentialBase,
  response: z.looseObject({
    clientDataJSON: b64url,
    attestationObject: b64url,
    transports: z.array(z.string().max(32)).max(10).optional(),
  }),
});

/** What navigator.credentials.get() gave, as JSON. */
export const webauthnAuthenticationResponseSchema = z.object({
  ...credentialBase,
  response: z.looseObject({
    clientDataJSON: b64url,
    authenticatorData: b64url,
    signature: b64url,
    userHandle: b64url.max(1_024).optional(),
  }),
});

const flowId = z.string().min(1).max(200);

/** Options for navigator.credentials.create()/get(), and the flow to answer with. */
export const webauthnCeremonySchema = z
  .object({
    flowId: z.string(),
    options: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'WebAuthnCeremony' });
export type WebAuthnCeremony = z.infer<typeof webauthnCeremonySchema>;

export const webauthnRegisterSchema = z.object({
  flowId,
  response: webauthnRegistrationResponseSchema,
  label: z.string().trim().min(1).max(100).default('Passkey'),
});
export type WebAuthnRegisterInput = z.infer<typeof webauthnRegisterSchema>;

export const webauthnAssertionSchema = z.object({
  flowId,
  response: webauthnAuthenticationResponseSchema,
});
export type WebAuthnAssertionInput = z.infer<typeof webauthnAssertionSchema>;
