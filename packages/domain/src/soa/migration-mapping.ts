import {
  shippedLibraries,
  type ControlGroup,
  type Library,
  type MappingRelation,
} from '@mamoru/catalog';
import type { SoaMigrationConfidence } from '@mamoru/contracts';
import type { MappingRow } from './migration-rules.ts';

/**
 * The control mapping a migration follows, read from the shipped catalog
 * libraries: a library's `mappings` towards the other library, in either
 * direction (a mapping written from the target's side is read reversed).
 */

/** The edition organizations certified under Ver.2.0 move to. */
export const MIGRATION_SOURCE_LIBRARY_ID = 'jipdec-isms-2.0';
export const MIGRATION_TARGET_LIBRARY_ID = 'iso-iec-27001-2022';

const REVERSED: Record<MappingRelation, MappingRelation> = {
  equal: 'equal',
  subset: 'superset',
  superset: 'subset',
  intersects: 'intersects',
  related: 'related',
};

/**
 * The catalog states confidence as a word or a number in [0, 1] (or 0–100);
 * the assistant only needs to know whether it is sure. A row without one is
 * taken as sure: the mapping's authors vouch for the rows they ship.
 */
export function confidenceOf(value: unknown): SoaMigrationConfidence {
  if (value === undefined || value === null) return 'high';
  if (typeof value === 'number') {
    const ratio = value > 1 ? value / 100 : value;
    return ratio >= 0.8 ? 'high' : ratio >= 0.5 ? 'medium' : 'low';
  }
  const word = String(value).toLowerCase();
  return word === 'high' || word === 'medium' || word === 'low' ? word : 'low';
}

interface RawRelation {
  source: string;
  target: string;
  relation: MappingRelation;
  confidence?: unknown;
}

/** The rows from `sourceId` to `targetId` found in these libraries. */
export function mappingBetween(
  libraries: readonly Library[],
  sourceId: string,
  targetId: string,
): MappingRow[] {
  const rows: MappingRow[] = [];
  for (const lib of libraries) {
    for (const mapping of lib.mappings ?? []) {
      const forward = lib.id === sourceId && mapping.targetLibrary === targetId;
      const backward = lib.id === targetId && mapping.targetLibrary === sourceId;
      if (!forward && !backward) continue;
      for (const r of mapping.relations as readonly RawRelation[]) {
        rows.push({
          source: forward ? r.source : r.target,
          target: forward ? r.target : r.source,
          relation: forward ? r.relation : REVERSED[r.relation],
          confidence: confidenceOf(r.confidence),
        });
      }
    }
  }
  return rows;
}

interface Flaggable {
  id: string;
  props?: readonly { name: string; value: string }[];
  controls?: readonly Flaggable[];
}

/** IDs of the library's controls flagged `new-in-edition` (no predecessor in the last edition). */
export function newInEdition(library: Library | undefined): Set<string> {
  const ids = new Set<string>();
  const visit = (controls: readonly Flaggable[] | undefined) => {
    for (const c of controls ?? []) {
      if (c.props?.some((p) => p.name === 'new-in-edition')) ids.add(c.id);
      visit(c.controls);
    }
  };
  const walk = (groups: readonly ControlGroup[]) => {
    for (const g of groups) {
      visit(g.controls as readonly Flaggable[] | undefined);
      walk(g.groups ?? []);
    }
  };
  walk(library?.controlGroups ?? []);
  return ids;
}

/** The shipped mapping from `sourceId` to `targetId`, and the target's new controls. */
export async function migrationRules(sourceId: string, targetId: string) {
  const libraries = await shippedLibraries();
  return {
    rows: mappingBetween(libraries, sourceId, targetId),
    newControls: newInEdition(libraries.find((l) => l.id === targetId)),
  };
}
