import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '@mamoru/db';
import type { Config } from './config.ts';
import { negotiateLocale } from './i18n/messages.ts';
import { authPlugin } from './plugins/auth.ts';
import { jobSlotsPlugin } from './plugins/job-slots.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { problemPlugin } from './plugins/problem.ts';
import { validatorCompiler } from './plugins/validation.ts';
import { healthRoutes } from './routes/health.ts';
import { apiRoutes } from './routes/index.ts';
import { MAMORU_VERSION } from './version.ts';
import './types.ts';

export interface AppOptions {
  config: Config;
  database: Database;
  /** Tests pass false to keep output quiet; production logs JSON through pino. */
  logger?: boolean;
}

export async function buildApp({ config, database, logger = true }: AppOptions) {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // Honour a request id set by a proxy so one id follows a request end to end.
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorateRequest('locale', 'en');
  app.addHook('onRequest', async (request, reply) => {
    request.locale = negotiateLocale(request.headers['accept-language']);
    reply.header('x-request-id', request.id);
  });
  // Shutting down: a response still in flight ends its keep-alive connection,
  // which would otherwise stay open (idle) until the shutdown timeout kills it.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  const hasWeb = existsSync(`${config.webDist}/index.html`);
  await app.register(problemPlugin, { spaFallback: hasWeb });
  await app.register(metricsPlugin);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Mamoru API',
        version: MAMORU_VERSION,
        description: 'The HTTP API of Mamoru, an ISMS platform. Errors are RFC 9457 problem+json.',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, () =>
    app.swagger(),
  );
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin);
  await app.register(jobSlotsPlugin);
  await app.register(healthRoutes);
  await app.register(apiRoutes, { prefix: '/api/v1' });
  if (hasWeb) await app.register(fastifyStatic, { root: config.webDist, wildcard: false });
  else
    app.log.warn(
      { webDist: config.webDist },
      'web app not built; run `npm run build` to serve the UI',
    );
  return app;
}
