import { ArchiveChains } from './chain.ts';
import { MANIFEST_PATH, manifestProblems, type ArchiveManifest } from './manifest.ts';
import { partOf } from './source.ts';
import { ArchiveReader, PartHash, hashedChunks, lines } from './zip.ts';

export interface ArchiveProblem {
  part?: string;
  problem: string;
  detail?: string;
}

export interface ArchiveVerification {
  ok: boolean;
  manifest: ArchiveManifest | null;
  problems: ArchiveProblem[];
}

/**
 * Reads and checks every part's hash, the JSON lines, each organization's
 * audit chain and every evidence file's SHA-256; imports nothing.
 */
export async function verifyArchive(file: string): Promise<ArchiveVerification> {
  let reader: ArchiveReader;
  try {
    reader = await ArchiveReader.open(file);
  } catch (error) {
    return {
      ok: false,
      manifest: null,
      problems: [{ problem: 'not a readable ZIP archive', detail: (error as Error).message }],
    };
  }
  try {
    return await verifyOpen(reader);
  } finally {
    reader.close();
  }
}

async function verifyOpen(reader: ArchiveReader): Promise<ArchiveVerification> {
  const problems: ArchiveProblem[] = [];
  const fail = () => ({ ok: false, manifest: null, problems });
  if (!reader.entries.has(MANIFEST_PATH)) {
    problems.push({ part: MANIFEST_PATH, problem: 'missing: this is not a Mamoru archive' });
    return fail();
  }
  let manifest: ArchiveManifest;
  try {
    manifest = JSON.parse(
      (await reader.readAll(MANIFEST_PATH)).toString('utf8'),
    ) as ArchiveManifest;
  } catch (error) {
    problems.push({ part: MANIFEST_PATH, problem: 'not JSON', detail: (error as Error).message });
    return fail();
  }
  for (const problem of manifestProblems(manifest)) problems.push({ part: MANIFEST_PATH, problem });
  if (problems.length > 0) return fail();

  const listed = new Set<string>();
  for (const part of manifest.parts) {
    if (listed.has(part.path)) problems.push({ part: part.path, problem: 'listed twice' });
    listed.add(part.path);
  }
  for (const name of reader.entries.keys()) {
    if (name !== MANIFEST_PATH && !listed.has(name)) {
      problems.push({ part: name, problem: 'in the archive but not in the manifest' });
    }
  }

  const organizations = new Set(manifest.organizations.map((o) => o.id));
  const chains = new ArchiveChains();
  /** Evidence contents the file records need (sha256 → size), and the file parts present. */
  const blobs = new Map<string, number>();
  const contents = new Map<string, number>();
  for (const part of manifest.parts) {
    const kind = partOf(part.path);
    if (!kind) {
      problems.push({ part: part.path, problem: 'not a part of the archive format' });
      continue;
    }
    if (!reader.entries.has(part.path)) {
      problems.push({ part: part.path, problem: 'missing from the archive' });
      continue;
    }
    const hash = new PartHash();
    try {
      const stream = await reader.stream(part.path);
      if (kind.kind === 'file') {
        const content = new PartHash();
        for await (const chunk of hashedChunks(stream, hash)) content.update(chunk);
        if (content.digest() !== kind.sha256) {
          problems.push({
            part: part.path,
            problem: 'the content does not match its SHA-256 name',
          });
        }
        contents.set(kind.sha256, content.bytes);
      } else {
        let rows = 0;
        let bad: string | null = null;
        for await (const line of lines(stream, hash)) {
          rows += 1;
          let row: Record<string, unknown>;
          try {
            row = JSON.parse(line) as Record<string, unknown>;
            if (!row || typeof row !== 'object' || Array.isArray(row))
              throw new Error('not an object');
          } catch (error) {
            bad ??= `line ${rows}: ${(error as Error).message}`;
            continue;
          }
          if ('organization_id' in row && kind.kind === 'table' && row.organization_id !== null) {
            if (!organizations.has(String(row.organization_id))) {
              bad ??= `line ${rows}: organization ${String(row.organization_id)} is not in the manifest`;
            }
          }
          if (kind.kind !== 'table') continue;
          if (kind.table === 'audit_events') chains.add(row);
          if (kind.table === 'file_blobs') blobs.set(String(row.sha256), Number(row.size));
        }
        if (bad)
          problems.push({ part: part.path, problem: 'a line is not a valid row', detail: bad });
        if (part.rows !== undefined && part.rows !== rows) {
          problems.push({
            part: part.path,
            problem: 'the row count does not match the manifest',
            detail: `${rows} rows, the manifest says ${part.rows}`,
          });
        }
      }
    } catch (error) {
      problems.push({
        part: part.path,
        problem: 'cannot be read',
        detail: (error as Error).message,
      });
      continue;
    }
    if (hash.digest() !== part.sha256 || hash.bytes !== part.bytes) {
      problems.push({
        part: part.path,
        problem: 'the SHA-256 does not match the manifest',
        detail: `${hash.bytes} bytes`,
      });
    }
  }

  for (const org of manifest.organizations) {
    const problem = chains.problem(org.id, org.auditHead);
    if (problem) {
      problems.push({
        problem: `the audit chain of ${org.name} (${org.id}) is broken`,
        detail: problem,
      });
    }
  }
  for (const org of chains.organizations()) {
    if (!organizations.has(org)) {
      problems.push({
        problem: `audit events of organization ${org}, which is not in the manifest`,
      });
    }
  }
  for (const [sha256, size] of blobs) {
    const bytes = contents.get(sha256);
    if (bytes === undefined) {
      problems.push({
        part: `files/${sha256}`,
        problem: 'an evidence file record has no content part',
      });
    } else if (bytes !== size) {
      problems.push({
        part: `files/${sha256}`,
        problem: 'the content size differs from its file record',
        detail: `${bytes} bytes, the record says ${size}`,
      });
    }
  }
  for (const sha256 of contents.keys()) {
    if (!blobs.has(sha256)) {
      problems.push({
        part: `files/${sha256}`,
        problem: 'no evidence file record has this content',
      });
    }
  }
  return { ok: problems.length === 0, manifest, problems };
}
