// What a file is, from its first bytes: a known binary format (named in the
// refusal), or text that reads as JSON, XML or YAML. Only the syntax family is
// decided here; which model the text holds is decided after parsing.
import { FormatError } from './errors.ts';

export type TextSyntax = 'json' | 'xml' | 'yaml';

// Magic numbers of files people pick by mistake instead of a catalog.
const MAGIC: readonly { bytes: readonly number[]; kind: string; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'pdf', what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'zip', what: 'a ZIP archive (or an XLSX/DOCX file)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'zip', what: 'an empty ZIP archive' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'png', what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'jpeg', what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'gif', what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], kind: 'gzip', what: 'a gzip-compressed file' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    kind: 'office',
    what: 'a legacy Microsoft Office file (XLS/DOC)',
  },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'executable', what: 'an executable (ELF)' },
  { bytes: [0x4d, 0x5a], kind: 'executable', what: 'an executable (EXE)' },
];

const startsWith = (data: Uint8Array, bytes: readonly number[]) =>
  data.length >= bytes.length && bytes.every((b, i) => data[i] === b);

/** The file's text: UTF-8 (BOM dropped) or UTF-16 with a BOM; anything else is binary. */
function decode(data: Uint8Array): string {
  if (startsWith(data, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (startsWith(data, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(data.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    throw new FormatError('catalog_file_binary', {
      kind: 'binary',
      what: 'a binary file (not UTF-8 text)',
    });
  }
  // NUL never occurs in JSON, YAML or XML text.
  if (text.includes('\u0000')) {
    throw new FormatError('catalog_file_binary', {
      kind: 'binary',
      what: 'a binary file (it contains NUL bytes)',
    });
  }
  return text;
}

/** The decoded text and its syntax family; refuses empty and binary files by name. */
export function sniff(data: Uint8Array): { text: string; syntax: TextSyntax } {
  for (const m of MAGIC) {
    if (startsWith(data, m.bytes))
      throw new FormatError('catalog_file_binary', { kind: m.kind, what: m.what });
  }
  const text = decode(data);
  const start = text.trimStart();
  if (start === '') throw new FormatError('catalog_file_empty');
  if (start.startsWith('<')) return { text, syntax: 'xml' };
  if (start.startsWith('{') || start.startsWith('[')) return { text, syntax: 'json' };
  return { text, syntax: 'yaml' };
}
