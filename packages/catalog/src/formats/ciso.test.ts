// CISO Assistant framework libraries: the requirement-node tree kept, ref_ids
// as display IDs, translations as languages, problems named by node.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LibraryValidationError } from '../errors.ts';
import { FormatError } from './errors.ts';
import { readCatalogFile } from './read.ts';
import { summarize } from './report.ts';

const sample = readFileSync(new URL('./fixtures/ciso-framework.yaml', import.meta.url), 'utf8');
const read = (yaml: string) => readCatalogFile(Buffer.from(yaml), { sourceName: 'x.yaml' });

describe('CISO Assistant framework YAML', () => {
  it('imports the sample with its hierarchy', () => {
    const { library, format, warnings } = read(sample);
    expect(format).toBe('ciso-yaml');
    expect(library).toMatchObject({
      id: 'suite-baseline',
      version: '3',
      name: { en: 'Suite security baseline', ja: 'テスト用セキュリティ基準' },
      publisher: { en: 'Suite Org', ja: 'Suite Org' },
      source: { title: 'Suite security baseline', note: { en: 'CC BY 4.0', ja: 'CC BY 4.0' } },
      requirements: [],
    });
    const [gov, ops] = library.controlGroups;
    expect(gov).toMatchObject({
      id: 'GOV',
      displayId: 'GOV',
      kind: 'group',
      title: { en: 'Governance', ja: 'ガバナンス' },
      summary: { en: 'How security is steered.', ja: 'セキュリティの舵取りの仕方。' },
    });
    // non-assessable GOV.1 is a group; assessable GOV.1.a a control, with its child as a child control.
    const roles = gov!.groups![0]!;
    expect(roles).toMatchObject({ id: 'GOV.1', title: { ja: '役割' } });
    const owner = roles.controls![0]!;
    expect(owner).toMatchObject({
      id: 'GOV.1.a',
      displayId: 'GOV.1.a',
      title: { en: 'Name a security owner', ja: 'セキュリティ責任者を決める' },
      guidance: {
        en: 'Write the name down where everyone finds it.\n\nTypical evidence:\nAn appointment letter.',
        ja: '誰もが見つけられる場所に名前を書く。\n\n典型的な証跡:\n任命書。',
      },
    });
    expect(owner.controls!.map((c) => c.id)).toEqual(['GOV.1.a.i']);
    expect(ops!.controls!.map((c) => c.displayId)).toEqual(['OPS.1', 'OPS.2']);
    // OPS.1 has no Japanese description: the English one stands in, and the import says so.
    expect(ops!.controls![0]!.summary).toEqual({
      en: 'Back up what you cannot lose.',
      ja: 'Back up what you cannot lose.',
    });
    expect(warnings.map((w) => w.message)).toEqual([
      'fields kept out of the library: implementation_groups (1 node(s))',
      '1 text(s) have no "ja" translation; the "en" text stands in for them',
    ]);
    expect(summarize(read(sample)).counts).toEqual({
      groups: 3,
      controls: 4,
      requirements: 0,
      params: 0,
      parts: 0,
    });
  });

  it('puts top-level assessable nodes in a group named after the framework', () => {
    const flat = sample.replace(
      /\n {8}parent_urn: urn:suite:risk:req_node:suite-baseline:ops\n/g,
      '\n',
    );
    const { library } = read(flat);
    expect(library.controlGroups.map((g) => [g.id, g.title.en])).toEqual([
      ['GOV', 'Governance'],
      ['OPS', 'Operations'],
      ['_top-3', 'Suite security baseline'],
    ]);
    expect(library.controlGroups[2]!.controls!.map((c) => c.id)).toEqual(['OPS.1', 'OPS.2']);
  });

  it('names the node of a problem by ref_id and urn, and the line of a structural one', () => {
    const noUrn = sample.replace(
      '- urn: urn:suite:risk:req_node:suite-baseline:ops.2\n',
      '- urn: ""\n',
    );
    try {
      read(noUrn);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LibraryValidationError);
      expect((error as LibraryValidationError).issues).toEqual([
        {
          path: expect.stringMatching(
            /^\/objects\/framework\/requirement_nodes\/6\/urn \(line \d+\)$/,
          ),
          message: 'must be a non-empty string',
        },
      ]);
    }
    const badTitle = sample
      .replace('name: Patch promptly', 'name: "Patch promptly  \\n"')
      .replace('name: 速やかに修正を適用する', 'name: " 速やかに "');
    // Trimmed texts stay valid; an ID made unusable is replaced by the urn's tail.
    expect(read(badTitle).library.controlGroups[1]!.controls![1]!.title).toEqual({
      en: 'Patch promptly',
      ja: '速やかに',
    });
  });

  it('refuses libraries without a framework or without ja/en, by name', () => {
    const mapping =
      'urn: urn:x:library:m\nlocale: en\nobjects:\n  requirement_mapping_set:\n    urn: urn:x:m\n';
    expect(() => read(mapping)).toThrow(FormatError);
    expect(() => read(mapping)).toThrow(
      'this CISO Assistant library holds no framework (it holds: requirement_mapping_set)',
    );
    const french = sample
      .replace('locale: en', 'locale: fr')
      .replace(/\n {0,6}translations:\n( {2,}ja:[\s\S]*?)(?=\n {0,4}\S)/, '\n');
    const frOnly =
      'urn: urn:x:library:f\nlocale: fr\nname: Cadre\nobjects:\n  framework:\n    urn: urn:x:f\n    name: Cadre\n    requirement_nodes: []\n';
    expect(() => read(frOnly)).toThrow(
      'the library has no Japanese or English text (its languages: fr)',
    );
    expect(french).toContain('locale: fr');
  });
});
