import { subscribe } from 'node:diagnostics_channel';
import type { FastifyContextConfig, FastifyInstance, RouteOptions } from 'fastify';

/**
 * Every route the app registers, seen through an `onRoute` hook that is added
 * to the root instance the moment Fastify creates it, so nothing (plugins,
 * prefixes, generated HEAD routes) registers before the hook exists. buildApp
 * creates its Fastify instance internally; Fastify announces each new instance
 * on the `fastify.initialization` diagnostics channel, which this module listens
 * to from the moment a test file imports it. (A vi.mock of 'fastify' did this
 * before, but a file that mocks a module needs a fresh module graph of its own:
 * seconds of imports per file.) Read the routes of a built app with `routesOf(app)`.
 */
export interface RecordedRoute {
  method: string;
  url: string;
  config: FastifyContextConfig;
  /** The route's schemas as declared (zod), for tests of the compilers. */
  schema?: RouteOptions['schema'];
}

const recorded = new WeakMap<object, RecordedRoute[]>();

function record(app: FastifyInstance) {
  const routes: RecordedRoute[] = [];
  recorded.set(app, routes);
  app.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat()) {
      routes.push({
        method,
        url: route.url,
        config: (route.config ?? {}) as FastifyContextConfig,
        schema: route.schema,
      });
    }
  });
}

// Published synchronously at the end of fastify(), before it returns: no route exists yet.
subscribe('fastify.initialization', (message) =>
  record((message as { fastify: FastifyInstance }).fastify),
);

/** The routes an app registered; throws for an app built before this module was imported. */
export function routesOf(app: object): RecordedRoute[] {
  const routes = recorded.get(app);
  if (!routes) {
    throw new Error('routes were not recorded: import testing/routes.ts before building the app');
  }
  return routes;
}

/** `GET /api/v1/users`, the form route lists and snapshots use. */
export const routeName = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** The API routes a test should exercise: /api/v1 only, without the HEAD twins of GET routes. */
export function apiRoutes(app: object): RecordedRoute[] {
  return routesOf(app).filter((r) => r.url.startsWith('/api/v1') && r.method !== 'HEAD');
}
