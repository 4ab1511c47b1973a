// Loading and validating libraries: JSON Schema (ajv, draft 2020-12) first,
// then the semantic checks of check.ts.
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { checkLibrary } from './check.ts';
import { LibraryValidationError, type ValidationIssue } from './errors.ts';
import type { Library } from './types.ts';

const SCHEMA_URL = new URL('../schema/library.schema.json', import.meta.url);
const DATA_DIR = new URL('../data/', import.meta.url);
// Data files beside the libraries that are not libraries (see risk-starter.ts).
const NOT_LIBRARIES = new Set(['risk-starter.json']);

/** Absolute path of the library JSON Schema (for editors, docs and the HTTP layer). */
export const librarySchemaPath = fileURLToPath(SCHEMA_URL);

let validator: ValidateFunction | undefined;

// Compiled on first use, not at import: importing the package stays cheap.
function validateSchema(): ValidateFunction {
  if (!validator) {
    // allowMatchingProperties: LocalizedText names `ja`/`en` for editors and
    // also accepts any other language tag through patternProperties.
    const ajv = new Ajv2020({ allErrors: true, allowMatchingProperties: true });
    addFormats(ajv, ['date', 'uri']);
    validator = ajv.compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object);
  }
  return validator;
}

/**
 * Ajv's raw errors, made readable. A LocalizedText without `ja` or `en` makes
 * ajv report each `required` branch of the anyOf plus the anyOf itself; say
 * it once: "must have 'ja' or 'en'".
 */
function schemaIssues(errors: readonly ErrorObject[]): ValidationIssue[] {
  const isBranchOf = (e: ErrorObject, anyOf: ErrorObject): boolean =>
    e !== anyOf &&
    e.instancePath === anyOf.instancePath &&
    e.schemaPath.startsWith(`${anyOf.schemaPath}/`);
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  const issues: ValidationIssue[] = [];
  for (const e of errors) {
    if (anyOfs.some((a) => isBranchOf(e, a))) continue;
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'anyOf') {
      const branches = errors.filter((b) => isBranchOf(b, e));
      if (branches.length > 0 && branches.every((b) => b.keyword === 'required')) {
        message = `must have ${branches.map((b) => `'${String(b.params.missingProperty)}'`).join(' or ')}`;
      }
    } else if (e.keyword === 'additionalProperties')
      message += ` ('${String(e.params.additionalProperty)}')`;
    else if (e.keyword === 'enum')
      message += `: ${(e.params.allowedValues as unknown[]).join(', ')}`;
    else if (e.keyword === 'const') message += `: ${JSON.stringify(e.params.allowedValue)}`;
    issues.push({ path: e.instancePath, message });
  }
  return issues;
}

/**
 * Validates parsed JSON as a library. Throws LibraryValidationError naming
 * `sourceName` (a file name, or e.g. "upload") and the path of each bad node.
 */
export function parseLibrary(json: unknown, sourceName: string): Library {
  const validate = validateSchema();
  if (!validate(json))
    throw new LibraryValidationError(sourceName, schemaIssues(validate.errors ?? []));
  const lib = json as Library;
  const issues = checkLibrary(lib);
  if (issues.length > 0) throw new LibraryValidationError(sourceName, issues);
  return lib;
}

/** Reads, parses and validates a library file. */
export async function loadLibraryFile(path: string | URL): Promise<Library> {
  const name = typeof path === 'string' ? path : fileURLToPath(path);
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LibraryValidationError(name, [
      { path: '', message: `invalid JSON: ${(error as Error).message}` },
    ]);
  }
  return parseLibrary(json, name);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

let shipped: Promise<readonly Library[]> | undefined;

/**
 * The libraries shipped in packages/catalog/data, validated once and cached.
 * They are deep-frozen because every caller shares the same objects.
 * A broken shipped file rejects (and is retried on the next call).
 */
export function shippedLibraries(): Promise<readonly Library[]> {
  shipped ??= (async () => {
    const files = (await readdir(DATA_DIR))
      .filter((f) => f.endsWith('.json') && !NOT_LIBRARIES.has(f))
      .sort();
    const libs = await Promise.all(files.map((f) => loadLibraryFile(new URL(f, DATA_DIR))));
    return deepFreeze(libs);
  })().catch((error: unknown) => {
    shipped = undefined;
    throw error;
  });
  return shipped;
}

/** One shipped library by ID, or undefined. */
export async function shippedLibrary(id: string): Promise<Library | undefined> {
  return (await shippedLibraries()).find((lib) => lib.id === id);
}
