import type {
  SoaEntry,
  SoaMigration,
  SoaMigrationEntry,
  SoaMigrationProgress,
  SoaMigrationReviewReason,
  SoaMigrationSource,
} from '@mamoru/contracts';
import type { SoaMigrationEntryRow, SoaMigrationRow } from '@mamoru/db/repositories/soa-migration';

export function presentMigration(
  row: SoaMigrationRow,
  sourceVersionNumber: number,
  progress: SoaMigrationProgress,
): SoaMigration {
  return {
    id: row.id,
    sourceSoaId: row.sourceSoaId,
    sourceVersionId: row.sourceVersionId,
    sourceVersionNumber,
    targetSoaId: row.targetSoaId,
    targetLibraryId: row.targetLibraryId,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    progress,
  };
}

/**
 * An entry with its provenance. An entry without a migration row (a control
 * the organization added to the 2022 library after the draft) has no source
 * and is the organization's own decision, so it counts as confirmed.
 */
export function presentMigrationEntry(
  entry: SoaEntry,
  state: SoaMigrationEntryRow | undefined,
): SoaMigrationEntry {
  return {
    entry,
    sources: (state?.sources ?? []) as SoaMigrationSource[],
    reviewReasons: (state?.reviewReasons ?? []) as SoaMigrationReviewReason[],
    review: state?.review === 'pending' ? 'pending' : 'confirmed',
    confirmedBy: state?.confirmedBy ?? null,
    confirmedAt: state?.confirmedAt ? state.confirmedAt.toISOString() : null,
  };
}
