// Catalog files of every supported format → Library (see README.md, "Formats in").
export {
  describeShape,
  FORMAT_ERROR_CODES,
  FormatError,
  formatMessage,
  SUPPORTED_FORMATS,
  type FormatErrorCode,
  type FormatParams,
} from './errors.ts';
export {
  CATALOG_FILE_HARD_MAX_BYTES,
  readCatalogFile,
  type CatalogFile,
  type CatalogFileFormat,
  type ReadCatalogOptions,
} from './read.ts';
export { countLibrary, summarize, type ImportCounts, type ImportSummary } from './report.ts';
export type { ImportWarning, WarningCode } from './warnings.ts';
export { readCatalogFileOffThread } from './worker.ts';
