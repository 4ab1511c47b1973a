// Carrying rows of an older archive across the data changes of later migrations.
//
// An archive is imported by column name: a column the database has and the
// archive lacks takes its default, so a migration that only adds tables or
// columns with defaults needs nothing here. A migration that moves, renames or
// reshapes data (a column dropped, renamed or re-typed, values rewritten) MUST
// add an upgrader below, or an archive written before it can no longer be
// imported (a column of the archive that the database lacks is an error).
import { shippedMigrations } from './manifest.ts';

export interface ArchiveUpgrader {
  /** The tag of the migration this upgrader follows, e.g. `0031_risk_owner_split`. */
  migration: string;
  /**
   * The row of `table` as the schema after that migration has it; null drops
   * the row. Runs only for archives whose schema is before the migration.
   */
  upgradeRow(table: string, row: Record<string, unknown>): Record<string, unknown> | null;
}

/** In migration order. Empty: no migration so far has changed data an archive holds. */
export const upgraders: ArchiveUpgrader[] = [];

/** The upgraders an archive of this many applied migrations needs, in order. */
export function upgradersFor(migrations: number, list = upgraders): ArchiveUpgrader[] {
  const shipped = shippedMigrations();
  return list.filter((u) => {
    const index = shipped.findIndex((m) => m.tag === u.migration);
    if (index < 0) throw new Error(`archive upgrader for unknown migration ${u.migration}`);
    return index >= migrations;
  });
}
