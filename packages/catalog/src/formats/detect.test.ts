// What a file looks like, named: binary formats, empty files, text that is
// not a catalog. None of these messages may quote the file's bytes.
import { describe, expect, it } from 'vitest';
import { FormatError } from './errors.ts';
import { readCatalogFile } from './read.ts';

const bytes = (s: string | number[]) =>
  typeof s === 'string' ? new TextEncoder().encode(s) : Uint8Array.from(s);

function refusal(data: Uint8Array): FormatError {
  try {
    readCatalogFile(data);
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return error as FormatError;
  }
  throw new Error('the file was accepted');
}

describe('readCatalogFile names what a file that is not a catalog looks like', () => {
  it('an empty file, or one of blanks', () => {
    expect(refusal(bytes('')).code).toBe('catalog_file_empty');
    expect(refusal(bytes('  \n\t\n')).message).toBe('the file is empty');
  });

  it('a PNG, a PDF, a ZIP (XLSX) and other binary files', () => {
    const png = refusal(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect(png.code).toBe('catalog_file_binary');
    expect(png.message).toMatch(/^this looks like a PNG image, not a catalog; supported: OSCAL/);
    expect(refusal(bytes('%PDF-1.7\n%âãÏÓ')).params.what).toBe('a PDF document');
    expect(refusal(bytes([0x50, 0x4b, 3, 4, 20, 0])).params.what).toMatch(/ZIP archive/);
    expect(refusal(bytes([0x00, 0x01, 0xfe, 0x02, 0x80])).params.what).toMatch(/binary file/);
  });

  it('YAML that is neither an OSCAL catalog nor a CISO Assistant library', () => {
    const error = refusal(bytes('name: my list\nitems:\n  - one\n  - two\n'));
    expect(error.code).toBe('catalog_format_unsupported');
    expect(error.message).toBe(
      'this looks like YAML, but not an OSCAL catalog or a CISO Assistant library ' +
        '(top-level keys: name, items); supported: OSCAL catalog JSON/YAML/XML, ' +
        'CISO Assistant framework YAML, Mamoru library JSON',
    );
    expect(refusal(bytes('[1, 2]')).message).toMatch(/looks like JSON.*its top level is a list/);
    expect(refusal(bytes('just some words')).params.found).toBe('its top level is a string');
  });

  it('XML whose root is not an OSCAL catalog, and other OSCAL models', () => {
    const html = refusal(bytes('<!DOCTYPE html><html><body>hi</body></html>'));
    expect(html.code).toBe('catalog_xml_root');
    expect(html.message).toMatch(
      /^this looks like XML but its root is <html>, not an OSCAL <catalog>/,
    );
    const profile = refusal(bytes('<profile xmlns="http://csrc.nist.gov/ns/oscal/1.0" uuid="x"/>'));
    expect(profile.message).toMatch(/^this is an OSCAL profile, not a catalog/);
    expect(refusal(bytes('{"system-security-plan": {}}')).params.model).toBe(
      'system security plan',
    );
    const foreign = refusal(bytes('<catalog xmlns="urn:other"/>'));
    expect(foreign.params.root).toBe('catalog xmlns="urn:other"');
  });

  it('text that does not parse, with the place but not the content', () => {
    const json = refusal(bytes('{"catalog": {'));
    expect(json.code).toBe('catalog_file_unreadable');
    expect(json.params.format).toBe('JSON');
    const yaml = refusal(bytes('a: 1\na: 2\n'));
    expect(yaml.message).toMatch(
      /^this looks like YAML, but it cannot be read: line 2, column 1: /,
    );
    const xml = refusal(bytes('<catalog xmlns="http://csrc.nist.gov/ns/oscal/1.0"><a></catalog>'));
    expect(xml.message).toMatch(/looks like XML, but it cannot be read: line 1, column \d+/);
  });

  it('refuses entity and alias bombs instead of expanding them', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><catalog>&b;</catalog>`;
    expect(refusal(bytes(lol)).message).toMatch(/undefined entity/);
    const aliases = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++)
      aliases.push(
        `${'bcdefghijklm'[i]}: &${'bcdefghijklm'[i]} [${Array(9)
          .fill(`*${i === 0 ? 'a' : 'bcdefghijklm'[i - 1]}`)
          .join(', ')}]`,
      );
    expect(refusal(bytes(aliases.join('\n'))).message).toMatch(/expands more than 100 aliases/);
  });

  it('refuses a file over the size it is given, in MiB', () => {
    const blanks = new Uint8Array(3 * 1024 * 1024).fill(0x20);
    expect(refusal(blanks).code).toBe('catalog_file_empty');
    expect(() => readCatalogFile(blanks, { maxBytes: 1024 * 1024 })).toThrow(
      'the file is 3 MiB; the largest accepted is 1 MiB',
    );
  });
});

describe('readCatalogFileOffThread', () => {
  it('gives the same library and the same refusals as in the calling thread', async () => {
    const { readFileSync } = await import('node:fs');
    const { LibraryValidationError } = await import('../errors.ts');
    const { readCatalogFileOffThread } = await import('./worker.ts');
    const ciso = readFileSync(new URL('./fixtures/ciso-framework.yaml', import.meta.url));
    expect(await readCatalogFileOffThread(ciso)).toEqual(readCatalogFile(ciso));
    await expect(readCatalogFileOffThread(bytes([0x25, 0x50, 0x44, 0x46]))).rejects.toThrow(
      new FormatError('catalog_file_binary', { kind: 'pdf', what: 'a PDF document' }),
    );
    const broken = ciso
      .toString()
      .replace('- urn: urn:suite:risk:req_node:suite-baseline:ops.2', '- urn: ""');
    const error = await readCatalogFileOffThread(bytes(broken)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryValidationError);
    expect((error as InstanceType<typeof LibraryValidationError>).issues[0]!.path).toMatch(
      /^\/objects\/framework\/requirement_nodes\/6\/urn \(line \d+\)$/,
    );
  });
});
