// Reading a catalog file for import: every supported format (OSCAL JSON, YAML
// and XML, CISO Assistant framework YAML, Mamoru library JSON) through
// @mamoru/catalog's format layer, its refusals turned into coded domain
// errors, with a summary of what an import would bring in.
import {
  FormatError,
  LibraryValidationError,
  readCatalogFile,
  readCatalogFileOffThread,
  summarize,
  type CatalogFile,
  type CatalogFileFormat,
  type ImportSummary,
  type Library,
} from '@mamoru/catalog';
import { DomainError, type FieldError } from '../errors.ts';

/** Field errors listed per refused file; the problem's title gives the count. */
const MAX_LISTED_ISSUES = 100;

export interface ImportOptions {
  /** Import under this ID instead of the file's own. */
  libraryId?: string | undefined;
  /** The language of an OSCAL catalog's texts (a Mamoru export records its own). */
  locale?: string | undefined;
  /** Named in messages, e.g. the file name. */
  sourceName?: string | undefined;
  /** Refuse larger files (the format layer's hard cap applies anyway). */
  maxBytes?: number | undefined;
  /** The file, already read (readLibraryFileOffThread): importLibrary does not read it again. */
  preread?: ReadLibrary | undefined;
}

/** Files above this size are read in a worker thread (YAML reads at about 1 MiB a second). */
export const OFF_THREAD_BYTES = 512 * 1024;

export interface ReadLibrary {
  lib: Library;
  /** How the library is stored: OSCAL imports as 'oscal', everything else as a Mamoru library. */
  origin: 'native' | 'oscal';
  format: CatalogFileFormat;
  summary: ImportSummary;
}

function invalidCatalog(error: LibraryValidationError): DomainError {
  const first = error.issues[0];
  return new DomainError(
    'validation',
    'catalog_invalid',
    { count: error.issues.length, path: first?.path || '/', message: first?.message ?? '' },
    error.issues.slice(0, MAX_LISTED_ISSUES).map((issue): FieldError => ({
      field: issue.path || '/',
      code: 'catalog_issue',
      params: { message: issue.message },
    })),
  );
}

const readOptions = (options: ImportOptions) => ({
  locale: options.locale,
  libraryId: options.libraryId,
  sourceName: options.sourceName ?? 'upload',
  maxBytes: options.maxBytes,
});

function result(file: CatalogFile): ReadLibrary {
  return {
    lib: file.library,
    origin: file.format.startsWith('oscal-') ? 'oscal' : 'native',
    format: file.format,
    summary: summarize(file),
  };
}

function refusal(error: unknown): unknown {
  if (error instanceof FormatError) return new DomainError('validation', error.code, error.params);
  if (error instanceof LibraryValidationError) return invalidCatalog(error);
  return error;
}

const bytesOf = (input: unknown): Uint8Array =>
  input instanceof Uint8Array ? input : new TextEncoder().encode(JSON.stringify(input ?? null));

/**
 * Reads a catalog file into a validated Library: the file's bytes (any
 * supported format, detected from its content), or an already parsed JSON
 * document. A file of another kind is refused naming what it looks like;
 * problems point into the user's file.
 */
export function readLibraryFile(input: unknown, options: ImportOptions = {}): ReadLibrary {
  if (options.preread) return options.preread;
  try {
    return result(readCatalogFile(bytesOf(input), readOptions(options)));
  } catch (error) {
    throw refusal(error);
  }
}

/** readLibraryFile, in a worker thread when the file is large: the event loop stays free. */
export async function readLibraryFileOffThread(
  input: unknown,
  options: ImportOptions = {},
): Promise<ReadLibrary> {
  const data = bytesOf(input);
  if (options.preread || data.byteLength <= OFF_THREAD_BYTES) return readLibraryFile(data, options);
  try {
    return result(await readCatalogFileOffThread(data, readOptions(options)));
  } catch (error) {
    throw refusal(error);
  }
}
