// Why a file cannot be imported, as a stable code with parameters: the HTTP
// layer words it in the reader's language, the CLI prints the English message.
// Nothing here ever quotes the file's raw bytes.

export type FormatErrorCode =
  | 'catalog_file_empty'
  | 'catalog_file_binary'
  | 'catalog_file_too_large'
  | 'catalog_file_unreadable'
  | 'catalog_format_unsupported'
  | 'catalog_xml_root'
  | 'catalog_oscal_model'
  | 'catalog_ciso_no_framework'
  | 'catalog_ciso_no_language';

export type FormatParams = Record<string, string | number>;

/** What the supported inputs are, named in every refusal. */
export const SUPPORTED_FORMATS =
  'OSCAL catalog JSON/YAML/XML, CISO Assistant framework YAML, Mamoru library JSON';

const EN: Record<FormatErrorCode, string> = {
  catalog_file_empty: 'the file is empty',
  catalog_file_binary: 'this looks like {what}, not a catalog; supported: {supported}',
  catalog_file_too_large: 'the file is {size} MiB; the largest accepted is {max} MiB',
  catalog_file_unreadable: 'this looks like {format}, but it cannot be read: {reason}',
  catalog_format_unsupported:
    'this looks like {format}, but not an OSCAL catalog or a CISO Assistant library ({found}); supported: {supported}',
  catalog_xml_root:
    'this looks like XML but its root is <{root}>, not an OSCAL <catalog>; supported: {supported}',
  catalog_oscal_model: 'this is an OSCAL {model}, not a catalog; supported: {supported}',
  catalog_ciso_no_framework:
    'this CISO Assistant library holds no framework (it holds: {objects}); only framework libraries are catalogs',
  catalog_ciso_no_language:
    'the library has no Japanese or English text (its languages: {languages}); Mamoru needs ja or en',
};

/** Every refusal code of the format layer (for layers that word them). */
export const FORMAT_ERROR_CODES: ReadonlySet<string> = new Set(Object.keys(EN));

export function formatMessage(code: FormatErrorCode, params: FormatParams): string {
  const all: FormatParams = { supported: SUPPORTED_FORMATS, ...params };
  return EN[code].replace(/\{(\w+)\}/g, (_, key: string) => String(all[key] ?? `{${key}}`));
}

/** A file that is not a catalog Mamoru can read, named by what it looks like. */
export class FormatError extends Error {
  readonly code: FormatErrorCode;
  readonly params: FormatParams;

  constructor(code: FormatErrorCode, params: FormatParams = {}) {
    super(formatMessage(code, params));
    this.name = 'FormatError';
    this.code = code;
    this.params = { supported: SUPPORTED_FORMATS, ...params };
  }
}

/**
 * A short, printable description of a value the file holds where a catalog
 * was expected: `shape` and `keys` for other languages, `found` in English.
 */
export function describeShape(value: unknown): { shape: string; keys: string; found: string } {
  if (value === null || value === undefined)
    return { shape: 'empty', keys: '', found: 'no content' };
  if (Array.isArray(value)) return { shape: 'list', keys: '', found: 'its top level is a list' };
  if (typeof value !== 'object')
    return { shape: 'scalar', keys: '', found: `its top level is a ${typeof value}` };
  const all = Object.keys(value);
  if (all.length === 0) return { shape: 'empty', keys: '', found: 'an empty mapping' };
  const shown = all.slice(0, 6).map((k) => (k.length > 40 ? `${k.slice(0, 40)}…` : k));
  const keys = `${shown.join(', ')}${all.length > shown.length ? ', …' : ''}`;
  return { shape: 'keys', keys, found: `top-level keys: ${keys}` };
}
