import { describe, expect, it } from 'vitest';
import { createRng } from './prng.ts';
import {
  ASSET_CSV_HEADER,
  assetCsvLines,
  csvLine,
  generateLocations,
  generateUnits,
} from './generate.ts';

const take = (lines: Iterable<string>) => [...lines];

describe('bench generator', () => {
  const units = generateUnits(200);
  const locations = generateLocations(50);

  it('builds the same rows from the same seed and different rows from another', () => {
    const a = take(assetCsvLines(42, 500, units, locations));
    const b = take(assetCsvLines(42, 500, units, locations));
    const c = take(assetCsvLines(43, 500, units, locations));
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    expect(a).toHaveLength(501);
    expect(a[0]).toBe(csvLine(ASSET_CSV_HEADER));
  });

  it('gives every asset a unique code and references only generated units and locations', () => {
    const unitCodes = new Set(units.map((u) => u.code));
    const locationCodes = new Set(locations.map((l) => l.code));
    const rows = take(assetCsvLines(7, 2000, units, locations))
      .slice(1)
      .map((line) => line.trimEnd().split(','));
    expect(new Set(rows.map((r) => r[0])).size).toBe(2000);
    for (const r of rows) {
      expect(r).toHaveLength(ASSET_CSV_HEADER.length);
      expect(unitCodes.has(r[4]!)).toBe(true);
      expect(locationCodes.has(r[7]!)).toBe(true);
      expect(['1', '2', '3']).toContain(r[9]);
    }
  });

  it('builds the structure as a tree of the asked size with parents first', () => {
    expect(units).toHaveLength(200);
    expect(locations).toHaveLength(50);
    for (const list of [units, locations]) {
      const seen = new Set<string>();
      for (const row of list) {
        if (row.parent) expect(seen.has(row.parent)).toBe(true);
        seen.add(row.code);
      }
    }
  });

  it('draws integers within the bounds from a seeded generator', () => {
    const rng = createRng(1);
    const draws = Array.from({ length: 1000 }, () => rng.int(1, 3));
    expect(new Set(draws)).toEqual(new Set([1, 2, 3]));
    expect(createRng(9).next()).toBe(createRng(9).next());
  });

  it('quotes cells that hold a comma, a quote or a line break', () => {
    expect(csvLine(['a,b', 'say "hi"', 'plain'])).toBe('"a,b","say ""hi""",plain\n');
  });
});
