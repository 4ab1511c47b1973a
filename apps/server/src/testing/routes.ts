import type { FastifyContextConfig, FastifyInstance, RouteOptions } from 'fastify';

/**
 * Every route the app registers, seen through an `onRoute` hook that is added
 * to the root instance the moment Fastify creates it, so nothing (plugins,
 * prefixes, generated HEAD routes) registers before the hook exists. buildApp
 * creates its Fastify instance internally, so a test file installs the hook by
 * mocking the module (vi.mock is hoisted above every import):
 *
 *   vi.mock('fastify', async (importOriginal) =>
 *     (await import('../testing/routes.ts')).recordingFastify(await importOriginal()));
 *
 * and reads the routes of a built app with `routesOf(app)`.
 */
export interface RecordedRoute {
  method: string;
  url: string;
  config: FastifyContextConfig;
  /** The route's schemas as declared (zod), for tests of the compilers. */
  schema?: RouteOptions['schema'];
}

const recorded = new WeakMap<object, RecordedRoute[]>();

type FastifyFactory = (...args: unknown[]) => FastifyInstance;

export function recordingFastify<M extends object>(mod: M): M {
  const original = (mod as unknown as { default: FastifyFactory }).default;
  const wrapped = (...args: unknown[]) => {
    const app = original(...args);
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
    return app;
  };
  Object.assign(wrapped, original);
  return { ...mod, default: wrapped, fastify: wrapped };
}

/** The routes an app registered; throws when the test file did not mock 'fastify'. */
export function routesOf(app: object): RecordedRoute[] {
  const routes = recorded.get(app);
  if (!routes) {
    throw new Error(
      "routes were not recorded: add vi.mock('fastify', … recordingFastify …) to the test file",
    );
  }
  return routes;
}

/** `GET /api/v1/users`, the form route lists and snapshots use. */
export const routeName = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** The API routes a test should exercise: /api/v1 only, without the HEAD twins of GET routes. */
export function apiRoutes(app: object): RecordedRoute[] {
  return routesOf(app).filter((r) => r.url.startsWith('/api/v1') && r.method !== 'HEAD');
}
