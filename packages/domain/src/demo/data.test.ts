import { describe, expect, it } from 'vitest';
import { recordTypeCreateSchema } from '@mamoru/contracts';
import { DEMO_ASSETS, DEMO_DOCUMENTS, DEMO_LOCATIONS, DEMO_PEOPLE, DEMO_UNITS } from './data.ts';
import { DEMO_RECORD_TYPES } from './records.ts';

const unique = (values: string[]) => new Set(values).size === values.length;

describe('demo company data', () => {
  it('has about ten units and sixty assets with unique codes', () => {
    expect(DEMO_UNITS).toHaveLength(10);
    expect(DEMO_ASSETS).toHaveLength(60);
    for (const list of [DEMO_UNITS, DEMO_LOCATIONS, DEMO_ASSETS, DEMO_DOCUMENTS]) {
      expect(unique(list.map((x) => x.code))).toBe(true);
    }
    expect(unique(DEMO_PEOPLE.map((p) => p.key))).toBe(true);
  });

  it('names everything in Japanese with an English translation', () => {
    for (const x of [...DEMO_UNITS, ...DEMO_LOCATIONS, ...DEMO_ASSETS, ...DEMO_DOCUMENTS]) {
      expect(x.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(x.en).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('refers only to units and locations it defines, parents before children', () => {
    const units = new Set<string>();
    for (const u of DEMO_UNITS) {
      if (u.parent) expect(units.has(u.parent)).toBe(true);
      units.add(u.code);
    }
    const locations = new Set<string>();
    for (const l of DEMO_LOCATIONS) {
      if (l.parent) expect(locations.has(l.parent)).toBe(true);
      locations.add(l.code);
    }
    for (const p of DEMO_PEOPLE) expect(units.has(p.unit)).toBe(true);
    for (const a of DEMO_ASSETS) {
      expect(units.has(a.unit)).toBe(true);
      expect(locations.has(a.location)).toBe(true);
      for (const v of a.cia) expect([1, 2, 3]).toContain(v);
    }
    // The IT unit looks after the software (create.ts names it as custodian).
    expect(units.has('IT')).toBe(true);
  });

  it('covers every asset category and has exactly one ISMS policy', () => {
    expect(new Set(DEMO_ASSETS.map((a) => a.category))).toEqual(
      new Set(['information', 'software', 'physical', 'service', 'people', 'intangible']),
    );
    expect(DEMO_DOCUMENTS.filter((d) => d.ismsPolicy)).toHaveLength(1);
  });
});

describe('demo record types', () => {
  it('are valid record type input, in Japanese with English, with unique codes', () => {
    expect(unique(DEMO_RECORD_TYPES.map((t) => t.code))).toBe(true);
    for (const { classification: _, ...t } of DEMO_RECORD_TYPES) {
      const parsed = recordTypeCreateSchema.safeParse(t);
      expect(parsed.success, `${t.code}: ${parsed.error?.message}`).toBe(true);
      expect(t.name.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(t.name.en).toMatch(/^[\x20-\x7e]+$/);
      expect(t.fields.length).toBeGreaterThan(0);
    }
  });
});
