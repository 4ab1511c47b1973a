import { existsSync } from 'node:fs';
import Fastify from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '@mamoru/db';
import { auditAnchor, secretBox } from '@mamoru/domain';
import type { Config } from './config.ts';
import { negotiateLocale } from './i18n/messages.ts';
import { authPlugin } from './plugins/auth.ts';
import { backgroundJobsPlugin } from './plugins/background-jobs.ts';
import { jobSlotsPlugin } from './plugins/job-slots.ts';
import { notificationDispatchPlugin } from './plugins/notification-dispatch.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { noStorePlugin } from './plugins/no-store.ts';
import { problemPlugin } from './plugins/problem.ts';
import { nulTextPlugin } from './plugins/nul-text.ts';
import { createSerializerCompiler } from './plugins/serialization.ts';
import { securityEventsPlugin } from './plugins/security-events.ts';
import { fastifyTrustProxy, requestIdGenerator } from './plugins/proxy.ts';
import { validatorCompiler } from './plugins/validation.ts';
import { webCacheHeaders } from './plugins/webCache.ts';
import { healthRoutes } from './routes/health.ts';
import { apiRoutes } from './routes/index.ts';
import { scimRoutes } from './routes/scim.ts';
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
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // X-Request-Id is honoured only from a trusted proxy (see requestIdGenerator).
    requestIdHeader: false,
    genReqId: requestIdGenerator(config.trustProxy),
    return503OnClosing: true,
    // Fastify's 10 s default also bounds the onReady hook that starts the job workers;
    // on a busy 2-core host that start took longer and the server gave up at start-up.
    pluginTimeout: 60_000,
  }).withTypeProvider<ZodTypeProvider>();

  // Audit chain anchors are signed with a key kept outside the database, if configured.
  if (config.auditSigningKey) {
    auditAnchor.useAuditSigningKey(auditAnchor.loadSigningKey(config.auditSigningKey));
  }
  // TOTP seeds and IdP client secrets are sealed under this key when one is set.
  if (config.secretKey) secretBox.useSecretKey(secretBox.loadSecretKey(config.secretKey));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createSerializerCompiler(app.log));
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
  await app.register(noStorePlugin);
  await app.register(nulTextPlugin);
  await app.register(securityEventsPlugin);
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
  await app.register(backgroundJobsPlugin);
  await app.register(notificationDispatchPlugin);
  await app.register(healthRoutes);
  await app.register(apiRoutes, { prefix: '/api/v1' });
  // SCIM provisioning: its own bearer token and error format (RFC 7644).
  await app.register(scimRoutes, { prefix: '/scim/v2' });
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: false,
      // The build writes .br and .gz copies (apps/web/vite.config.ts); one is picked by
      // Accept-Encoding, with Vary: Accept-Encoding.
      preCompressed: true,
      cacheControl: false,
      setHeaders: webCacheHeaders(config.webDist),
    });
  else
    app.log.warn(
      { webDist: config.webDist },
      'web app not built; run `npm run build` to serve the UI',
    );
  return app;
}
