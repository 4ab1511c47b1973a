import { createHash } from 'node:crypto';
import { ZipFile } from 'yazl';
import { TEXT, PART_KEYS, partTitle, type PackLang, type PartKey } from './labels.ts';
import type { PackFile } from './parts.ts';

/**
 * The pack's ZIP: the parts' files, a README in the pack's language and
 * manifest.json, which states the SHA-256 and size of every other file and
 * the audit chain's head at the as-of date, so an auditor can check both.
 */

export interface PackManifest {
  format: 'mamoru-evidence-pack';
  formatVersion: 1;
  mamoruVersion: string;
  organization: { id: string; name: string };
  asOf: string;
  /** Set when the pack was made for an internal audit (its day is asOf). */
  audit: { id: string; code: string } | null;
  lang: PackLang;
  generatedAt: string;
  generatedBy: { id: string | null; name: string };
  /** The last audit event recorded by the end of the as-of day (UTC), null before the first. */
  auditHead: { seq: number; hash: string; at: string } | null;
  parts: { key: PartKey; title: string; empty: boolean; files: string[] }[];
  files: { path: string; sha256: string; bytes: number; part: PartKey | null; empty: boolean }[];
}

export const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');

export function readme(manifest: Omit<PackManifest, 'files'>, lang: PackLang): string {
  const t = TEXT[lang];
  const lines = [
    `${t.packTitle} — ${manifest.organization.name}`,
    '',
    t.readme.intro,
    '',
    `${t.organization}: ${manifest.organization.name}`,
    `${t.asOf}: ${manifest.asOf}`,
    ...(manifest.audit ? [`${t.audit}: ${manifest.audit.code}`] : []),
    `${t.generatedAt}: ${manifest.generatedAt}`,
    `${t.generatedBy}: ${manifest.generatedBy.name}`,
    '',
    `${t.readme.contents}:`,
    ...manifest.parts.flatMap((p) => [
      `- ${p.title}${p.empty ? ` ${t.readme.empty}` : ''}`,
      ...p.files.map((f) => `    ${f}`),
    ]),
    '',
    t.readme.datedNote,
    t.currentNote,
    t.readme.verify,
    '',
  ];
  // CRLF: the file opens as text in Notepad too.
  return lines.join('\r\n');
}

/** Every part's files in order, grouped for the manifest and README. */
export function partsOf(files: PackFile[], lang: PackLang): PackManifest['parts'] {
  return PART_KEYS.map((key) => {
    const own = files.filter((f) => f.part === key);
    return {
      key,
      title: partTitle(key, lang),
      empty: own.length > 0 && own.every((f) => f.empty),
      files: own.map((f) => f.path),
    };
  });
}

/** The ZIP's bytes; every entry dated at generation, so the listing shows one moment. */
export async function zipPack(
  files: PackFile[],
  header: Omit<PackManifest, 'files'>,
): Promise<{ zip: Buffer; manifest: PackManifest }> {
  const readmeName = header.lang === 'ja' ? 'README-ja.txt' : 'README-en.txt';
  const readmeBody = Buffer.from(`\ufeff${readme(header, header.lang)}`, 'utf8');
  const all = [
    ...files.map((f) => ({ path: f.path, body: f.body, part: f.part, empty: f.empty })),
    { path: readmeName, body: readmeBody, part: null, empty: false },
  ];
  const manifest: PackManifest = {
    ...header,
    files: all.map((f) => ({
      path: f.path,
      sha256: sha256(f.body),
      bytes: f.body.length,
      part: f.part,
      empty: f.empty,
    })),
  };
  const zip = new ZipFile();
  const mtime = new Date(header.generatedAt);
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8'), 'manifest.json', {
    mtime,
  });
  for (const f of all) zip.addBuffer(f.body, f.path, { mtime });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return { zip: Buffer.concat(chunks), manifest };
}
