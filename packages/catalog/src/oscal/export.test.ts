import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLibrary, shippedLibrary } from '../load.ts';
import { fullLibrary, miniLibrary } from '../testing/fixtures.ts';
import { hasShared, readSharedJson } from '../testing/shared.ts';
import type { Library } from '../types.ts';
import { nistLikeCatalog } from '../testing/nist-like.ts';
import { toOscalCatalog } from './export.ts';
import { fromOscalCatalog } from './import.ts';
import {
  MAMORU_NS,
  type OscalCatalogDocument,
  type OscalControl,
  type OscalGroup,
  type OscalPart,
} from './model.ts';
import { MAMORU_UUID_NAMESPACE, uuidV5 } from './uuid.ts';

const OSCAL_SCHEMA = 'oscal/oscal_catalog_schema.json';
const TOKEN = /^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u;

let jipdec: Library;
beforeAll(async () => {
  jipdec = (await shippedLibrary('jipdec-isms-2.0'))!;
});

/** Every `id` in the document, depth first. */
function allIds(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => allIds(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'id' && typeof v === 'string') out.push(v);
      else allIds(v, out);
    }
  }
  return out;
}

describe('uuidV5', () => {
  it('matches the RFC 4122 reference value', () => {
    // uuid v5 of "www.example.com" in the DNS namespace, as computed by the uuid package and Python's uuid5.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(MAMORU_UUID_NAMESPACE).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('toOscalCatalog', () => {
  it('is reproducible: the same input gives the same document', () => {
    const a = toOscalCatalog(jipdec, { locale: 'ja' });
    const b = toOscalCatalog(structuredClone(jipdec), { locale: 'ja' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.catalog.uuid).not.toBe(toOscalCatalog(jipdec, { locale: 'en' }).catalog.uuid);
  });

  it('changes the document UUID with the content or the seed, resource UUIDs only with the seed', () => {
    const base = toOscalCatalog(jipdec, { locale: 'en' });
    const edited = structuredClone(jipdec) as { version: string };
    edited.version = '2.0.1';
    const changed = toOscalCatalog(edited as Library, { locale: 'en' });
    expect(changed.catalog.uuid).not.toBe(base.catalog.uuid);
    expect(changed.catalog['back-matter']?.resources?.[0]?.uuid).toBe(
      base.catalog['back-matter']?.resources?.[0]?.uuid,
    );
    const seeded = toOscalCatalog(jipdec, { locale: 'en', uuidSeed: 'tenant-1' });
    expect(seeded.catalog.uuid).not.toBe(base.catalog.uuid);
    expect(seeded.catalog['back-matter']?.resources?.[0]?.uuid).not.toBe(
      base.catalog['back-matter']?.resources?.[0]?.uuid,
    );
  });

  it('writes metadata, last-modified and the source resource', () => {
    const { catalog } = toOscalCatalog(jipdec, { locale: 'en' });
    expect(catalog.metadata).toMatchObject({
      title: 'ISMS Certification Criteria Ver.2.0',
      'last-modified': '2003-01-15T00:00:00Z',
      version: '2.0',
      'oscal-version': '1.1.3',
    });
    expect(catalog.metadata.props).toContainEqual({
      name: 'library-id',
      ns: MAMORU_NS,
      value: 'jipdec-isms-2.0',
    });
    const [source] = catalog['back-matter']?.resources ?? [];
    expect(source).toMatchObject({
      title: 'ISMS認証基準 (Ver.2.0)',
      citation: { text: 'JIPDEC, ISMS認証基準 (Ver.2.0), 2003-01-15' },
    });
    expect(source?.description).toContain('official text is not included');
    const at = new Date('2024-05-06T07:08:09.000Z');
    expect(
      toOscalCatalog(jipdec, { locale: 'en', lastModified: at }).catalog.metadata['last-modified'],
    ).toBe(at.toISOString());
    expect(() => toOscalCatalog(jipdec, { locale: 'en', lastModified: '2024-05-06' })).toThrow(
      /time zone/,
    );
  });

  it('maps domains, objectives and controls to groups and controls with label and mamoru-id props', () => {
    const { catalog } = toOscalCatalog(jipdec, { locale: 'ja' });
    const domain = catalog.groups?.[0] as OscalGroup;
    expect(domain).toMatchObject({ id: 'g-3', class: 'domain', title: '情報セキュリティポリシー' });
    const objective = domain.groups?.[0] as OscalGroup;
    expect(objective).toMatchObject({ id: 'g-3.1', class: 'objective' });
    const control = objective.controls?.[0] as OscalControl;
    expect(control.id).toBe('c-3.1.1');
    expect(control.props).toEqual([
      { name: 'label', value: '3(1)①' },
      { name: 'mamoru-id', ns: MAMORU_NS, value: '3.1.1' },
    ]);
    expect(control.parts?.[0]).toEqual({
      name: 'statement',
      prose: '経営陣が情報セキュリティポリシー文書を承認し、正式に定める。',
    });
    expect(control.parts?.[1]).toEqual({
      name: 'translation',
      ns: MAMORU_NS,
      props: [{ name: 'lang', ns: MAMORU_NS, value: 'en' }],
      title: 'Information security policy document',
      prose: 'Top management approves and formally issues an information security policy document.',
    });
  });

  it('adds the requirement tree and the terms as container groups', () => {
    const groups = toOscalCatalog(jipdec, { locale: 'en' }).catalog.groups ?? [];
    expect(groups.map((g) => g.id)).toEqual([
      'g-3',
      'g-4',
      'g-5',
      'g-6',
      'g-7',
      'g-8',
      'g-9',
      'g-10',
      'g-11',
      'g-12',
      'requirements',
      'terms',
    ]);
    const requirements = groups[10]!;
    expect(requirements).toMatchObject({
      class: 'requirements',
      props: [{ name: 'container', ns: MAMORU_NS, value: 'requirements' }],
    });
    expect(requirements.groups?.map((g) => g.id)).toEqual(['r-4', 'r-5', 'r-6', 'r-7']);
    const terms = groups[11]!.parts as OscalPart[];
    expect(terms).toHaveLength(12);
    expect(terms[0]).toMatchObject({
      id: 't-availability',
      name: 'term',
      ns: MAMORU_NS,
      title: 'availability',
    });
  });

  it('gives every node a unique OSCAL token ID', () => {
    for (const lib of [
      jipdec,
      parseLibrary(fullLibrary(), 'full'),
      parseLibrary(miniLibrary(), 'mini'),
    ]) {
      const ids = allIds(toOscalCatalog(lib, { locale: 'en' }));
      expect(ids.filter((id) => !TOKEN.test(id))).toEqual([]);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('keeps IDs that are OSCAL tokens and prefixes only the others, reversibly', () => {
    const mini = miniLibrary();
    const control = mini.controlGroups[0]!.controls[0]! as Record<string, unknown>;
    // A param ID that is not a token, inserted in kept OSCAL parts, and a
    // summary of our own that is not what the parts render to.
    control.params = [{ id: '1-p', label: { en: 'who' } }];
    control.parts = [{ name: 'statement', prose: 'Tell {{ insert: param, 1-p }}.' }];
    control.summary = { en: 'Our own words.' };
    const lib = parseLibrary(mini, 'mini');
    const { catalog } = toOscalCatalog(lib, { locale: 'en' });
    const group = catalog.groups![0]!;
    const c = group.controls![0]!;
    expect([group.id, c.id, c.controls![0]!.id]).toEqual(['a', 'a-1', 'a-1.1']);
    expect(c.props?.filter((p) => p.name === 'mamoru-id')).toEqual([]);
    expect(c.params![0]!.id).toBe('p-1-p');
    expect(c.params![0]!.props).toContainEqual({ name: 'mamoru-id', ns: MAMORU_NS, value: '1-p' });
    expect(c.parts![0]).toEqual({ name: 'statement', prose: 'Tell {{ insert: param, p-1-p }}.' });
    expect(catalog.groups![1]!.groups![0]!.id).toBe('r-1');
    const back = fromOscalCatalog(JSON.parse(JSON.stringify({ catalog })), { locale: 'fr' });
    expect(back).toEqual(lib);
  });

  it('refuses a locale the library does not have', () => {
    expect(() => toOscalCatalog(parseLibrary(miniLibrary(), 'mini'), { locale: 'ja' })).toThrow(
      /no "ja" texts/,
    );
  });
});

describe.skipIf(!hasShared(OSCAL_SCHEMA))(
  'OSCAL 1.1.3 catalog schema (needs ../shared/oscal/oscal_catalog_schema.json)',
  () => {
    let validate: ValidateFunction;
    beforeAll(() => {
      // NIST's schema is draft-07 and uses keywords ajv's strict mode rejects.
      const ajv = new Ajv({ allErrors: true, strict: false });
      addFormats(ajv);
      validate = ajv.compile(readSharedJson(OSCAL_SCHEMA) as object);
    });
    const expectValid = (doc: OscalCatalogDocument): void => {
      const ok = validate(JSON.parse(JSON.stringify(doc)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    };

    it.each(['ja', 'en'])('accepts the shipped library exported in %s', (locale) => {
      expectValid(toOscalCatalog(jipdec, { locale }));
    });

    it.each(['ja', 'en'])(
      'accepts a library with params, enhancements and guidance exported in %s',
      (locale) => {
        expectValid(toOscalCatalog(parseLibrary(fullLibrary(), 'full'), { locale, uuidSeed: 'x' }));
      },
    );

    it('accepts a single-language library', () => {
      expectValid(toOscalCatalog(parseLibrary(miniLibrary(), 'mini'), { locale: 'en' }));
    });

    it('accepts the NIST-like test catalog and its export after an import', () => {
      const original = nistLikeCatalog() as unknown as OscalCatalogDocument;
      expectValid(original);
      expectValid(toOscalCatalog(fromOscalCatalog(original, { locale: 'en' }), { locale: 'en' }));
    });

    it("accepts NIST's example catalog (the validator works)", () => {
      expect(validate(readSharedJson('oscal/example-basic-catalog.json'))).toBe(true);
      expect(validate({ catalog: { uuid: 'x' } })).toBe(false);
    });
  },
);
