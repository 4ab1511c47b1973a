import fastJson from 'fast-json-stringify';
import type { FastifyBaseLogger } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { $ZodType, safeEncode } from 'zod/v4/core';

/**
 * Response serialization from the route's own schema, compiled once per route:
 * the zod schema becomes JSON Schema (z.toJSONSchema) and fast-json-stringify
 * writes exactly the declared properties, so a field outside the contract
 * never leaks. The server built the response itself, so production does not
 * re-validate it with zod (about a tenth of the CPU under the list benchmark);
 * tests still do, and also compare the bytes with the zod path, so a contract
 * drift or an encoding difference fails a test.
 */

type JsonSchema = Record<string, unknown>;

/** Why a schema cannot be compiled faithfully; the route then keeps zod's serializer. */
export class UnsupportedSchema extends Error {}

// Keywords that only constrain values: a serializer ignores them.
const VALIDATION_ONLY = new Set([
  '$schema',
  '$id',
  'id',
  'title',
  'description',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'propertyNames',
  'contentEncoding',
  'contentMediaType',
  'const',
  'enum',
]);

/**
 * Rewrites zod's JSON Schema into the subset fast-json-stringify serializes the
 * way JSON.stringify(zod.encode(value)) would: references inlined, `X | null`
 * as `nullable`, constraints dropped. Anything else (other unions, tuples,
 * intersections, recursion) throws UnsupportedSchema.
 */
export function toSerializableSchema(root: JsonSchema): JsonSchema {
  const definitions = (root.definitions ?? root.$defs ?? {}) as Record<string, JsonSchema>;
  const walk = (node: JsonSchema, seen: string[]): JsonSchema => {
    if (typeof node.$ref === 'string') {
      const name = /^#\/(?:definitions|\$defs)\/(.+)$/.exec(node.$ref)?.[1];
      const target = name ? definitions[decodeURIComponent(name)] : undefined;
      if (!name || !target) throw new UnsupportedSchema(`reference ${node.$ref}`);
      if (seen.includes(name)) throw new UnsupportedSchema(`recursive ${name}`);
      const { $ref: _ref, ...rest } = node;
      return walk({ ...target, ...rest }, [...seen, name]);
    }
    const branches = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
    if (branches) {
      const others = branches.filter((b) => b.type !== 'null');
      if (others.length !== 1 || branches.length !== 2) throw new UnsupportedSchema('union');
      const { anyOf: _a, oneOf: _o, ...rest } = node;
      const inner = walk({ ...others[0], ...rest }, seen);
      if (typeof inner.type !== 'string') throw new UnsupportedSchema('nullable without a type');
      return { ...inner, nullable: true };
    }
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(node)) {
      if (VALIDATION_ONLY.has(key) || key === 'definitions' || key === '$defs') continue;
      switch (key) {
        case 'required':
          // fast-json-stringify writes required properties first; keep the contract's
          // order (zod's) unless it already lists them first. Tests still check presence.
          if (requiredFirst(value as string[], Object.keys(node.properties ?? {}))) {
            out.required = value;
          }
          break;
        case 'type':
        case 'default':
        case 'nullable':
          out[key] = value;
          break;
        case 'properties':
          out.properties = Object.fromEntries(
            Object.entries(value as Record<string, JsonSchema>).map(([k, v]) => [k, walk(v, seen)]),
          );
          break;
        case 'items':
          if (Array.isArray(value)) throw new UnsupportedSchema('tuple');
          out.items = walk(value as JsonSchema, seen);
          break;
        case 'additionalProperties':
          // false is fast-json-stringify's own behaviour (undeclared keys are dropped);
          // a schema is a record's values.
          if (typeof value === 'object' && value !== null) {
            out.additionalProperties = walk(value as JsonSchema, seen);
          } else if (value !== false) throw new UnsupportedSchema('additionalProperties: true');
          break;
        default:
          throw new UnsupportedSchema(`keyword ${key}`);
      }
    }
    // An object with neither properties nor a value schema would be written as `{}`.
    if (out.type === 'object' && !out.properties && !out.additionalProperties) {
      throw new UnsupportedSchema('object without properties');
    }
    return out;
  };
  return walk(root, []);
}

function requiredFirst(required: string[], keys: string[]) {
  const firstOptional = keys.findIndex((k) => !required.includes(k));
  return firstOptional < 0 || keys.slice(firstOptional).every((k) => !required.includes(k));
}

/** The fast-json-stringify function for a zod schema; throws UnsupportedSchema. */
export function compileSerializer(schema: $ZodType): (data: unknown) => string {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema as z.ZodType, {
      io: 'output',
      target: 'draft-7',
      unrepresentable: 'throw',
      cycles: 'throw',
      // trim(), toLowerCase() and the like rewrite the value as zod encodes it.
      override: ({ zodSchema }) => {
        const checks = (zodSchema._zod.def as { checks?: $ZodType[] }).checks ?? [];
        if (checks.some((c) => (c._zod.def as { check?: string }).check === 'overwrite')) {
          throw new UnsupportedSchema('a check that rewrites the value (trim, case)');
        }
      },
    }) as JsonSchema;
  } catch (error) {
    if (error instanceof UnsupportedSchema) throw error;
    throw new UnsupportedSchema(`no JSON Schema: ${(error as Error).message}`);
  }
  return fastJson(toSerializableSchema(json) as unknown as Parameters<typeof fastJson>[0]);
}

const checking = process.env.NODE_ENV === 'test' || Boolean(process.env.VITEST);

type CompilerInput = { schema: unknown; method: string; url: string; httpStatus?: string };

/**
 * Fastify's serializer compiler; `log` hears (debug) of routes left on the zod
 * path. Compiling takes 5–40 ms a schema and the app has hundreds, so each one
 * is compiled on its route's first response, not at start-up.
 */
export function createSerializerCompiler(log: FastifyBaseLogger, check = checking) {
  return (input: CompilerInput) => {
    let serialize: ((data: unknown) => string) | undefined;
    return (data: unknown) => {
      serialize ??= compileFor(input, log, check);
      return serialize(data);
    };
  };
}

function compileFor(input: CompilerInput, log: FastifyBaseLogger, check: boolean) {
  const { schema, method, url, httpStatus } = input;
  const fallback = () => zodSerializerCompiler(input as never) as (data: unknown) => string;
  if (!(schema instanceof $ZodType)) return fallback();
  let fast: (data: unknown) => string;
  try {
    fast = compileSerializer(schema);
  } catch (error) {
    if (!(error instanceof UnsupportedSchema)) throw error;
    log.debug({ method, url, httpStatus, reason: error.message }, 'response serialized by zod');
    return fallback();
  }
  if (!check) return fast;
  const slow = fallback();
  return (data: unknown) => {
    const expected = slow(data);
    const actual = fast(data);
    if (actual !== expected) {
      throw new Error(
        `${method} ${url} ${httpStatus}: fast-json-stringify wrote ${actual.slice(0, 500)}, zod ${expected.slice(0, 500)}`,
      );
    }
    return actual;
  };
}

/** zod's own encoding, for the equivalence test. */
export function zodEncode(schema: $ZodType, data: unknown): string {
  const result = safeEncode(schema, data);
  if (!result.success) throw result.error;
  return JSON.stringify(result.data);
}
