import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  loginRequestSchema,
  passwordChangeSchema,
  profileUpdateSchema,
  sessionInfoSchema,
  sessionSummarySchema,
  setupRequestSchema,
  setupStatusSchema,
  userSchema,
} from '@mamoru/contracts';
import { presentUser, sessions, setup, users } from '@mamoru/domain';
import { authSettings, clearSessionCookie, contextOf, setSessionCookie } from '../plugins/auth.ts';
import { buildSessionInfo, sessionInfoOfRequest } from './authentication-session.ts';

const tags = ['identity'];

/** First-run set-up, log-on and log-off, and the caller's own profile and sessions. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const settings = authSettings(app.config);
  const db = app.database.db;

  const sessionInfo = (session: {
    id: string;
    userId: string;
    organizationId: string;
    csrfToken: string;
  }) =>
    buildSessionInfo(db, {
      userId: session.userId,
      organizationId: session.organizationId,
      sessionId: session.id,
      csrfToken: session.csrfToken,
    });

  app.get(
    '/setup',
    { schema: { tags, response: { 200: setupStatusSchema } }, config: { public: true } },
    async () => ({
      needed: await setup.isSetupNeeded(db),
    }),
  );

  app.post(
    '/setup',
    {
      schema: { tags, body: setupRequestSchema, response: { 201: sessionInfoSchema } },
      config: { public: true },
    },
    async (request, reply) => {
      await setup.setupOrganization(db, request.body, String(request.id));
      const meta = {
        ipAddress: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: String(request.id),
      };
      const { token, session } = await sessions.login(
        db,
        request.body.email,
        request.body.password,
        meta,
        settings,
      );
      setSessionCookie(request, reply, token, settings.sessionMaxSeconds);
      return reply.status(201).send(await sessionInfo(session));
    },
  );

  app.post(
    '/auth/login',
    {
      schema: { tags, body: loginRequestSchema, response: { 200: sessionInfoSchema } },
      config: { public: true },
    },
    async (request, reply) => {
      const meta = {
        ipAddress: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: String(request.id),
        // The session this browser already had is replaced, never kept (rotation).
        previous:
          request.actor && request.sessionId
            ? { organizationId: request.actor.organizationId, sessionId: request.sessionId }
            : null,
      };
      // Every refusal (wrong password, unknown account, throttled) is thrown by this one call.
      const { token, session } = await sessions.login(
        db,
        request.body.email,
        request.body.password,
        meta,
        settings,
      );
      setSessionCookie(request, reply, token, settings.sessionMaxSeconds);
      return sessionInfo(session);
    },
  );

  app.get(
    '/auth/session',
    {
      schema: { tags, response: { 200: sessionInfoSchema } },
      config: { authenticated: true, duringPasswordChange: true, duringMfa: true },
    },
    async (request) => {
      contextOf(request);
      return sessionInfoOfRequest(db, request);
    },
  );

  app.post(
    '/auth/logout',
    {
      // A bare POST (no body at all) is the ordinary log-out: Fastify hands it over as null.
      schema: { tags, body: z.object({ everywhere: z.boolean().default(false) }).nullish() },
      config: { authenticated: true, duringPasswordChange: true, duringMfa: true },
    },
    async (request, reply) => {
      await sessions.logout(
        db,
        contextOf(request),
        request.sessionId ?? '',
        request.body?.everywhere ?? false,
      );
      clearSessionCookie(request, reply);
      return reply.status(204).send();
    },
  );

  app.patch(
    '/me',
    {
      schema: { tags, body: profileUpdateSchema, response: { 200: userSchema } },
      config: { authenticated: true },
    },
    async (request) => presentUser(await users.updateProfile(db, contextOf(request), request.body)),
  );

  app.post(
    '/me/password',
    {
      schema: { tags, body: passwordChangeSchema },
      config: { authenticated: true, duringPasswordChange: true },
    },
    async (request, reply) => {
      await users.changePassword(
        db,
        contextOf(request),
        { sessionId: request.sessionId, ipAddress: request.ip },
        request.body,
        settings,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/me/sessions',
    {
      schema: { tags, response: { 200: z.object({ items: z.array(sessionSummarySchema) }) } },
      config: { authenticated: true, duringPasswordChange: true },
    },
    async (request) => {
      const rows = await sessions.listSessions(db, contextOf(request).actor);
      return {
        items: rows.map((s) => ({
          id: s.id,
          current: s.id === request.sessionId,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          ipAddress: s.ipAddress,
          userAgent: s.userAgent,
        })),
      };
    },
  );

  app.delete(
    '/me/sessions/:id',
    {
      schema: { tags, params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/) }) },
      config: { authenticated: true, duringPasswordChange: true },
    },
    async (request, reply) => {
      await sessions.revokeSession(db, contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
};
