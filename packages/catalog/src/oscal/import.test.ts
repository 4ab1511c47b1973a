import { beforeAll, describe, expect, it } from 'vitest';
import { LibraryValidationError } from '../errors.ts';
import { parseLibrary, shippedLibraries, shippedLibrary } from '../load.ts';
import { fullLibrary, miniLibrary } from '../testing/fixtures.ts';
import { canonicalOscal } from '../testing/canonical.ts';
import { hasShared, readSharedJson } from '../testing/shared.ts';
import { flattenControls, flattenGroups, flattenRequirements } from '../tree.ts';
import type { Library } from '../types.ts';
import { toOscalCatalog } from './export.ts';
import { fromOscalCatalog } from './import.ts';

const NIST_EXAMPLE = 'oscal/example-basic-catalog.json';

let jipdec: Library;
let shipped: readonly Library[];
beforeAll(async () => {
  jipdec = (await shippedLibrary('jipdec-isms-2.0'))!;
  shipped = await shippedLibraries();
});

/** Export, serialize, parse, import: what a user's file goes through. */
const roundTrip = (lib: Library, locale: string): Library =>
  fromOscalCatalog(JSON.parse(JSON.stringify(toOscalCatalog(lib, { locale }))), { locale: 'fr' });

/** The parts of a library a reader compares first, in document order. */
function outline(lib: Library) {
  return {
    groups: flattenGroups(lib).map(({ group, parentIds }) => [
      parentIds.join('/'),
      group.id,
      group.displayId,
      group.kind,
      group.title.ja,
      group.title.en,
    ]),
    controls: flattenControls(lib).map(({ control, groupIds }) => [
      groupIds.join('/'),
      control.id,
      control.displayId,
      control.title.ja,
      control.title.en,
    ]),
    requirements: flattenRequirements(lib).map(({ node, parentIds }) => [
      parentIds.join('/'),
      node.id,
      node.displayId,
      node.title.ja,
      node.title.en,
    ]),
    terms: lib.terms.map((t) => [t.id, t.term.ja, t.term.en]),
  };
}

describe('OSCAL round trip of a Mamoru export', () => {
  it.each(['ja', 'en'])('restores the shipped library exactly from its %s export', (locale) => {
    const back = roundTrip(jipdec, locale);
    expect(outline(back)).toEqual(outline(jipdec));
    expect(back).toEqual(jipdec);
  });

  it.each(['ja', 'en'])(
    'restores every shipped library exactly, its own props and mappings too (%s export)',
    (locale) => {
      expect(shipped.length).toBeGreaterThan(1);
      for (const lib of shipped) expect(roundTrip(lib, locale), lib.id).toEqual(lib);
    },
  );

  it.each(['ja', 'en'])(
    'keeps params, guidance, enhancements, extra languages and mappings (%s export)',
    (locale) => {
      const lib = parseLibrary(fullLibrary(), 'full');
      expect(roundTrip(lib, locale)).toEqual(lib);
    },
  );

  it('keeps a single-language library', () => {
    const lib = parseLibrary(miniLibrary(), 'mini');
    expect(roundTrip(lib, 'en')).toEqual(lib);
  });

  it('takes the library ID from the options when given', () => {
    const doc = toOscalCatalog(jipdec, { locale: 'en' });
    expect(fromOscalCatalog(doc, { locale: 'en', id: 'my-copy' }).id).toBe('my-copy');
  });
});

describe('OSCAL import of other catalogs', () => {
  const catalog = {
    catalog: {
      uuid: '11111111-2222-4333-8444-555555555555',
      metadata: {
        title: 'Tiny Catalog',
        version: '3',
        published: '2024-01-02T00:00:00Z',
        'last-modified': '2024-01-02T00:00:00Z',
        'oscal-version': '1.1.2',
        parties: [{ uuid: 'p1', type: 'organization', name: 'Tiny Org' }],
        'responsible-parties': [{ 'role-id': 'creator', 'party-uuids': ['p1'] }],
      },
      params: [{ id: 'org_prm', label: 'organization-defined frequency' }],
      groups: [
        {
          title: 'Untitled-ID group',
          parts: [{ name: 'overview', prose: 'About the group.' }],
          controls: [
            {
              id: 'ac-1',
              title: 'Policy',
              params: [
                { id: 'ac-1_prm_1', values: ['personnel', 'contractors'] },
                {
                  id: 'ac-1_prm_2',
                  select: { choice: ['annually', 'every {{ insert: param, org_prm }}'] },
                },
              ],
              props: [
                { name: 'label', class: 'zz', value: 'AC-1 (other scheme)' },
                { name: 'label', value: 'AC-1' },
              ],
              parts: [
                {
                  name: 'statement',
                  prose: 'The organization:',
                  parts: [
                    {
                      name: 'item',
                      props: [{ name: 'label', value: 'a.' }],
                      prose: 'Develops a policy for {{ insert: param, ac-1_prm_1 }}:',
                      parts: [
                        {
                          name: 'item',
                          props: [{ name: 'label', value: '1.' }],
                          prose: 'that covers scope; and',
                        },
                      ],
                    },
                    {
                      name: 'item',
                      props: [{ name: 'label', value: 'b.' }],
                      prose: 'Reviews it {{ insert: param, ac-1_prm_2 }}.',
                    },
                  ],
                },
                { name: 'guidance', prose: 'Why it matters.' },
                { name: 'assessment', ns: 'https://example.org/ns', prose: 'ignored' },
              ],
              controls: [
                {
                  id: 'ac-1.1',
                  title: 'Enhancement',
                  parts: [{ name: 'statement', prose: 'More {{ insert: param, nope }}.' }],
                },
              ],
            },
          ],
        },
      ],
      controls: [{ id: 'x-1', title: 'Loose control' }],
    },
  };

  it('reads groups, nested statement parts, params, enhancements and top-level controls', () => {
    const lib = fromOscalCatalog(catalog, { locale: 'en' });
    expect(lib).toMatchObject({
      id: 'tiny-catalog',
      version: '3',
      name: { en: 'Tiny Catalog' },
      publisher: { en: 'Tiny Org' },
      source: { title: 'Tiny Catalog', published: '2024-01-02' },
      requirements: [],
      terms: [],
    });
    const [group, loose] = lib.controlGroups;
    expect(group).toMatchObject({
      id: 'group-1',
      displayId: '1',
      kind: 'group',
      summary: { en: 'About the group.' },
    });
    const control = group?.controls?.[0];
    expect(control?.displayId).toBe('AC-1');
    expect(control?.summary?.en).toBe(
      [
        'The organization:',
        'a. Develops a policy for [personnel, contractors]:',
        '  1. that covers scope; and',
        'b. Reviews it [selection: annually, every [organization-defined frequency]].',
      ].join('\n'),
    );
    expect(control?.guidance).toEqual({ en: 'Why it matters.' });
    expect(control?.params?.map((p) => p.id)).toEqual(['ac-1_prm_1', 'ac-1_prm_2']);
    expect(control?.controls?.[0]).toEqual({
      id: 'ac-1.1',
      displayId: 'ac-1.1',
      title: { en: 'Enhancement' },
      summary: { en: 'More [nope].' },
      // The OSCAL parts stay as they are, insertion markers included.
      parts: [{ name: 'statement', prose: 'More {{ insert: param, nope }}.' }],
    });
    // A part of another namespace is kept too (and left out of the summary).
    expect(control?.parts?.map((p) => p.name)).toEqual(['statement', 'guidance', 'assessment']);
    expect(loose).toMatchObject({
      id: '_ungrouped',
      controls: [{ id: 'x-1', title: { en: 'Loose control' } }],
    });
    expect(flattenControls(lib).map((f) => f.control.id)).toEqual(['ac-1', 'ac-1.1', 'x-1']);
  });

  it('labels the texts with the given locale', () => {
    const lib = fromOscalCatalog(catalog, { locale: 'ja', id: 'tiny' });
    expect(lib.id).toBe('tiny');
    expect(lib.controlGroups[0]?.title).toEqual({ ja: 'Untitled-ID group' });
  });

  it('rejects input that is not a catalog, with the JSON path of the problem', () => {
    const broken = structuredClone(catalog) as { catalog: { groups: Record<string, unknown>[] } };
    delete broken.catalog.groups[0]!.title;
    (broken.catalog.groups[0]!.controls as Record<string, unknown>[])[0]!.title = 42;
    let error: unknown;
    try {
      fromOscalCatalog(broken, { locale: 'en', sourceName: 'upload.json' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LibraryValidationError);
    expect((error as Error).message).toContain('upload.json: not a readable OSCAL catalog');
    expect((error as LibraryValidationError).issues).toEqual([
      { path: '/catalog/groups/0', message: "must have required property 'title'" },
      { path: '/catalog/groups/0/controls/0/title', message: 'must be string' },
    ]);
    expect(() => fromOscalCatalog({ groups: [] }, { locale: 'en' })).toThrow(
      "/: must have required property 'catalog'",
    );
  });

  it('reports a catalog that does not make a valid library at the path in the file', () => {
    const empty = structuredClone(catalog);
    empty.catalog.controls[0]!.title = '  ';
    expect(() => fromOscalCatalog(empty, { locale: 'en' })).toThrow(
      /OSCAL catalog: cannot be imported as a library\n {2}\/catalog\/controls\/0\/title: must match pattern/,
    );
  });
});

describe.skipIf(!hasShared(NIST_EXAMPLE))(
  "NIST's example-basic-catalog.json (needs ../shared/oscal/example-basic-catalog.json)",
  () => {
    let nist: Library;
    beforeAll(() => {
      nist = fromOscalCatalog(readSharedJson(NIST_EXAMPLE), {
        locale: 'en',
        sourceName: NIST_EXAMPLE,
      });
    });

    it('imports its groups, controls and titles', () => {
      expect(nist.id).toBe('sample-security-catalog-for-demonstration-and-testing');
      expect(nist.name.en).toBe('Sample Security Catalog *for Demonstration* and Testing');
      expect(nist.controlGroups.map((g) => [g.id, g.displayId, g.title.en])).toEqual([
        ['s1', '1', 'Organization of Information Security'],
        ['s2', '2', 'Access control'],
      ]);
      const controls = flattenControls(nist);
      expect(controls.length).toBeGreaterThanOrEqual(4);
      expect(controls[0]).toMatchObject({
        control: {
          id: 's1.1.1',
          displayId: '1.1.1',
          title: { en: 'Information security roles and responsibilities' },
        },
        groupIds: ['s1', 's1.1'],
      });
      expect(controls.every((f) => f.control.title.en && f.control.title.en.length > 0)).toBe(true);
    });

    it('imports statement prose for every control, with params rendered', () => {
      for (const { control } of flattenControls(nist)) {
        expect(control.summary?.en, control.id).toMatch(/\S/);
        expect(control.summary?.en, control.id).not.toContain('{{');
      }
      const first = flattenControls(nist)[0]!.control;
      expect(first.summary?.en).toContain(
        'All information security responsibilities should be defined and allocated.',
      );
      expect(first.summary?.en).toContain(
        '[selection (one or more): initiating a device lock after [a duration] of inactivity',
      );
      expect(first.guidance?.en).toContain('Allocation of information security responsibilities');
    });

    it('exports as it came in, and re-imports unchanged', () => {
      // An imported catalog goes out as plain OSCAL (no Mamoru extensions),
      // so its re-import is told its language like the first import was.
      const exported = JSON.parse(JSON.stringify(toOscalCatalog(nist, { locale: 'en' })));
      expect(canonicalOscal(exported)).toEqual(canonicalOscal(readSharedJson(NIST_EXAMPLE)));
      expect(fromOscalCatalog(exported, { locale: 'en' })).toEqual(nist);
    });
  },
);
