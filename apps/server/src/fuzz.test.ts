import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { ROLES, demo, systemActor, type Role } from '@mamoru/domain';
import { buildTestApp, type App, type LogLine } from './testing/app.ts';
import { resolveIds, type JsonSchema } from './testing/fuzz-schema.ts';
import {
  asParam,
  operationsOf,
  requestArbitrary,
  type FuzzRequest,
} from './testing/fuzz-operations.ts';
import { createUser, login, setupOrganization, type Client } from './testing/identity.ts';

/**
 * The route fuzzer: every operation of /api/openapi.json, called as every role
 * and anonymously, with inputs generated from the operation's own schemas,
 * valid and broken. Whatever the input, the answer must be a 2xx-4xx: a 5xx,
 * an error logged by the server or an unhandled rejection fails the run. The
 * seed and the number of cases are printed, so a failure can be replayed with
 * MAMORU_FUZZ_SEED (and MAMORU_FUZZ_RUNS for a longer run).
 */
const SEED = Number(process.env.MAMORU_FUZZ_SEED ?? 14_2026);
const RUNS = Number(process.env.MAMORU_FUZZ_RUNS ?? 1000);
// Fuzzed log-ins come from another address than the fixtures' own, so their
// throttling never locks a role out of the run.
const FUZZ_ADDRESS = '198.51.100.7';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Caller = Role | 'anonymous';

/** Ids seen in answers, so generated paths reach real objects of the organization. */
class SeenIds {
  private readonly ids: string[] = [];
  private readonly known = new Set<string>();
  constructor(private readonly excluded: Set<string>) {}
  collect(value: unknown) {
    if (Array.isArray(value)) for (const v of value) this.collect(v);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (typeof v === 'string' && (key === 'id' || key.endsWith('Id')) && UUID.test(v)) {
          if (!this.known.has(v) && !this.excluded.has(v) && this.ids.length < 5000) {
            this.known.add(v);
            this.ids.push(v);
          }
        } else this.collect(v);
      }
    }
  }
  pick(index: number) {
    return this.ids.length ? this.ids[index % this.ids.length] : undefined;
  }
  get size() {
    return this.ids.length;
  }
}

describeEachDatabase('route fuzzer', (ctx) => {
  let app: App;
  const logs: LogLine[] = [];
  const clients = new Map<Role, Client>();
  const credentials = new Map<Role, { email: string; password: string }>();
  let seen: SeenIds;
  let spec: { paths: Record<string, never>; components?: { schemas?: Record<string, JsonSchema> } };
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    app = await buildTestApp(ctx.database, {}, { logs });
    const { admin, email, password } = await setupOrganization(app);
    clients.set('admin', admin);
    credentials.set('admin', { email, password });
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const created = await createUser(admin, { roles: [role] });
      credentials.set(role, created);
      clients.set(role, await login(app, created.email, created.password));
    }
    // A filled organization, so that seen ids lead somewhere and lists have rows.
    await demo.createDemo(
      app.database.db,
      { actor: systemActor(admin.organization.id), requestId: null },
      { force: false },
    );
    // The fixtures' own accounts stay out of reach: deactivating one would end the run's roles.
    seen = new SeenIds(new Set([...clients.values()].map((c) => c.user.id)));
    spec = (await app.inject('/api/openapi.json')).json();
    for (const path of Object.keys(spec.paths)) {
      if (path.startsWith('/api/v1') && !path.includes('{')) {
        const res = await admin.get(path);
        if (String(res.headers['content-type']).includes('json')) seen.collect(res.json());
      }
    }
  }, 300_000);

  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await app?.close();
  });

  async function send(caller: Caller, request: FuzzRequest) {
    const { operation } = request;
    const resolve = (v: unknown) => asParam(resolveIds(v, seen));
    const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(resolve(request.path[name] ?? '')),
    );
    const query = Object.fromEntries(
      Object.entries(request.query).map(([k, v]) => [k, resolve(v)]),
    );
    const headers: Record<string, string> = {};
    const client = caller === 'anonymous' ? undefined : clients.get(caller);
    if (client) {
      headers.cookie = client.cookie;
      if (operation.method !== 'GET') headers['x-csrf-token'] = client.csrfToken;
    }
    // Updates need the current ETag: valid cases read it first, as a client would.
    if (request.valid && ['PATCH', 'PUT', 'DELETE'].includes(operation.method)) {
      const current = await app.inject({ url, headers, remoteAddress: FUZZ_ADDRESS });
      const etag = current.headers.etag;
      if (typeof etag === 'string') headers['if-match'] = etag;
    }
    let payload: InjectOptions['payload'];
    if (request.body && 'raw' in request.body) {
      payload = request.body.raw;
      headers['content-type'] = 'application/json';
    } else if (request.body) {
      payload = JSON.stringify(resolveIds(request.body.json, seen) ?? null);
      headers['content-type'] = 'application/json';
    }
    const res = await app.inject({
      method: operation.method as InjectOptions['method'],
      url,
      query,
      headers,
      remoteAddress: FUZZ_ADDRESS,
      ...(payload === undefined ? {} : { payload }),
    });
    if (res.statusCode < 300 && String(res.headers['content-type']).includes('json')) {
      seen.collect(res.json());
    }
    // A fuzzed log-out or session end leaves the role signed out: sign it in again.
    if (client && caller !== 'anonymous' && res.statusCode === 401) {
      const check = await app.inject({
        url: '/api/v1/auth/session',
        headers: { cookie: client.cookie },
      });
      if (check.statusCode === 401) {
        const { email, password } = credentials.get(caller)!;
        clients.set(caller, await login(app, email, password));
      }
    }
    return { res, url };
  }

  it('answers every operation, as every role, valid or broken input, without a 5xx', async () => {
    const operations = operationsOf(spec);
    const callers: Caller[] = [...ROLES, 'anonymous'];
    const components = spec.components?.schemas ?? {};
    const requests = operations.map((op) => requestArbitrary(op, { components }));
    const cases = fc.tuple(fc.oneof(...requests), fc.constantFrom(...callers));
    const failures: string[] = [];
    const statuses: Record<string, number> = {};
    let count = 0;
    await fc.assert(
      fc.asyncProperty(cases, async ([request, caller]) => {
        count += 1;
        const errorsBefore = logs.filter((l) => l.level >= 50).length;
        const { res, url } = await send(caller, request);
        const what = `${request.operation.method} ${url} as ${caller} (${request.valid ? 'valid' : 'broken'} input)`;
        const bucket = `${Math.floor(res.statusCode / 100)}xx`;
        statuses[bucket] = (statuses[bucket] ?? 0) + 1;
        if (res.statusCode >= 500)
          failures.push(`${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        for (const line of logs.filter((l) => l.level >= 50).slice(errorsBefore)) {
          failures.push(`${what}: logged ${line.msg ?? ''} ${line.err?.message ?? ''}`);
        }
        if (url.startsWith('/api/v1') && res.headers['cache-control'] !== 'private, no-store') {
          failures.push(`${what}: cache-control ${String(res.headers['cache-control'])}`);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.warn(
      `route fuzzer [${ctx.kind}]: seed=${SEED} cases=${count} operations=${operations.length} ` +
        `callers=${callers.length} seenIds=${seen.size} statuses=${JSON.stringify(statuses)} ` +
        `5xx+errors=${failures.length} unhandledRejections=${rejections.length}`,
    );
    expect(count).toBe(RUNS);
    expect(operations.length).toBeGreaterThanOrEqual(150);
    expect([...new Set(failures)]).toEqual([]);
    expect(rejections).toEqual([]);
  }, 600_000);
});
