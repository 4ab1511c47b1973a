import fc, { type Arbitrary } from 'fast-check';

/** The subset of JSON Schema (OpenAPI 3.1) the generated API description uses. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  format?: string;
  pattern?: string;
}

/**
 * Where generated ids come from: ids the fuzzer has seen in earlier answers
 * (so paths reach real objects), else fresh ones. Picked at run time from an
 * index the arbitrary drew, so a seed replays the same choices.
 */
export interface IdSource {
  pick(index: number): string | undefined;
}

export interface SchemaContext {
  components: Record<string, JsonSchema>;
}

/** A placeholder resolved to a seen id when the request is built. */
export class IdRef {
  constructor(readonly index: number) {}
}

// Generated strings stay short: the point is shape and content, not volume.
const MAX_STRING = 40;
const MAX_ITEMS = 4;

const isoDate = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());

function stringArbitrary(schema: JsonSchema): Arbitrary<unknown> {
  if (schema.format === 'uuid')
    return fc.oneof(
      fc.nat().map((i) => new IdRef(i)),
      fc.uuid(),
    );
  if (schema.format === 'date-time') return isoDate;
  if (schema.format === 'date') return isoDate.map((s) => s.slice(0, 10));
  if (schema.format === 'email') return fc.emailAddress().filter((e) => e.length <= 254);
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? MAX_STRING, MAX_STRING));
  if (schema.pattern) {
    try {
      const regex = new RegExp(schema.pattern, 'u');
      return fc
        .stringMatching(regex)
        .filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
    } catch {
      // A pattern fast-check cannot build from falls back to plain strings.
    }
  }
  return fc.string({ unit: 'grapheme', minLength, maxLength });
}

function numberArbitrary(schema: JsonSchema): Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1_000_001) + 1;
  const max = schema.maximum ?? (schema.exclusiveMaximum ?? 1_000_001) - 1;
  if (schema.type === 'integer') return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values that satisfy the schema (as far as JSON Schema says; cross-field rules aside). */
export function valid(schema: JsonSchema, ctx: SchemaContext, depth = 0): Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.split('/').at(-1) ?? '';
    const target = ctx.components[name];
    return target ? valid(target, ctx, depth + 1) : fc.constant(null);
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return fc.oneof(...union.map((s) => valid(s, ctx, depth + 1)));
  if (schema.allOf?.[0]) return valid(schema.allOf[0], ctx, depth + 1);
  if (Array.isArray(schema.type)) {
    return fc.oneof(...schema.type.map((type) => valid({ ...schema, type }, ctx, depth + 1)));
  }
  switch (schema.type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
    case 'number':
      return numberArbitrary(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valid(schema.items ?? {}, ctx, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(
          schema.minItems ?? 0,
          Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS),
        ),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      if (depth > 6) return fc.constant({});
      const record = Object.fromEntries(
        Object.entries(properties).map(([key, s]) => [key, valid(s, ctx, depth + 1)]),
      );
      return fc.record(record, {
        requiredKeys: (schema.required ?? []).filter((k) => k in record),
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Strings that have broken servers before: NUL bytes, huge numbers, markup, lone surrogates. */
const nasty = fc.constantFrom<unknown>(
  '',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '9'.repeat(40),
  '-1',
  'NaN',
  '1e309',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '__proto__',
  'x'.repeat(5000),
  -1,
  2 ** 53,
  1e308,
  -0,
  true,
  [],
  {},
);

/** Bodies no JSON encoder would produce: prototype pollution, truncation, emptiness. */
export const rawBodies = fc.constantFrom(
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{',
  '',
  'null',
  '[]',
  '"text"',
);

/** Values that break the schema somewhere: a wrong type, a missing or extra field, junk. */
export function invalid(schema: JsonSchema, ctx: SchemaContext): Arbitrary<unknown> {
  const base = valid(schema, ctx);
  const mutated = base.chain((value) => {
    if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof IdRef) {
      return fc.oneof(nasty, fc.jsonValue({ maxDepth: 2 }));
    }
    const keys = Object.keys(value);
    if (!keys.length) return fc.record({ unexpected: nasty });
    return fc.tuple(fc.constantFrom(...keys), nasty, fc.boolean()).map(([key, junk, drop]) => {
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      if (drop) delete copy[key];
      else copy[key] = junk;
      return copy;
    });
  });
  return fc.oneof(mutated, nasty, fc.jsonValue({ maxDepth: 3 }));
}

/** Replaces every IdRef with a seen id (or a fresh one when none was seen yet). */
export function resolveIds(value: unknown, ids: IdSource): unknown {
  if (value instanceof IdRef)
    return ids.pick(value.index) ?? '00000000-0000-4000-8000-000000000000';
  if (Array.isArray(value)) return value.map((v) => resolveIds(v, ids));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveIds(v, ids)]));
  }
  return value;
}
