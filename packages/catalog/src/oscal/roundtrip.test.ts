import { describe, expect, it } from 'vitest';
import { LibraryValidationError } from '../errors.ts';
import { canonicalOscal, oscalCounts } from '../testing/canonical.ts';
import { nistLikeCatalog } from '../testing/nist-like.ts';
import { findControl } from '../tree.ts';
import { toOscalCatalog } from './export.ts';
import { fromOscalCatalog } from './import.ts';

const imported = () =>
  fromOscalCatalog(nistLikeCatalog(), { locale: 'en', sourceName: 'nist-like.json' });

describe('OSCAL → library → OSCAL of a NIST-like catalog', () => {
  it('gives back the original after canonical ordering (UUID and last-modified aside)', () => {
    const original = nistLikeCatalog();
    const back = JSON.parse(JSON.stringify(toOscalCatalog(imported(), { locale: 'en' })));
    expect(canonicalOscal(back)).toEqual(canonicalOscal(original));
    expect(oscalCounts(back)).toEqual(oscalCounts(original));
    expect(oscalCounts(original)).toMatchObject({ links: 8, params: 5, resources: 3 });
  });

  it('keeps the original IDs, so that a profile naming ac-2 finds it', () => {
    const { catalog } = toOscalCatalog(imported(), { locale: 'en' });
    expect(catalog.groups?.map((g) => g.id)).toEqual(['ac', 'au']);
    expect(catalog.groups?.[0]?.controls?.map((c) => c.id)).toEqual(['ac-1', 'ac-2']);
    expect(catalog.groups?.[0]?.controls?.[1]?.controls?.[0]?.id).toBe('ac-2.1');
    expect(JSON.stringify(catalog)).not.toContain('mamoru');
  });

  it('is stable: a second trip gives the same library and the same document', () => {
    const lib = imported();
    const once = toOscalCatalog(lib, { locale: 'en' });
    const again = fromOscalCatalog(JSON.parse(JSON.stringify(once)), { locale: 'en' });
    expect(again).toEqual(lib);
    expect(toOscalCatalog(again, { locale: 'en' })).toEqual(once);
  });

  it('keeps statement items nested, params whole and insertion markers in the prose', () => {
    const lib = imported();
    const ac1 = findControl(lib, 'ac-1')!;
    expect(ac1.displayId).toBe('AC-1');
    expect(ac1.class).toBe('SP800-53');
    expect(ac1.props).toContainEqual({ name: 'sort-id', value: 'ac-01' });
    const statement = ac1.parts?.find((p) => p.name === 'statement');
    const a = statement?.parts?.[0];
    expect(a?.prose).toBe('Develop and document, for {{ insert: param, ac-01_odp.01 }}:');
    expect(a?.parts?.[0]?.parts?.map((p) => p.props?.[0]?.value)).toEqual(['(a)', '(b)']);
    expect(ac1.parts?.map((p) => p.name)).toEqual([
      'statement',
      'guidance',
      'assessment-objective',
      'assessment-method',
    ]);
    expect(ac1.links?.map((l) => l.rel)).toEqual(['reference', 'related', 'related']);
    expect(ac1.params?.[0]).toMatchObject({
      label: { en: 'personnel or roles' },
      guidelines: ['the personnel or roles to whom the policy goes '],
    });
    expect(ac1.params?.[1]?.select).toEqual({
      howMany: 'one-or-more',
      choice: ['organization-level', ' system-level', 'every {{ insert: param, org_freq }}'],
    });
    // The plain-text summary renders the same statement for lists and search.
    expect(ac1.summary?.en).toContain(
      'a. Develop and document, for [personnel or roles]:\n  1. [selection (one or more): organization-level, system-level, every [organization-defined frequency]] policy that:\n    (a) Addresses purpose',
    );
    expect(ac1.guidance?.en).toBe('Policies shape the rest of the family.');
    expect(lib.resources).toHaveLength(3);
    expect(lib.params?.map((p) => p.id)).toEqual(['org_freq']);
    expect(lib.oscalMetadata).toMatchObject({
      'oscal-version': '1.1.2',
      roles: [{ id: 'creator' }],
    });
  });
});

describe('import errors point into the user file', () => {
  const issuesOf = (json: unknown): LibraryValidationError['issues'] => {
    try {
      fromOscalCatalog(json, { locale: 'en', sourceName: 'upload.json' });
    } catch (error) {
      if (error instanceof LibraryValidationError) return error.issues;
      throw error;
    }
    throw new Error('imported');
  };

  it('names the path of a bad select in the OSCAL file', () => {
    const doc = nistLikeCatalog() as {
      catalog: { groups: { controls: { params: object[] }[] }[] };
    };
    const params = doc.catalog.groups[0]!.controls[0]!.params as {
      select?: Record<string, unknown>;
    }[];
    params[1]!.select!['how-many'] = 'some';
    expect(issuesOf(doc)).toEqual([
      {
        path: '/catalog/groups/0/controls/0/params/1/select/how-many',
        message: 'must be equal to one of the allowed values',
      },
    ]);
  });

  it('names the OSCAL field behind a library problem, not the library path', () => {
    const doc = nistLikeCatalog();
    const catalog = doc.catalog as unknown as {
      groups: { controls: { title: string; params?: { id: string }[] }[] }[];
    };
    catalog.groups[1]!.controls[1]!.title = '  ';
    expect(issuesOf(doc)).toEqual([
      {
        path: '/catalog/groups/1/controls/1/title',
        message: expect.stringContaining('must match'),
      },
    ]);
    // Semantic checks (after the schema) too, with the first duplicate's path in the message.
    catalog.groups[1]!.controls[1]!.title = 'Fixed';
    catalog.groups[0]!.controls[0]!.params![2]!.id = 'ac-01_odp.01';
    expect(issuesOf(doc)).toEqual([
      {
        path: '/catalog/groups/0/controls/0/params/2/id',
        message:
          'duplicate parameter ID "ac-01_odp.01" (first at /catalog/groups/0/controls/0/params/0/id)',
      },
    ]);
  });
});
