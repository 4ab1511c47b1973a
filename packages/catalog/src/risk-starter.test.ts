// The shipped risk starter catalog (threats and vulnerabilities for the
// multiplicative risk method), and the loader's checks on broken copies.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LibraryValidationError } from './errors.ts';
import { shippedLibraries, shippedLibrary } from './load.ts';
import {
  parseRiskStarter,
  riskStarterCatalog,
  riskStarterDataPath,
  THREAT_GROUP_IDS,
  VULNERABILITY_GROUP_IDS,
  type RiskStarterCatalog,
} from './risk-starter.ts';
import { hasShared, readShared } from './testing/shared.ts';
import { flattenControls } from './tree.ts';
import type { LocalizedText } from './types.ts';

const CRITERIA = 'standard/isms-criteria-v2.0.ja.txt';

/** A fresh, mutable copy of the shipped file's JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break the document on purpose
const rawCopy = (): any => JSON.parse(readFileSync(riskStarterDataPath, 'utf8'));

/** The error parseRiskStarter rejects with for `json`. */
async function failure(json: unknown, name = 'broken.json'): Promise<LibraryValidationError> {
  try {
    await parseRiskStarter(json, name);
  } catch (error) {
    if (error instanceof LibraryValidationError) return error;
    throw error;
  }
  throw new Error('expected a LibraryValidationError');
}

/** Every LocalizedText of the catalog with its JSON pointer. */
function texts(cat: RiskStarterCatalog): [string, LocalizedText | undefined][] {
  const out: [string, LocalizedText | undefined][] = [
    ['/name', cat.name],
    ['/description', cat.description],
  ];
  for (const key of ['threatGroups', 'vulnerabilityGroups', 'threats', 'vulnerabilities'] as const)
    cat[key].forEach((item, i) => {
      out.push([`/${key}/${i}/name`, item.name]);
      out.push([`/${key}/${i}/description`, item.description]);
    });
  return out;
}

let cat: RiskStarterCatalog;
let controlIds: Set<string>;
beforeAll(async () => {
  cat = await riskStarterCatalog();
  const lib = await shippedLibrary('jipdec-isms-2.0');
  if (!lib) throw new Error('jipdec-isms-2.0 is not shipped');
  controlIds = new Set(flattenControls(lib).map((f) => f.control.id));
});

describe('riskStarterCatalog', () => {
  it('loads, validates, is cached and deep-frozen', async () => {
    expect(cat.id).toBe('risk-starter');
    expect(cat.controlLibrary).toBe('jipdec-isms-2.0');
    expect(await riskStarterCatalog()).toBe(cat);
    expect(Object.isFrozen(cat.threats[0]?.name)).toBe(true);
    expect(Object.isFrozen(cat.vulnerabilities[0]?.exploitedBy)).toBe(true);
  });

  it('is not mistaken for a control library', async () => {
    expect((await shippedLibraries()).map((l) => l.id)).not.toContain('risk-starter');
  });
});

describe('risk starter: threats', () => {
  it('has at least 35 threats covering the 8 ISO/IEC 27005 groups, listed group by group', () => {
    expect(cat.threats.length).toBeGreaterThanOrEqual(35);
    expect(cat.threatGroups.map((g) => g.id)).toEqual([...THREAT_GROUP_IDS]);
    const order = cat.threats.map((t) => THREAT_GROUP_IDS.indexOf(t.group));
    expect(new Set(order).size).toBe(THREAT_GROUP_IDS.length);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('numbers threats T01, T02, … in order', () => {
    expect(cat.threats.map((t) => t.id)).toEqual(
      cat.threats.map((_, i) => `T${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('gives every threat an origin, an affected property, an asset category and a control', () => {
    const problems = cat.threats.flatMap((t) => [
      ...(t.origin.length ? [] : [`${t.id} origin`]),
      ...(t.affects.length ? [] : [`${t.id} affects`]),
      ...(t.assetCategories.length ? [] : [`${t.id} assetCategories`]),
      ...(t.relatedControls.length ? [] : [`${t.id} relatedControls`]),
    ]);
    expect(problems).toEqual([]);
  });

  it('uses all three origins and all three properties somewhere', () => {
    expect(new Set(cat.threats.flatMap((t) => t.origin))).toEqual(
      new Set(['deliberate', 'accidental', 'environmental']),
    );
    expect(new Set(cat.threats.flatMap((t) => t.affects))).toEqual(
      new Set(['confidentiality', 'integrity', 'availability']),
    );
  });

  it('includes the threats Japanese organizations meet today', () => {
    const names = cat.threats.map((t) => t.name.ja ?? '');
    for (const word of [
      '地震',
      'ランサムウェア',
      '標的型メール',
      '誤送信',
      '紛失',
      '内部不正',
      'クラウド',
      '委託先',
    ])
      expect(
        names.some((n) => n.includes(word)),
        word,
      ).toBe(true);
  });

  it('has every threat exploited by at least one vulnerability', () => {
    const exploited = new Set(cat.vulnerabilities.flatMap((v) => v.exploitedBy));
    expect(cat.threats.filter((t) => !exploited.has(t.id)).map((t) => t.id)).toEqual([]);
  });
});

describe('risk starter: vulnerabilities', () => {
  it('has at least 35 vulnerabilities covering the 6 asset types, listed group by group', () => {
    expect(cat.vulnerabilities.length).toBeGreaterThanOrEqual(35);
    expect(cat.vulnerabilityGroups.map((g) => g.id)).toEqual([...VULNERABILITY_GROUP_IDS]);
    const order = cat.vulnerabilities.map((v) => VULNERABILITY_GROUP_IDS.indexOf(v.group));
    expect(new Set(order).size).toBe(VULNERABILITY_GROUP_IDS.length);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('numbers vulnerabilities V01, V02, … in order', () => {
    expect(cat.vulnerabilities.map((v) => v.id)).toEqual(
      cat.vulnerabilities.map((_, i) => `V${String(i + 1).padStart(2, '0')}`),
    );
  });
});

describe('risk starter: references', () => {
  it('refers only to existing threats and to controls of the shipped JIPDEC library', () => {
    const threatIds = new Set(cat.threats.map((t) => t.id));
    const problems: string[] = [];
    for (const v of cat.vulnerabilities) {
      for (const id of v.exploitedBy) if (!threatIds.has(id)) problems.push(`${v.id} → ${id}`);
      if (v.exploitedBy.length === 0) problems.push(`${v.id} exploited by nothing`);
    }
    for (const item of [...cat.threats, ...cat.vulnerabilities]) {
      for (const id of item.relatedControls)
        if (!/^\d+\.\d+\.\d+$/.test(id) || !controlIds.has(id)) problems.push(`${item.id} → ${id}`);
    }
    expect(problems).toEqual([]);
  });

  it('uses unique IDs and unique names', () => {
    for (const list of [cat.threats, cat.vulnerabilities]) {
      for (const key of ['id', 'ja', 'en'] as const) {
        const values = list.map((item) => (key === 'id' ? item.id : item.name[key]));
        expect(new Set(values).size, key).toBe(values.length);
      }
    }
  });
});

describe('risk starter: texts', () => {
  it('gives every name and description a non-empty ja and en text', () => {
    const problems: string[] = [];
    for (const [pointer, text] of texts(cat))
      for (const locale of ['ja', 'en'])
        if (!text?.[locale]?.trim()) problems.push(`${pointer}/${locale}`);
    expect(problems).toEqual([]);
  });

  it('writes ja in Japanese and en without Japanese characters', () => {
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    const problems: string[] = [];
    for (const [pointer, text] of texts(cat)) {
      if (!japanese.test(text?.ja ?? '')) problems.push(`${pointer}/ja`);
      if (japanese.test(text?.en ?? '')) problems.push(`${pointer}/en`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps each description to one sentence', () => {
    const problems: string[] = [];
    for (const item of [...cat.threats, ...cat.vulnerabilities]) {
      const ja = item.description.ja ?? '';
      const en = item.description.en ?? '';
      if ((ja.match(/。/g) ?? []).length !== 1 || !ja.endsWith('。'))
        problems.push(`${item.id} ja`);
      if (!/^[^.]*(?:\.[^\s][^.]*)*\.$/.test(en.replace(/e\.g\.|i\.e\./g, '')))
        problems.push(`${item.id} en`);
    }
    expect(problems).toEqual([]);
  });

  it.skipIf(!hasShared(CRITERIA))(
    'copies no 20-character run of the criteria text (needs ../shared/standard/isms-criteria-v2.0.ja.txt)',
    () => {
      const RUN = 20;
      const criteria = readShared(CRITERIA).replace(/\s+/g, '');
      const runs = new Set<string>();
      for (let i = 0; i + RUN <= criteria.length; i++) runs.add(criteria.slice(i, i + RUN));
      const copied: string[] = [];
      for (const [pointer, text] of texts(cat))
        for (const [locale, value] of Object.entries(text ?? {})) {
          const compact = (value ?? '').replace(/\s+/g, '');
          for (let i = 0; i + RUN <= compact.length; i++)
            if (runs.has(compact.slice(i, i + RUN))) {
              copied.push(`${pointer}/${locale}`);
              break;
            }
        }
      expect(copied).toEqual([]);
    },
  );
});

describe('parseRiskStarter on broken copies', () => {
  it('accepts the shipped file and turns a single origin into a list', async () => {
    const raw = rawCopy();
    raw.threats[0].origin = 'accidental';
    const parsed = await parseRiskStarter(raw, 'risk-starter.json');
    expect(parsed.threats[0]?.origin).toEqual(['accidental']);
    expect(raw.threats[0].origin).toBe('accidental');
  });

  it('names the file and the JSON path of schema errors', async () => {
    const raw = rawCopy();
    delete raw.threats[3].name.en;
    raw.threats[4].affects = [];
    raw.threats[5].group = 'aliens';
    raw.threats[6].defaultLikelihood = 4;
    raw.threats[7].origin = ['accidental', 'cosmic'];
    raw.vulnerabilities[2].description.ja = ' 前後に空白 ';
    raw.vulnerabilities[8].extra = true;
    raw.vulnerabilities[9].relatedControls = ['8.3'];
    const error = await failure(raw, 'risk-starter.json');
    expect(error.message).toContain('risk-starter.json: invalid risk starter catalog');
    expect(error.message).toContain("/threats/3/name: must have required property 'en'");
    const messages = error.issues.map((i) => `${i.path}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "/threats/3/name: must have required property 'en'",
        '/threats/4/affects: must NOT have fewer than 1 items',
        expect.stringMatching(
          /^\/threats\/5\/group: must be equal to one of the allowed values: physical_damage, /,
        ),
        '/threats/6/defaultLikelihood: must be <= 3',
        '/threats/7/origin/1: must be equal to one of the allowed values: deliberate, accidental, environmental',
        '/vulnerabilities/2/description/ja: must match pattern "^\\S(.*\\S)?$"',
        "/vulnerabilities/8: must NOT have additional properties ('extra')",
        '/vulnerabilities/9/relatedControls/0: must match pattern "^[0-9]+\\.[0-9]+\\.[0-9]+$"',
      ]),
    );
    expect(messages).toHaveLength(8);
  });

  it('reports duplicate IDs, unknown threats and unknown controls with their paths', async () => {
    const raw = rawCopy();
    const copy = raw.threats.push({ ...raw.threats[0] }) - 1;
    raw.vulnerabilities[4].exploitedBy = ['T02', 'T99'];
    raw.vulnerabilities[5].relatedControls = ['8.3.1', '8.3.9'];
    raw.threats[10].relatedControls = ['99.1.1'];
    expect((await failure(raw)).issues).toEqual([
      {
        path: `/threats/${copy}/id`,
        message: 'duplicate threat ID "T01" (first at /threats/0/id)',
      },
      { path: '/threats/10/relatedControls/0', message: 'no control "99.1.1" in jipdec-isms-2.0' },
      { path: '/vulnerabilities/4/exploitedBy/1', message: 'no threat "T99"' },
      {
        path: '/vulnerabilities/5/relatedControls/1',
        message: 'no control "8.3.9" in jipdec-isms-2.0',
      },
    ]);
  });

  it('reports an undeclared group and an unknown control library', async () => {
    const raw = rawCopy();
    raw.threatGroups = raw.threatGroups.filter((g: { id: string }) => g.id !== 'radiation');
    raw.controlLibrary = 'no-such-library';
    const paths = (await failure(raw)).issues.map((i) => i.path);
    expect(paths[0]).toBe('/controlLibrary');
    const radiation = rawCopy().threats.flatMap((t: { group: string }, i: number) =>
      t.group === 'radiation' ? [`/threats/${i}/group`] : [],
    );
    expect(radiation.length).toBeGreaterThan(0);
    expect(paths.slice(1)).toEqual(radiation);
  });
});
