// The shipped JIPDEC ISMS Ver.2.0 library against the facts of the standard
// (../shared/standard/STRUCTURE.md) and against copying its text.
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedLibraries, shippedLibrary } from './load.ts';
import { hasShared, readShared } from './testing/shared.ts';
import { flattenControls, flattenGroups, flattenRequirements } from './tree.ts';
import type { Library, LocalizedText } from './types.ts';

const STRUCTURE = 'standard/STRUCTURE.md';
const CRITERIA = 'standard/isms-criteria-v2.0.ja.txt';

// Controls per objective, from STRUCTURE.md's annex table.
// prettier-ignore
const CONTROLS_PER_OBJECTIVE: Record<string, number> = {
  '3.1': 3, '4.1': 7, '4.2': 2, '4.3': 1, '5.1': 1, '5.2': 2, '6.1': 4, '6.2': 1, '6.3': 5,
  '7.1': 5, '7.2': 7, '7.3': 3, '8.1': 6, '8.2': 2, '8.3': 1, '8.4': 3, '8.5': 1, '8.6': 4,
  '8.7': 8, '9.1': 2, '9.2': 4, '9.3': 2, '9.4': 9, '9.5': 8, '9.6': 2, '9.7': 4, '9.8': 2,
  '10.1': 1, '10.2': 4, '10.3': 5, '10.4': 3, '10.5': 6, '11.1': 5, '12.1': 7, '12.2': 2, '12.3': 2,
};

// prettier-ignore
const TERMS = [
  'availability', 'confidentiality', 'information-security', 'isms', 'integrity', 'risk-acceptance',
  'risk-analysis', 'risk-assessment', 'risk-evaluation', 'risk-management', 'risk-treatment',
  'statement-of-applicability',
];

/** ①…⑳ are U+2460…U+2473. */
const circled = (n: number): string => String.fromCodePoint(0x2460 + n - 1);

/**
 * Requirement IDs from STRUCTURE.md's requirements table: the row ID, each
 * item `a`, `b`, … (a single letter opening a `·`-separated item) and each
 * sub-item `1`, `2`, … (bare numbers in order inside the item).
 */
function structureRequirementIds(markdown: string): string[] {
  const section = markdown.slice(markdown.indexOf('## Requirements'), markdown.indexOf('## Annex'));
  const ids: string[] = [];
  for (const line of section.split('\n')) {
    const row = /^\| (\d+(?:\.\d+)+) \|[^|]*\|(.*)\|\s*$/.exec(line);
    if (!row) continue;
    const [, id = '', items = ''] = row;
    ids.push(id);
    let expected = 'a';
    for (const item of items.split('·')) {
      const match = /^([a-z]) (.*)$/s.exec(item.trim());
      if (!match) continue;
      const [, letter = '', text = ''] = match;
      if (letter !== expected)
        throw new Error(`${id}: item ${letter} where ${expected} was expected`);
      expected = String.fromCharCode(expected.charCodeAt(0) + 1);
      ids.push(`${id}.${letter}`);
      let n = 1;
      for (const sub of text.matchAll(/(?:^|[\s(,])(\d+)\s+(?=[A-Za-z])/g)) {
        if (Number(sub[1]) === n) ids.push(`${id}.${letter}.${n++}`);
      }
    }
  }
  return ids;
}

let lib: Library;
beforeAll(async () => {
  const found = await shippedLibrary('jipdec-isms-2.0');
  if (!found) throw new Error('jipdec-isms-2.0 is not shipped');
  lib = found;
});

describe('shipped libraries', () => {
  it('load, validate and are cached and frozen', async () => {
    const libs = await shippedLibraries();
    expect(libs.map((l) => l.id)).toContain('jipdec-isms-2.0');
    expect(await shippedLibraries()).toBe(libs);
    expect(Object.isFrozen(lib.controlGroups[0]?.groups?.[0]?.controls?.[0]?.title)).toBe(true);
  });
});

describe('jipdec-isms-2.0: annex 詳細管理策', () => {
  it('has 10 domains, 36 objectives and 134 controls', () => {
    expect(lib.controlGroups).toHaveLength(10);
    expect(lib.controlGroups.every((g) => g.kind === 'domain')).toBe(true);
    const objectives = flattenGroups(lib).filter((f) => f.group.kind === 'objective');
    expect(objectives).toHaveLength(36);
    expect(flattenGroups(lib)).toHaveLength(46);
    expect(flattenControls(lib)).toHaveLength(134);
  });

  it('has the number of controls per objective given by STRUCTURE.md', () => {
    const counts = Object.fromEntries(
      flattenGroups(lib)
        .filter((f) => f.group.kind === 'objective')
        .map((f) => [f.group.id, f.group.controls?.length ?? 0]),
    );
    expect(counts).toEqual(CONTROLS_PER_OBJECTIVE);
    expect(Object.values(CONTROLS_PER_OBJECTIVE).reduce((a, b) => a + b, 0)).toBe(134);
  });

  it('numbers domains D, objectives D(O) and controls D(O)① in document order', () => {
    const problems: string[] = [];
    for (const [d, domain] of lib.controlGroups.entries()) {
      const D = String(d + 3);
      if (domain.id !== D || domain.displayId !== D)
        problems.push(`domain ${domain.id}/${domain.displayId}`);
      for (const [o, objective] of (domain.groups ?? []).entries()) {
        const O = String(o + 1);
        if (objective.id !== `${D}.${O}` || objective.displayId !== `${D}(${O})`) {
          problems.push(`objective ${objective.id}/${objective.displayId}`);
        }
        if (objective.groups?.length) problems.push(`objective ${objective.id} has sub-groups`);
        for (const [n, control] of (objective.controls ?? []).entries()) {
          const N = n + 1;
          if (control.id !== `${D}.${O}.${N}`)
            problems.push(`control ${control.id} at ${D}.${O}.${N}`);
          if (control.displayId !== `${D}(${O})${circled(N)}`)
            problems.push(`control ${control.id} shown as ${control.displayId}`);
          if (!/^\d+\(\d+\)[\u2460-\u2473]$/.test(control.displayId))
            problems.push(`display form ${control.displayId}`);
          if (control.controls?.length) problems.push(`control ${control.id} has enhancements`);
        }
      }
      if (domain.controls?.length) problems.push(`domain ${domain.id} has direct controls`);
    }
    expect(problems).toEqual([]);
  });

  it.skipIf(!hasShared(STRUCTURE))(
    'agrees with the annex table of STRUCTURE.md (needs ../shared/standard/STRUCTURE.md)',
    () => {
      const markdown = readShared(STRUCTURE);
      const annex = markdown.slice(markdown.indexOf('## Annex'));
      const rows = [...annex.matchAll(/^\| (\d+\.\d+) \|[^|]*\| (\d+) \|$/gm)].map((m) => [
        m[1],
        Number(m[2]),
      ]);
      expect(Object.fromEntries(rows)).toEqual(CONTROLS_PER_OBJECTIVE);
    },
  );
});

describe('jipdec-isms-2.0: requirements and terms', () => {
  it('has clauses 第4 to 第7 at the top of the requirement tree', () => {
    expect(lib.requirements.map((r) => [r.id, r.displayId])).toEqual([
      ['4', '第4'],
      ['5', '第5'],
      ['6', '第6'],
      ['7', '第7'],
    ]);
  });

  it('has the 12 terms of 第3', () => {
    expect(lib.terms.map((t) => t.id)).toEqual(TERMS);
  });

  it.skipIf(!hasShared(STRUCTURE))(
    'has every requirement item ID of STRUCTURE.md, and no other items (needs ../shared/standard/STRUCTURE.md)',
    () => {
      const expected = structureRequirementIds(readShared(STRUCTURE));
      expect(expected.length).toBeGreaterThan(100);
      expect(expected).toContain('4.2.1.b.1');
      expect(expected).toContain('6.3.b.5');
      const ours = flattenRequirements(lib).map((f) => f.node.id);
      expect(expected.filter((id) => !ours.includes(id))).toEqual([]);
      const items = ours.filter((id) => /\.[a-z](\.\d+)?$/.test(id));
      expect(items.filter((id) => !expected.includes(id))).toEqual([]);
    },
  );
});

describe('jipdec-isms-2.0: texts', () => {
  it('gives every node a non-empty ja and en title and summary (terms: term and definition)', () => {
    const problems: string[] = [];
    const check = (where: string, text: LocalizedText | undefined): void => {
      for (const locale of ['ja', 'en'])
        if (!text?.[locale]?.trim()) problems.push(`${where} ${locale}`);
    };
    for (const { node } of flattenRequirements(lib)) {
      check(`requirement ${node.id} title`, node.title);
      check(`requirement ${node.id} summary`, node.summary);
    }
    for (const { group } of flattenGroups(lib)) {
      check(`group ${group.id} title`, group.title);
      check(`group ${group.id} summary`, group.summary);
    }
    for (const { control } of flattenControls(lib)) {
      check(`control ${control.id} title`, control.title);
      check(`control ${control.id} summary`, control.summary);
    }
    for (const term of lib.terms) {
      check(`term ${term.id} term`, term.term);
      check(`term ${term.id} definition`, term.definition);
    }
    for (const [where, text] of Object.entries({
      name: lib.name,
      publisher: lib.publisher,
      description: lib.description,
    })) {
      check(where, text);
    }
    expect(problems).toEqual([]);
  });

  it.skipIf(!hasShared(CRITERIA))(
    'no shipped library copies a 20-character run of the criteria text (needs ../shared/standard/isms-criteria-v2.0.ja.txt)',
    async () => {
      const runs = criteriaRuns();
      const libs = await shippedLibraries();
      // Every library in data/: the ISO editions and their mapping notes too.
      expect(libs.length).toBeGreaterThanOrEqual(5);
      expect(libs.flatMap((shipped) => copiedRuns(shipped.id, shipped, runs))).toEqual([]);
    },
  );

  it.skipIf(!hasShared(CRITERIA))(
    'the copy check finds a copied run anywhere in a library, also in another width or spacing (needs the criteria text)',
    () => {
      const runs = criteriaRuns();
      const criteria = readShared(CRITERIA).replace(/\s+/g, '');
      // A run with Latin letters in it ("ISMS"), so the full-width disguise below changes it.
      const at = criteria.indexOf('ISMS', 5000);
      const sample = criteria.slice(at - 6, at + 14);
      expect(sample).toMatch(/ISMS/);
      // Full-width digits and Latin letters, and inserted spaces, do not hide a copy.
      const disguised = sample
        .replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
        .split('')
        .join(' ');
      const lib = { mappings: [{ source: { note: { ja: `前置き${disguised}後書き` } } }] };
      expect(copiedRuns('x', lib, runs)).toEqual([
        `x/mappings/0/source/note/ja: ${sample.normalize('NFKC')}`,
      ]);
      expect(copiedRuns('x', { title: sample.slice(0, 19) }, runs)).toEqual([]);
    },
  );
});

const RUN = 20;
// NFKC so that full-width and half-width forms count as the same character.
const compact = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

/** Every 20-character run of the criteria text. */
function criteriaRuns(): Set<string> {
  const criteria = compact(readShared(CRITERIA));
  const runs = new Set<string>();
  for (let i = 0; i + RUN <= criteria.length; i++) runs.add(criteria.slice(i, i + RUN));
  return runs;
}

/**
 * The first copied run of each string in `value` (titles, summaries, source
 * notes, props…: every string, not only LocalizedTexts), as `pointer: run`.
 * Case-sensitive on purpose: our "Statement of Applicability" is capitalised.
 */
function copiedRuns(pointer: string, value: unknown, runs: ReadonlySet<string>): string[] {
  if (typeof value === 'string') {
    const text = compact(value);
    for (let i = 0; i + RUN <= text.length; i++) {
      const run = text.slice(i, i + RUN);
      if (runs.has(run)) return [`${pointer}: ${run}`];
    }
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => copiedRuns(`${pointer}/${i}`, v, runs));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => copiedRuns(`${pointer}/${k}`, v, runs));
  return [];
}
