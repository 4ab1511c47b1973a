// OSCAL XML and YAML give the same catalog as their JSON twin; markup comes
// back as the Markdown OSCAL JSON carries; problems point into the XML.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LibraryValidationError } from '../errors.ts';
import { inlineMarkdown, multilineMarkdown } from './markup.ts';
import { oscalXmlToJson } from './oscal-xml.ts';
import { readCatalogFile } from './read.ts';
import { childElements, parseXml } from './xml.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const NS = 'xmlns="http://csrc.nist.gov/ns/oscal/1.0"';

describe('OSCAL XML → the OSCAL JSON model', () => {
  it('converts the suite catalog into exactly its JSON twin', () => {
    const json = JSON.parse(fixture('mini.oscal.json').toString('utf8')) as unknown;
    const { document, warnings } = oscalXmlToJson(parseXml(fixture('mini.oscal.xml').toString()));
    expect(document).toEqual(json);
    expect(warnings).toEqual([]);
  });

  it('turns markup back into Markdown, params into insert tokens', () => {
    const root = parseXml(
      `<x><p>A <em>b</em> <strong>c</strong> <code>d*e</code> <a href="https://e.org">f</a> ` +
        `<insert type="param" id-ref="p-1"/> <q>g</q> x<sub>2</sub> y<sup>3</sup></p>` +
        `<ul><li>one<ol><li>inner</li></ol></li><li>two</li></ul><h2>Head</h2>` +
        `<table><tr><th>k</th><th>v</th></tr><tr><td>a|b</td><td>c</td></tr></table>` +
        `<pre>  code\n  block</pre><blockquote><p>quoted</p></blockquote></x>`,
    );
    expect(multilineMarkdown(childElements(root))).toBe(
      'A *b* **c** `d*e` [f](https://e.org) {{ insert: param, p-1 }} "g" x~2~ y^3^\n\n' +
        '- one\n  1. inner\n- two\n\n## Head\n\n| k | v |\n| --- | --- |\n| a\\|b | c |\n\n' +
        '```\n  code\n  block\n```\n\n> quoted',
    );
    expect(inlineMarkdown(parseXml('<title>  Access\n   control </title>'))).toBe('Access control');
  });

  it('reports elements outside the catalog model and leaves them out', () => {
    const xml = `<catalog ${NS} uuid="u"><metadata><title>T</title><last-modified>2026-01-01T00:00:00Z</last-modified><version>1</version><oscal-version>1.1.3</oscal-version><colour>red</colour></metadata><colour>blue</colour></catalog>`;
    const { document, warnings } = oscalXmlToJson(parseXml(xml));
    expect(document.catalog.metadata).not.toHaveProperty('colour');
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'catalog_warning_xml_skipped',
        params: { element: 'colour', count: 2, path: '/catalog/metadata[1]/colour[1]' },
      }),
    ]);
  });
});

describe('readCatalogFile: OSCAL in three syntaxes', () => {
  it('JSON, YAML and XML twins give the same Library', () => {
    const fromJson = readCatalogFile(fixture('mini.oscal.json'));
    const fromYaml = readCatalogFile(fixture('mini.oscal.yaml'));
    const fromXml = readCatalogFile(fixture('mini.oscal.xml'));
    expect([fromJson.format, fromYaml.format, fromXml.format]).toEqual([
      'oscal-json',
      'oscal-yaml',
      'oscal-xml',
    ]);
    expect(fromYaml.library).toEqual(fromJson.library);
    expect(fromXml.library).toEqual(fromJson.library);
    expect(fromJson.library.controlGroups[0]!.controls!.map((c) => c.id)).toEqual(['ac-1', 'ac-2']);
  });

  it('points problems into the user file: XML element path, YAML line, JSON pointer', () => {
    const xml = fixture('mini.oscal.xml')
      .toString()
      .replace('<title>Account management</title>', '');
    const issuesOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(LibraryValidationError);
        return (error as LibraryValidationError).issues.map((i) => i.path);
      }
      throw new Error('accepted');
    };
    expect(issuesOf(() => readCatalogFile(Buffer.from(xml)))).toEqual([
      '/catalog/group[1]/control[2] (line 81)',
    ]);
    const yaml = fixture('mini.oscal.yaml').toString().replace("version: '1.0'", 'version: [1]');
    expect(issuesOf(() => readCatalogFile(Buffer.from(yaml)))).toEqual([
      '/catalog/metadata/version (line 7)',
    ]);
    const json = JSON.parse(fixture('mini.oscal.json').toString()) as {
      catalog: { groups: { controls: { title?: string }[] }[] };
    };
    delete json.catalog.groups[0]!.controls[1]!.title;
    expect(issuesOf(() => readCatalogFile(Buffer.from(JSON.stringify(json))))).toEqual([
      '/catalog/groups/0/controls/1',
    ]);
  });
});
