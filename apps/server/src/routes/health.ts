import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthSchema, readinessSchema } from '@mamoru/contracts';
import { migrationsApplied } from '@mamoru/db';

/** Liveness and readiness for load balancers; public by design (no data in them). */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    { schema: { tags: ['health'], response: { 200: healthSchema } }, config: { public: true } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: { tags: ['health'], response: { 200: readinessSchema, 503: readinessSchema } },
      config: { public: true },
    },
    async (_request, reply) => {
      const database = await app.database.ping().then(
        () => true,
        () => false,
      );
      const migrations = database && (await migrationsApplied(app.database.db).catch(() => false));
      const ok = database && migrations;
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'unavailable',
        database: app.database.kind,
        checks: { database, migrations },
      });
    },
  );
};
