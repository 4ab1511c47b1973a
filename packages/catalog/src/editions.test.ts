// The shipped ISO/IEC 27001:2022 catalog and the mapping libraries between
// ISMS Ver.2.0 and the ISO editions (17799:2000, 27001:2005, 2013, 2022).
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedLibraries } from './load.ts';
import { flattenControls, flattenGroups, flattenRequirements } from './tree.ts';
import type { Library, MappingRelation } from './types.ts';

const VER2 = 'jipdec-isms-2.0';
const ISO2022 = 'iso-iec-27001-2022';
// prettier-ignore
const NEW_IN_2022 = ['5.7', '5.23', '5.30', '7.4', '8.9', '8.10', '8.11', '8.12', '8.16', '8.23', '8.28'];
/** Ver.2.0 controls with no 2022 successor, and why (also in the mapping's source note). */
const WITHDRAWN: Record<string, string> = {
  '4.1.1': 'management forum: now the leadership requirement of clause 5.1, not an Annex A control',
  '9.5.6': 'duress alarm: dropped by ISO/IEC 17799:2005 / 27001:2005',
};
/** The chain each derived Ver.2.0 table composes, newest first. */
const CHAIN = [
  'iso-iec-27001-2022',
  'iso-iec-27001-2013',
  'iso-iec-27001-2005',
  'iso-iec-17799-2000',
];

interface Row {
  source: string;
  target: string;
  relation: MappingRelation;
  confidence?: string;
}

let libs: Map<string, Library>;
const lib = (id: string): Library => {
  const found = libs.get(id);
  if (!found) throw new Error(`${id} is not shipped`);
  return found;
};
const rowsOf = (from: string, to: string): Row[] =>
  (lib(from).mappings ?? []).filter((m) => m.targetLibrary === to).flatMap((m) => m.relations);
const controlIds = (l: Library) => new Set(flattenControls(l).map((f) => f.control.id));

beforeAll(async () => {
  libs = new Map((await shippedLibraries()).map((l) => [l.id, l]));
});

describe('iso-iec-27001-2022: catalog', () => {
  it('has 93 Annex A controls in exactly 4 themes of 37, 8, 14 and 34', () => {
    const l = lib(ISO2022);
    expect(l.controlGroups.map((g) => [g.id, g.displayId, g.controls?.length])).toEqual([
      ['5', 'A.5', 37],
      ['6', 'A.6', 8],
      ['7', 'A.7', 14],
      ['8', 'A.8', 34],
    ]);
    expect(flattenGroups(l)).toHaveLength(4);
    const ids = flattenControls(l).map((f) => f.control.id);
    expect(ids).toHaveLength(93);
    // Numbered 1..n in order inside each theme.
    for (const g of l.controlGroups)
      expect(g.controls?.map((c) => c.id)).toEqual(
        Array.from({ length: g.controls?.length ?? 0 }, (_, i) => `${g.id}.${i + 1}`),
      );
  });

  it('has clauses 4 to 10 with their sub-clauses', () => {
    const l = lib(ISO2022);
    expect(l.requirements.map((r) => r.id)).toEqual(['4', '5', '6', '7', '8', '9', '10']);
    // prettier-ignore
    const expected = ['4', '4.1', '4.2', '4.3', '4.4', '5', '5.1', '5.2', '5.3', '6', '6.1', '6.1.1', '6.1.2', '6.1.3',
      '6.2', '6.3', '7', '7.1', '7.2', '7.3', '7.4', '7.5', '7.5.1', '7.5.2', '7.5.3', '8', '8.1', '8.2', '8.3',
      '9', '9.1', '9.2', '9.2.1', '9.2.2', '9.3', '9.3.1', '9.3.2', '9.3.3', '10', '10.1', '10.2'];
    expect(flattenRequirements(l).map((f) => f.node.id)).toEqual(expected);
  });

  it('marks exactly the 11 controls new in 2022 with the prop new-in-edition', () => {
    const marked = flattenControls(lib(ISO2022))
      .filter((f) =>
        f.control.props?.some((p) => p.name === 'new-in-edition' && p.value === '2022'),
      )
      .map((f) => f.control.id);
    expect(marked).toEqual(NEW_IN_2022);
  });

  it('gives every node a ja and en title and summary', () => {
    const l = lib(ISO2022);
    const nodes = [
      ...flattenRequirements(l).map((f) => f.node),
      ...flattenGroups(l).map((f) => f.group),
      ...flattenControls(l).map((f) => f.control),
    ];
    const missing = nodes.flatMap((n) =>
      ['ja', 'en'].flatMap((loc) =>
        [n.title, n.summary].some((t) => !t?.[loc]?.trim()) ? [`${n.id} ${loc}`] : [],
      ),
    );
    expect(missing).toEqual([]);
  });
});

describe('edition libraries', () => {
  it('ship the ID libraries with their control counts', () => {
    expect(controlIds(lib('iso-iec-17799-2000')).size).toBe(127);
    expect(controlIds(lib('iso-iec-27001-2005')).size).toBe(133);
    expect(controlIds(lib('iso-iec-27001-2013')).size).toBe(114);
    expect(lib('iso-iec-27001-2005').controlGroups).toHaveLength(11);
    expect(lib('iso-iec-27001-2013').controlGroups).toHaveLength(14);
  });

  it('map only between existing controls, with a confidence and a named source', () => {
    const problems: string[] = [];
    for (const l of libs.values()) {
      for (const m of l.mappings ?? []) {
        const target = libs.get(m.targetLibrary);
        if (!target) {
          problems.push(`${l.id} → unknown library ${m.targetLibrary}`);
          continue;
        }
        if (!m.source?.title) problems.push(`${l.id} → ${m.targetLibrary}: no source`);
        const sources = controlIds(l);
        const targets = controlIds(target);
        for (const r of m.relations) {
          if (!sources.has(r.source)) problems.push(`${l.id}: no control ${r.source}`);
          if (!targets.has(r.target)) problems.push(`${m.targetLibrary}: no control ${r.target}`);
          if (!r.confidence) problems.push(`${l.id} ${r.source} → ${r.target}: no confidence`);
        }
      }
    }
    expect([...libs.keys()]).toEqual(expect.arrayContaining([...CHAIN, VER2]));
    expect(problems).toEqual([]);
  });

  it('map every Ver.2.0 control to a 2022 control unless withdrawn', () => {
    const mapped = new Set(rowsOf(ISO2022, VER2).map((r) => r.target));
    const unmapped = [...controlIds(lib(VER2))].filter((id) => !mapped.has(id));
    expect(unmapped).toEqual(Object.keys(WITHDRAWN));
    // The reason is also in the data, for the people who read the mapping.
    const note = lib(ISO2022).mappings?.find((m) => m.targetLibrary === VER2)?.source?.note?.en;
    for (const id of Object.keys(WITHDRAWN)) expect(note).toContain(`${id} (`);
  });

  it('never give a control new in 2022 a Ver.2.0 or 2013 predecessor', () => {
    const rows = [...rowsOf(ISO2022, VER2), ...rowsOf(ISO2022, 'iso-iec-27001-2013')];
    expect(rows.filter((r) => NEW_IN_2022.includes(r.source))).toEqual([]);
  });

  it('say subset or intersects where a Ver.2.0 control spreads over several 2022 controls', () => {
    const byVer = new Map<string, Row[]>();
    for (const r of rowsOf(ISO2022, VER2)) byVer.set(r.target, [...(byVer.get(r.target) ?? []), r]);
    const wrong = [...byVer.entries()]
      .filter(([, rows]) => rows.length > 1 && rows.some((r) => r.relation === 'equal'))
      .map(([id]) => id);
    expect(wrong).toEqual([]);
    expect([...byVer.values()].some((rows) => rows.length > 1)).toBe(true);
  });
});

// Composition of "source is <rel> of target" relations along the chain.
const RANK: Record<string, number> = { equal: 0, subset: 1, superset: 1, intersects: 2 };
const CONF = ['low', 'medium', 'high'];
function compose(a: Row, b: Row): Row {
  let relation: MappingRelation;
  if (a.relation === 'equal') relation = b.relation;
  else if (b.relation === 'equal') relation = a.relation;
  else if (a.relation === b.relation && a.relation !== 'intersects') relation = a.relation;
  else relation = 'intersects';
  let conf = Math.min(CONF.indexOf(a.confidence!), CONF.indexOf(b.confidence!));
  if (a.relation !== 'equal' && b.relation !== 'equal' && relation === 'intersects') conf = 0;
  return { source: a.source, target: b.target, relation, confidence: CONF[conf] };
}
function chain(first: Row[], second: Row[]): Row[] {
  const best = new Map<string, Row>();
  for (const a of first)
    for (const b of second.filter((s) => s.source === a.target)) {
      const c = compose(a, b);
      const key = `${c.source}|${c.target}`;
      const old = best.get(key);
      const better =
        !old ||
        RANK[c.relation]! < RANK[old.relation]! ||
        (RANK[c.relation] === RANK[old.relation] &&
          CONF.indexOf(c.confidence!) > CONF.indexOf(old.confidence!));
      if (better) best.set(key, c);
    }
  return [...best.values()];
}
const key = (r: Row) => `${r.source} ${r.target} ${r.relation} ${r.confidence}`;

describe('derived Ver.2.0 tables', () => {
  it('equal the composition of the edition chain (2022 adds only low-confidence readings)', () => {
    let toVer = rowsOf('iso-iec-17799-2000', VER2);
    for (let i = CHAIN.length - 2; i >= 0; i--) {
      const newer = CHAIN[i]!;
      const step = rowsOf(newer, CHAIN[i + 1]!);
      toVer = chain(step, toVer);
      const shipped = rowsOf(newer, VER2);
      const derived = new Set(toVer.map(key));
      expect(toVer.map(key).filter((k) => !shipped.map(key).includes(k))).toEqual([]);
      const extra = shipped.filter((r) => !derived.has(key(r)));
      if (newer === ISO2022) {
        expect(extra.length).toBeGreaterThan(0);
        expect(extra.filter((r) => r.confidence !== 'low')).toEqual([]);
        // A reading never repeats a derived pair with another relation.
        expect(
          extra.filter((r) => toVer.some((d) => d.source === r.source && d.target === r.target)),
        ).toEqual([]);
        toVer = shipped;
      } else expect(extra).toEqual([]);
    }
  });
});
