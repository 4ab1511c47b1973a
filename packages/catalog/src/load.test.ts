import { mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LibraryValidationError } from './errors.ts';
import { loadLibraryFile, parseLibrary } from './load.ts';
import { miniLibrary } from './testing/fixtures.ts';
import {
  findControl,
  flattenControls,
  flattenRequirements,
  libraryLanguages,
  pickText,
} from './tree.ts';

const DATA_FILE = fileURLToPath(new URL('../data/jipdec-isms-2.0.json', import.meta.url));

/** A fresh, mutable copy of the shipped file's JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break the document on purpose
const rawCopy = (): any => JSON.parse(readFileSync(DATA_FILE, 'utf8'));

/** The error parseLibrary throws for `json`, so that tests can look at its message and issues. */
function failure(json: unknown, name = 'broken.json'): LibraryValidationError {
  try {
    parseLibrary(json, name);
  } catch (error) {
    if (error instanceof LibraryValidationError) return error;
    throw error;
  }
  throw new Error('expected a LibraryValidationError');
}

describe('parseLibrary', () => {
  it('accepts the shipped file, where requirement 4.1 and objective 4.1 share an ID', () => {
    const lib = parseLibrary(rawCopy(), 'jipdec-isms-2.0.json');
    expect(flattenRequirements(lib).some((f) => f.node.id === '4.1')).toBe(true);
    expect(lib.controlGroups[1]?.groups?.[0]?.id).toBe('4.1');
    expect(libraryLanguages(lib)).toEqual(['ja', 'en']);
  });

  it('accepts a single-language library', () => {
    expect(parseLibrary(miniLibrary(), 'mini.json').id).toBe('mini');
  });

  it("names the file and the path of a control missing its 'en' title", () => {
    const raw = rawCopy();
    delete raw.controlGroups[4].groups[0].controls[3].title.en;
    const error = failure(raw, 'jipdec-isms-2.0.json');
    expect(error.message).toContain('jipdec-isms-2.0.json');
    expect(error.message).toContain(
      "/controlGroups/4/groups/0/controls/3/title: must have required property 'en'",
    );
    expect(error.issues).toHaveLength(1);
  });

  it('names the path of a duplicated control ID and of its first use', () => {
    const raw = rawCopy();
    raw.controlGroups[1].groups[0].controls[1].id = '3.1.1';
    const error = failure(raw);
    expect(error.issues).toEqual([
      {
        path: '/controlGroups/1/groups/0/controls/1/id',
        message:
          'duplicate control or group ID "3.1.1" (first at /controlGroups/0/groups/0/controls/0/id)',
      },
    ]);
  });

  it('treats groups and controls as one namespace, requirements and terms as their own', () => {
    const raw = rawCopy();
    raw.controlGroups[0].groups[0].controls[0].id = '4.1'; // the ID of objective 4.1
    raw.requirements[0].children[1].id = '4.1'; // 4.2 renamed to the ID of requirement 4.1
    raw.terms[1].id = 'availability';
    expect(failure(raw).issues.map((i) => i.path)).toEqual([
      '/requirements/0/children/1/id',
      '/controlGroups/1/groups/0/id',
      '/terms/1/id',
    ]);
  });

  it('reports schema errors with their JSON path', () => {
    const raw = rawCopy();
    raw.controlGroups[2].groups[0].controls[0].title = {};
    raw.controlGroups[3].kind = 'chapter';
    raw.requirements[1].extra = true;
    delete raw.terms[0].definition;
    raw.id = 'Not A Slug';
    const messages = failure(raw).issues.map((i) => `${i.path}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "/controlGroups/2/groups/0/controls/0/title: must have 'ja' or 'en'",
        '/controlGroups/3/kind: must be equal to one of the allowed values: domain, objective, group',
        "/requirements/1: must NOT have additional properties ('extra')",
        "/terms/0: must have required property 'definition'",
        '/id: must match pattern "^[a-z0-9]+(?:[.-][a-z0-9]+)*$"',
      ]),
    );
    expect(messages).toHaveLength(5);
  });

  it('checks mapping sources against the library', () => {
    const ok = {
      ...miniLibrary(),
      mappings: [
        {
          targetLibrary: 'other',
          relations: [{ source: 'a-1', target: 'x.1', relation: 'equal' }],
        },
      ],
    };
    expect(parseLibrary(ok, 'ok.json').mappings).toHaveLength(1);
    const bad = {
      ...ok,
      mappings: [
        {
          targetLibrary: 'other',
          relations: [{ source: 'nope', target: 'x.1', relation: 'related' }],
        },
      ],
    };
    expect(failure(bad).issues).toEqual([
      {
        path: '/mappings/0/relations/0/source',
        message: '"nope" is not a control, group or requirement ID of this library',
      },
    ]);
  });

  it('requires the languages of the name everywhere, and allows extra ones', () => {
    const lib = miniLibrary();
    const withFrench = {
      ...lib,
      controlGroups: [{ ...lib.controlGroups[0], title: { en: 'Group A', fr: 'Groupe A' } }],
    };
    expect(() => parseLibrary(withFrench, 'fr.json')).not.toThrow();
    const bilingual = { ...lib, name: { en: 'Mini', ja: 'ミニ' } };
    expect(failure(bilingual).issues.map((i) => i.path)).toContain(
      '/controlGroups/0/controls/0/controls/0/title',
    );
  });
});

describe('loadLibraryFile', () => {
  it('loads a valid file', async () => {
    expect((await loadLibraryFile(DATA_FILE)).id).toBe('jipdec-isms-2.0');
  });

  it('names the file of invalid JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mamoru-catalog-'));
    const file = join(dir, 'bad.json');
    await writeFile(file, '{ "formatVersion": 1,');
    await expect(loadLibraryFile(file)).rejects.toThrow(
      /bad\.json: invalid library\n {2}\/: invalid JSON/,
    );
  });
});

describe('tree helpers', () => {
  const lib = parseLibrary(rawCopy(), 'jipdec-isms-2.0.json');

  it('flattens controls in document order with their group chain', () => {
    const flat = flattenControls(lib);
    expect(flat[0]).toMatchObject({
      control: { id: '3.1.1' },
      groupIds: ['3', '3.1'],
      parentControlIds: [],
    });
    expect(flat.at(-1)).toMatchObject({ control: { id: '12.3.2' }, groupIds: ['12', '12.3'] });
  });

  it('flattens enhancements right after their parent', () => {
    const mini = parseLibrary(miniLibrary(), 'mini.json');
    expect(flattenControls(mini).map((f) => [f.control.id, f.parentControlIds])).toEqual([
      ['a-1', []],
      ['a-1.1', ['a-1']],
    ]);
    expect(findControl(mini, 'a-1.1')?.title.en).toBe('Enhancement');
  });

  it('flattens requirements parents first', () => {
    const flat = flattenRequirements(lib);
    expect(flat.slice(0, 4).map((f) => f.node.id)).toEqual(['4', '4.1', '4.2', '4.2.1']);
    expect(flat.find((f) => f.node.id === '4.2.1.b.1')?.parentIds).toEqual([
      '4',
      '4.2',
      '4.2.1',
      '4.2.1.b',
    ]);
  });

  it('finds controls by ID', () => {
    expect(findControl(lib, '9.4.9')?.displayId).toBe('9(4)⑨');
    expect(findControl(lib, '3.1')).toBeUndefined();
  });

  it('picks a text with fallbacks', () => {
    expect(pickText({ ja: 'あ', en: 'a' }, 'ja')).toBe('あ');
    expect(pickText({ en: 'a' }, 'ja')).toBe('a');
    expect(pickText({ fr: 'b' }, 'ja')).toBe('b');
  });
});
