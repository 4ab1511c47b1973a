import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  factorAddedSchema,
  sessionInfoSchema,
  webauthnAssertionSchema,
  webauthnCeremonySchema,
  webauthnRegisterSchema,
} from '@mamoru/contracts';
import { authentication, webauthn } from '@mamoru/domain';
import { authSettings, contextOf } from '../plugins/auth.ts';
import { sessionInfoOfRequest } from './authentication-session.ts';

const tags = ['authentication'];

/**
 * The relying party of a ceremony: MAMORU_PUBLIC_URL when set (behind a proxy
 * the request's host may be internal), else the host the browser asked for
 * (http://localhost works: browsers treat it as a secure context).
 */
export function relyingPartyOf(request: FastifyRequest, publicUrl: string | undefined) {
  const url = new URL(publicUrl ?? `${request.protocol}://${request.host}`);
  return { id: url.hostname, origin: url.origin };
}

/**
 * WebAuthn (passkeys, security keys): adding one as a factor, giving one as
 * the second step of a sign-in, and the options of a step-up with one (the
 * step-up itself is POST /auth/step-up).
 */
export const webauthnRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const settings = authSettings(app.config);
  const rp = (request: FastifyRequest) => relyingPartyOf(request, app.config.publicUrl);
  const ceremony = { tags, response: { 200: webauthnCeremonySchema } };

  app.post(
    '/me/factors/webauthn/options',
    // Open to a session sent to enrol: a passkey can be its first factor.
    { schema: ceremony, config: { authenticated: true, duringMfa: 'mfa_enrol' } },
    async (request) =>
      webauthn.registrationOptions(db, contextOf(request), request.sessionId, rp(request)),
  );

  app.post(
    '/me/factors/webauthn',
    {
      schema: { tags, body: webauthnRegisterSchema, response: { 201: factorAddedSchema } },
      config: { authenticated: true, duringMfa: 'mfa_enrol' },
    },
    async (request, reply) => {
      const { factor, recoveryCodes } = await webauthn.registerCredential(
        db,
        contextOf(request),
        request.sessionId,
        request.body,
      );
      return reply
        .status(201)
        .send({ factor: authentication.presentFactor(factor), recoveryCodes });
    },
  );

  app.post(
    '/auth/mfa/webauthn/options',
    { schema: ceremony, config: { authenticated: true, duringMfa: 'mfa' } },
    async (request) =>
      webauthn.assertionOptions(db, contextOf(request), request.sessionId, rp(request), 'login'),
  );

  app.post(
    '/auth/mfa/webauthn',
    {
      schema: { tags, body: webauthnAssertionSchema, response: { 200: sessionInfoSchema } },
      config: { authenticated: true, duringMfa: 'mfa' },
    },
    async (request) => {
      await webauthn.completeMfaWithWebAuthn(
        db,
        contextOf(request),
        request.sessionId,
        { ...request.body, ipAddress: request.ip },
        settings,
      );
      return sessionInfoOfRequest(db, request);
    },
  );

  app.post(
    '/auth/step-up/webauthn/options',
    { schema: ceremony, config: { authenticated: true } },
    async (request) =>
      webauthn.assertionOptions(db, contextOf(request), request.sessionId, rp(request), 'step_up'),
  );
};
