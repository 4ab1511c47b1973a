import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  factorAddedSchema,
  factorListSchema,
  mfaRecoverySchema,
  mfaTotpSchema,
  recoveryCodesSchema,
  sessionInfoSchema,
  stepUpRequestSchema,
  stepUpResultSchema,
  totpConfirmSchema,
  totpEnrolmentSchema,
} from '@mamoru/contracts';
import { authentication } from '@mamoru/domain';
import { authSettings, contextOf } from '../plugins/auth.ts';
import { sessionInfoOfRequest } from './authentication-session.ts';

const tags = ['authentication'];

/**
 * The caller's own second factors (TOTP, recovery codes), the MFA step of a
 * sign-in, and step-up. WebAuthn lives in authentication-webauthn.ts.
 */
export const authenticationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const settings = authSettings(app.config);
  const stageOf = (request: { sessionId: string | null; sessionStage: string | null }) => ({
    id: request.sessionId,
    stage: request.sessionStage ?? 'complete',
  });

  app.get(
    '/me/factors',
    {
      schema: { tags, response: { 200: factorListSchema } },
      // The MFA step shows which kinds of factor the user can give.
      config: { authenticated: true, duringMfa: true },
    },
    async (request) => authentication.listMyFactors(db, contextOf(request)),
  );

  app.post(
    '/me/factors/totp',
    {
      schema: { tags, response: { 200: totpEnrolmentSchema } },
      config: { authenticated: true, duringMfa: 'mfa_enrol' },
    },
    async (request) => authentication.startTotpEnrolment(db, contextOf(request)),
  );

  app.post(
    '/me/factors/totp/confirm',
    {
      schema: { tags, body: totpConfirmSchema, response: { 201: factorAddedSchema } },
      config: { authenticated: true, duringMfa: 'mfa_enrol' },
    },
    async (request, reply) => {
      const { factor, recoveryCodes } = await authentication.confirmTotpEnrolment(
        db,
        contextOf(request),
        stageOf(request),
        request.body,
      );
      return reply
        .status(201)
        .send({ factor: authentication.presentFactor(factor), recoveryCodes });
    },
  );

  app.delete(
    '/me/factors/:id',
    {
      schema: { tags, params: z.object({ id: z.uuid() }) },
      config: { authenticated: true, stepUp: true },
    },
    async (request, reply) => {
      await authentication.removeMyFactor(db, contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/me/recovery-codes',
    {
      schema: { tags, response: { 200: recoveryCodesSchema } },
      config: { authenticated: true, stepUp: true },
    },
    async (request) => ({
      codes: await authentication.regenerateRecoveryCodes(db, contextOf(request)),
    }),
  );

  for (const kind of ['totp', 'recovery'] as const) {
    app.post(
      `/auth/mfa/${kind}`,
      {
        schema: {
          tags,
          body: kind === 'totp' ? mfaTotpSchema : mfaRecoverySchema,
          response: { 200: sessionInfoSchema },
        },
        config: { authenticated: true, duringMfa: 'mfa' },
      },
      async (request) => {
        await authentication.verifySecondFactor(
          db,
          contextOf(request),
          { id: request.sessionId ?? '', stage: request.sessionStage ?? 'complete' },
          { kind, code: request.body.code, ipAddress: request.ip },
          settings,
        );
        return sessionInfoOfRequest(db, request);
      },
    );
  }

  app.post(
    '/auth/step-up',
    {
      schema: { tags, body: stepUpRequestSchema, response: { 200: stepUpResultSchema } },
      config: { authenticated: true },
    },
    async (request) => {
      const result = await authentication.stepUp(
        db,
        contextOf(request),
        request.sessionId,
        request.body,
        { ipAddress: request.ip },
        settings,
      );
      return {
        authenticatedAt: result.authenticatedAt.toISOString(),
        stepUpUntil: result.stepUpUntil.toISOString(),
      };
    },
  );
};
