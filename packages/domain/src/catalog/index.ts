// The catalog area: shipped and imported libraries, own controls, the licensed-text overlay.
export * from './service.ts';
export * from './export.ts';
export * from './import-library.ts';
export * from './own-controls.ts';
export {
  CATALOG_IMPORT_JOB,
  getImportJob,
  importFile,
  previewImport,
  runImportJob,
  startImportJob,
  type ImportJobResult,
  type ImportPreview,
} from './import-jobs.ts';
export { syncShippedLibraries, type SyncResult } from './sync.ts';
export { controlUsage, type ControlKey } from './usage.ts';
export { libraryContentHash, normalizeForSearch } from './nodes.ts';
