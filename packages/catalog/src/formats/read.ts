// One entry point for every catalog file Mamoru reads: bytes in, a validated
// Library out, with the format it detected and what it left out. Problems
// name what the file looks like (FormatError) or point into the user's own
// file (LibraryValidationError whose paths are JSON pointers with YAML line
// numbers, XML element paths, or CISO Assistant requirement nodes).
import { LibraryValidationError, type ValidationIssue } from '../errors.ts';
import { parseLibrary } from '../load.ts';
import { fromOscalCatalog } from '../oscal/import.ts';
import type { Library } from '../types.ts';
import { fromCisoLibrary, isCisoLibrary, type CisoOrigins } from './ciso.ts';
import { describeShape, FormatError } from './errors.ts';
import { oscalXmlToJson, OSCAL_OTHER_MODELS, type XmlOrigins } from './oscal-xml.ts';
import { oscalPointer } from './paths.ts';
import { sniff, type TextSyntax } from './sniff.ts';
import type { ImportWarning } from './warnings.ts';
import { parseXml } from './xml.ts';
import { parseYaml, type ParsedYaml } from './yaml.ts';

export type CatalogFileFormat =
  | 'oscal-json'
  | 'oscal-yaml'
  | 'oscal-xml'
  | 'ciso-yaml'
  | 'ciso-json'
  | 'mamoru-json'
  | 'mamoru-yaml';

/** The hard cap of any catalog file, whatever the caller allows (50 MiB). */
export const CATALOG_FILE_HARD_MAX_BYTES = 50 * 1024 * 1024;

export interface ReadCatalogOptions {
  /** The language of an OSCAL catalog's texts (a Mamoru export records its own). Default en. */
  readonly locale?: string | undefined;
  /** Import under this ID instead of the file's own. */
  readonly libraryId?: string | undefined;
  /** Named in messages, e.g. the file name. */
  readonly sourceName?: string | undefined;
  /** Refuse larger files (default and ceiling: CATALOG_FILE_HARD_MAX_BYTES). */
  readonly maxBytes?: number | undefined;
}

export interface CatalogFile {
  readonly library: Library;
  readonly format: CatalogFileFormat;
  readonly warnings: readonly ImportWarning[];
}

const SYNTAX_NAME: Record<TextSyntax, string> = { json: 'JSON', yaml: 'YAML', xml: 'XML' };
const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const MiB = (n: number) => Math.round((n / (1024 * 1024)) * 10) / 10;

/** Re-throws a validation error with every path rewritten by `where`. */
function remap(error: unknown, where: (issue: ValidationIssue) => string): never {
  if (!(error instanceof LibraryValidationError)) throw error;
  const issues = error.issues.map((i) => ({ path: where(i), message: i.message }));
  throw new LibraryValidationError(error.sourceName, issues, 'cannot be imported');
}

/** A library path (`/controlGroups/0/controls/2/title`) as the node it names, via `origins`. */
function libraryNodePath(lib: Library, path: string, origins: CisoOrigins): string | undefined {
  let node: unknown = lib;
  let found: string | undefined;
  let rest: string[] = [];
  for (const key of path.split('/').slice(1)) {
    node = isObj(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
    rest.push(key);
    if (isObj(node) && typeof node.id === 'string' && origins.has(node.id)) {
      found = origins.get(node.id);
      rest = [];
    }
  }
  return found && `${found}${rest.length ? ` › ${rest.join('/')}` : ''}`;
}

function readOscal(
  doc: unknown,
  options: ReadCatalogOptions,
  sourceName: string,
  userPath: (pointer: string) => string,
): Library {
  try {
    return fromOscalCatalog(doc, {
      locale: options.locale ?? 'en',
      sourceName,
      ...(options.libraryId ? { id: options.libraryId } : {}),
    });
  } catch (error) {
    // Paths into the catalog are the user's; library paths are traced back to the catalog node.
    remap(error, (i) =>
      userPath(i.path.startsWith('/catalog') ? i.path : (oscalPointer(doc, i.path) ?? i.path)),
    );
  }
}

function readNative(
  doc: Record<string, unknown>,
  options: ReadCatalogOptions,
  sourceName: string,
  userPath: (p: string) => string,
): Library {
  const input = options.libraryId ? { ...doc, id: options.libraryId } : doc;
  try {
    return parseLibrary(input, sourceName);
  } catch (error) {
    remap(error, (i) => userPath(i.path));
  }
}

function readCiso(
  doc: Record<string, unknown>,
  options: ReadCatalogOptions,
  sourceName: string,
  yaml: ParsedYaml,
  format: 'ciso-yaml' | 'ciso-json',
): CatalogFile {
  const lined = (p: string) => withLine(p, yaml.lineOf(p));
  let converted: ReturnType<typeof fromCisoLibrary>;
  try {
    converted = fromCisoLibrary(doc, sourceName);
  } catch (error) {
    remap(error, (i) => lined(i.path));
  }
  const lib = options.libraryId
    ? { ...converted.library, id: options.libraryId }
    : converted.library;
  try {
    return { library: parseLibrary(lib, sourceName), format, warnings: converted.warnings };
  } catch (error) {
    remap(
      error,
      (i) => libraryNodePath(lib, i.path, converted.origins) ?? `(converted) ${i.path || '/'}`,
    );
  }
}

const withLine = (pointer: string, line: number | undefined) =>
  `${pointer || '/'}${line !== undefined ? ` (line ${line})` : ''}`;

/** The XML element path of a pointer into the converted JSON: its nearest recorded ancestor. */
function xmlPath(origins: XmlOrigins, pointer: string): string {
  for (let p = pointer; ; p = p.slice(0, Math.max(p.lastIndexOf('/'), 0))) {
    const origin = origins.get(p);
    if (origin) {
      const rest = pointer.slice(p.length);
      return `${origin.path}${rest ? ` › ${rest.slice(1)}` : ''} (line ${origin.line})`;
    }
    if (p === '') return pointer || '/';
  }
}

/** Which model a parsed JSON or YAML document holds, refused by name when none we read. */
function classify(doc: unknown, syntax: TextSyntax): 'oscal' | 'mamoru' | 'ciso' {
  if (isObj(doc)) {
    if (isObj(doc.catalog)) return 'oscal';
    for (const [root, model] of Object.entries(OSCAL_OTHER_MODELS))
      if (isObj(doc[root])) throw new FormatError('catalog_oscal_model', { model, root });
    if ('formatVersion' in doc) return 'mamoru';
    if (isCisoLibrary(doc)) return 'ciso';
  }
  throw new FormatError('catalog_format_unsupported', {
    format: SYNTAX_NAME[syntax],
    ...describeShape(doc),
  });
}

/** Reads a catalog file of any supported format into a validated Library. */
export function readCatalogFile(data: Uint8Array, options: ReadCatalogOptions = {}): CatalogFile {
  const sourceName = options.sourceName ?? 'upload';
  const max = Math.min(
    options.maxBytes ?? CATALOG_FILE_HARD_MAX_BYTES,
    CATALOG_FILE_HARD_MAX_BYTES,
  );
  if (data.byteLength > max)
    throw new FormatError('catalog_file_too_large', { size: MiB(data.byteLength), max: MiB(max) });
  const { text, syntax } = sniff(data);

  if (syntax === 'xml') {
    const { document, origins, warnings } = oscalXmlToJson(parseXml(text));
    const library = readOscal(document, options, sourceName, (p) => xmlPath(origins, p));
    return { library, format: 'oscal-xml', warnings };
  }
  let doc: unknown;
  let yaml: ParsedYaml | undefined;
  if (syntax === 'json') {
    try {
      doc = JSON.parse(text);
    } catch (error) {
      const reason =
        error instanceof RangeError ? 'it is nested too deeply' : (error as Error).message;
      throw new FormatError('catalog_file_unreadable', { format: 'JSON', reason });
    }
  } else {
    yaml = parseYaml(text);
    doc = yaml.value;
  }
  const userPath = (p: string) => withLine(p, yaml?.lineOf(p));
  const kind = classify(doc, syntax);
  const suffix = syntax === 'json' ? 'json' : 'yaml';
  if (kind === 'oscal')
    return {
      library: readOscal(doc, options, sourceName, userPath),
      format: `oscal-${suffix}`,
      warnings: [],
    };
  if (kind === 'mamoru')
    return {
      library: readNative(doc as Record<string, unknown>, options, sourceName, userPath),
      format: `mamoru-${suffix}`,
      warnings: [],
    };
  if (!yaml) yaml = { value: doc, lineOf: () => undefined };
  return readCiso(doc as Record<string, unknown>, options, sourceName, yaml, `ciso-${suffix}`);
}
