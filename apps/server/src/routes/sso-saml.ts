import fastifyFormbody from '@fastify/formbody';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '@mamoru/contracts';
import { samlSignIn, sso } from '@mamoru/domain';
import { authSettings, setSessionCookie } from '../plugins/auth.ts';
import { publicBaseOf, redirectRefusedSignIn } from './sso.ts';

const tags = ['sso'];

/** What the IdP posts (HTTP-POST binding); RelayState is ours to ignore (the flow keeps returnTo). */
const acsBodySchema = z.object({
  SAMLResponse: z.string().max(500_000).optional(),
  RelayState: z.string().max(2000).optional(),
});

/**
 * SAML 2.0 service provider: the metadata the IdP's administrator imports and
 * the assertion consumer service (ACS) the browser posts the IdP's answer to.
 * Both public: the browser arrives from the IdP without a session. The form
 * body parser is registered here only, so no other route takes forms.
 */
export const ssoSamlRoutes: FastifyPluginAsyncZod = async (app) => {
  const settings = authSettings(app.config);
  const db = app.database.db;
  await app.register(fastifyFormbody, { bodyLimit: 600_000 });

  app.get(
    '/auth/sso/:id/saml/metadata',
    {
      schema: {
        tags,
        description:
          'SAML service-provider metadata of this provider (entity ID, ACS URL, signed ' +
          'assertions wanted), for the IdP administrator to import.',
        params: idParamsSchema,
      },
      config: { public: true },
    },
    async (request, reply) => {
      const xml = await samlSignIn.samlMetadata(db, request.params.id, publicBaseOf(app, request));
      return reply.type('application/samlmetadata+xml; charset=utf-8').send(xml);
    },
  );

  app.post(
    '/auth/sso/:id/saml/acs',
    {
      schema: {
        tags,
        description:
          'Assertion consumer service (HTTP-POST binding): checks the signed assertion and signs ' +
          'the user in, then redirects to returnTo, to /login?mfa=1 when a second factor is ' +
          'still due, or to /login?sso_error=<code>.',
        params: idParamsSchema,
        body: acsBodySchema,
      },
      config: { public: true },
    },
    async (request, reply) => {
      const meta = {
        ipAddress: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: String(request.id),
        // A cross-site POST carries no (SameSite=Lax) cookie: there is no session to replace.
        previous: null,
      };
      try {
        const { token, stage, returnTo } = await samlSignIn.completeSamlSignIn(
          db,
          request.params.id,
          request.body.SAMLResponse,
          meta,
          settings,
          publicBaseOf(app, request),
        );
        setSessionCookie(request, reply, token, settings.sessionMaxSeconds);
        return reply.redirect(stage === 'complete' ? (returnTo ?? '/') : '/login?mfa=1', 302);
      } catch (err) {
        if (!(err instanceof samlSignIn.SamlSignInRefused)) throw err;
        const code = err.code;
        if (code === 'sso_failed') request.log.error({ err: err.cause }, 'SAML sign-in failed');
        return redirectRefusedSignIn(app, request, reply, {
          code,
          refusal: err.cause instanceof sso.SsoRefusal ? err.cause : null,
          organizationId: err.organizationId,
          providerId: request.params.id,
        });
      }
    },
  );
};
