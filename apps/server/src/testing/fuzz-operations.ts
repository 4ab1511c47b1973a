import fc, { type Arbitrary } from 'fast-check';
import {
  IdRef,
  invalid,
  rawBodies,
  valid,
  type JsonSchema,
  type SchemaContext,
} from './fuzz-schema.ts';

/** One operation of /api/openapi.json, reduced to what a request needs. */
export interface Operation {
  method: string;
  path: string;
  parameters: { in: 'path' | 'query'; name: string; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | undefined;
}

interface OpenApi {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export function operationsOf(spec: OpenApi): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? [])
          .filter((p) => p.in === 'path' || p.in === 'query')
          .map((p) => ({
            in: p.in as 'path' | 'query',
            name: p.name,
            required: p.required ?? p.in === 'path',
            schema: p.schema ?? {},
          })),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return operations;
}

/** A generated request before ids are filled in: values may hold IdRef placeholders. */
export interface FuzzRequest {
  operation: Operation;
  valid: boolean;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  /** A JSON value, or a raw string sent as the body as it is. */
  body: { json: unknown } | { raw: string } | undefined;
}

const junkSegment = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('..', '%00', 'null', '-1', '0', '9'.repeat(30), 'ñ', '😀'),
);

/**
 * Cursors are opaque base64url JSON to clients; a made-up one that decodes
 * to a plausible key (wrong types, wrong arity) reaches the query code.
 */
const cursorLike = fc
  .array(fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.constant(null)), {
    maxLength: 3,
  })
  .map((key) => Buffer.from(JSON.stringify(key)).toString('base64url'));

function paramsArbitrary(
  operation: Operation,
  where: 'path' | 'query',
  ctx: SchemaContext,
  broken: boolean,
): Arbitrary<Record<string, unknown>> {
  const params = operation.parameters.filter((p) => p.in === where);
  const entries = Object.fromEntries(
    params.map((p) => {
      const good =
        p.name === 'cursor' ? fc.oneof(valid(p.schema, ctx), cursorLike) : valid(p.schema, ctx);
      return [p.name, broken ? fc.oneof(good, junkSegment) : good];
    }),
  );
  const requiredKeys = params.filter((p) => p.required).map((p) => p.name);
  return fc.record(entries, { requiredKeys });
}

/** Valid requests (per the schemas) and broken ones (junk parameters or bodies). */
export function requestArbitrary(operation: Operation, ctx: SchemaContext): Arbitrary<FuzzRequest> {
  const goodBody = operation.body
    ? valid(operation.body, ctx).map((json) => ({ json }))
    : fc.constant(undefined);
  const badBody = fc.oneof(
    invalid(operation.body ?? { type: 'object' }, ctx).map((json) => ({ json })),
    rawBodies.map((raw) => ({ raw })),
  );
  const good = fc.record({
    operation: fc.constant(operation),
    valid: fc.constant(true),
    path: paramsArbitrary(operation, 'path', ctx, false),
    query: paramsArbitrary(operation, 'query', ctx, false),
    body: goodBody,
  });
  const bad = fc.record({
    operation: fc.constant(operation),
    valid: fc.constant(false),
    path: paramsArbitrary(operation, 'path', ctx, true),
    query: paramsArbitrary(operation, 'query', ctx, true),
    body: fc.option(badBody, { freq: 4, nil: undefined }),
  });
  return fc.oneof(good, bad);
}

/** A query or path value as it travels in a URL. */
export function asParam(value: unknown): string {
  if (value instanceof IdRef) throw new Error('resolve ids first');
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(asParam).join(',');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
