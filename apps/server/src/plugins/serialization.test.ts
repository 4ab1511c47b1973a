import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { $ZodType } from 'zod/v4/core';
import { openTestDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { resolveIds, valid, type JsonSchema } from '../testing/fuzz-schema.ts';
import { routeName, routesOf } from '../testing/routes.ts';
import {
  compileSerializer,
  createSerializerCompiler,
  UnsupportedSchema,
  zodEncode,
} from './serialization.ts';

const LEAK = 'notInTheContract';

/** Adds an undeclared property to every object, which the serializer must drop. */
function withLeaks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withLeaks);
  if (value && typeof value === 'object') {
    const copy = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withLeaks(v)]));
    return { ...copy, [LEAK]: 'secret' };
  }
  return value;
}

interface ResponseSchema {
  route: string;
  status: string;
  schema: $ZodType;
}

describe('response serialization from the compiled route schema', () => {
  let app: App;
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let schemas: ResponseSchema[];
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    app = await buildTestApp(database);
    schemas = routesOf(app).flatMap((r) =>
      Object.entries((r.schema?.response ?? {}) as Record<string, unknown>)
        .filter((entry): entry is [string, $ZodType] => entry[1] instanceof $ZodType)
        .map(([status, schema]) => ({ route: routeName(r), status, schema })),
    );
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('compiles nearly every response schema, the list pages among them', () => {
    const unsupported: string[] = [];
    for (const { route, status, schema } of schemas) {
      try {
        compileSerializer(schema);
      } catch (error) {
        if (!(error instanceof UnsupportedSchema)) throw error;
        unsupported.push(`${route} ${status}: ${error.message}`);
      }
    }
    expect(schemas.length).toBeGreaterThan(300);
    // Fallbacks stay the exception; the hot lists are never among them.
    expect(unsupported.length).toBeLessThan(schemas.length / 10);
    for (const hot of ['GET /api/v1/assets 200', 'GET /api/v1/risks 200']) {
      expect(unsupported.some((u) => u.startsWith(hot))).toBe(false);
    }
  }, 300_000);

  it('writes what JSON.stringify(zod.encode(sample)) writes, without undeclared fields', () => {
    let compared = 0;
    for (const { route, status, schema } of schemas) {
      let fast: (data: unknown) => string;
      try {
        fast = compileSerializer(schema);
      } catch {
        continue;
      }
      const json = z.toJSONSchema(schema as z.ZodType, { io: 'output', target: 'draft-7' });
      const components = (json.definitions ?? {}) as Record<string, JsonSchema>;
      const samples = fc.sample(valid(json as JsonSchema, { components }), { numRuns: 5, seed: 7 });
      for (const raw of samples) {
        const sample = withLeaks(resolveIds(raw, { pick: () => undefined }));
        let expected: string;
        try {
          expected = zodEncode(schema, sample);
        } catch {
          continue; // a refinement JSON Schema cannot express rejected the generated value
        }
        const actual = fast(sample);
        expect(actual, `${route} ${status}`).toBe(expected);
        // Records may carry any key; everywhere else the field is dropped, as zod drops it.
        if (!expected.includes(LEAK)) expect(actual).not.toContain(LEAK);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  }, 300_000);

  it('handles nullable objects, records, optional fields and defaults like zod', () => {
    const schema = z.object({
      party: z.object({ id: z.string(), name: z.string() }).nullable(),
      counts: z.record(z.string(), z.number().int()),
      note: z.string().optional(),
      at: z.iso.datetime().nullable(),
      tags: z.array(z.enum(['a', 'b'])).default([]),
    });
    const fast = compileSerializer(schema);
    for (const sample of [
      { party: null, counts: {}, at: null, tags: ['a'] },
      {
        party: { id: 'x', name: 'y', extra: 1 },
        counts: { a: 1 },
        note: 'n',
        at: '2026-01-01T00:00:00Z',
        tags: [],
      },
    ]) {
      expect(fast(sample)).toBe(zodEncode(schema, sample));
    }
  });

  it('leaves schemas it cannot compile faithfully to zod, and says so at debug level', () => {
    const debug = vi.fn();
    const log = { debug } as unknown as Parameters<typeof createSerializerCompiler>[0];
    const union = z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]);
    const serialize = createSerializerCompiler(
      log,
      false,
    )({
      schema: union,
      method: 'GET',
      url: '/x',
      httpStatus: '200',
    });
    expect(serialize({ b: 1, c: 2 })).toBe('{"b":1}');
    expect(serialize({ a: 'x' })).toBe('{"a":"x"}');
    expect(debug).toHaveBeenCalledOnce();
    expect(() => compileSerializer(z.string().transform((s) => s.length))).toThrow(
      UnsupportedSchema,
    );
  });

  it('in tests, still rejects a response that breaks its contract', () => {
    const log = { debug: vi.fn() } as unknown as Parameters<typeof createSerializerCompiler>[0];
    const serialize = createSerializerCompiler(
      log,
      true,
    )({
      schema: z.object({ id: z.uuid() }),
      method: 'GET',
      url: '/x',
      httpStatus: '200',
    });
    expect(() => serialize({ id: 'not-a-uuid' })).toThrow();
    expect(serialize({ id: '00000000-0000-4000-8000-000000000000' })).toBe(
      '{"id":"00000000-0000-4000-8000-000000000000"}',
    );
  });
});
