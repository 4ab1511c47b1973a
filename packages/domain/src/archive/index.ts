// The organization archive: one ZIP that carries organizations' data out of an
// instance and back in (docs/archive-format.md).
export type { ArchiveManifest, ArchiveProgress } from './manifest.ts';
export { exportArchive, type ExportOptions } from './export.ts';
export { verifyArchive, type ArchiveVerification, type ArchiveProblem } from './verify.ts';
export { importArchive, type ImportResult } from './import.ts';
export { copyDatabase } from './copy.ts';
export { ArchiveError } from './sink.ts';
export { SKIPPED_TABLES } from './plan.ts';
