import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { flattenRequirements, shippedLibrary } from '@mamoru/catalog';
import type { ConformityReport } from '@mamoru/contracts';
import type { Database } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { run } from '../program.ts';
import { captureOutput } from '../testing/output.ts';

// Setting up a database can take long when other suites share the machine (a limit, not a measurement).
vi.setConfig({ hookTimeout: 240_000, testTimeout: 120_000 });

const PASSWORD = 'Velvet-Orbit-Lantern-7319';
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
/** The team's copy of the standard, beside the repository; absent in other checkouts. */
const STRUCTURE = join(repoRoot, '../shared/standard/STRUCTURE.md');

/**
 * The requirement item IDs of STRUCTURE.md: per row of the requirements
 * table, the lettered items (`a …`), their numbered sub-items (`1 …`), or the
 * clause itself when it has no items. Parenthesized notes are not items.
 */
export function structureItemIds(markdown: string): string[] {
  const section = markdown.split('## Requirements')[1]!.split('\n## ')[0]!;
  const ids: string[] = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5 || !/^\d+(\.\d+)*$/.test(cells[1]!)) continue;
    const [, id, , items] = cells as [string, string, string, string];
    const lettered = items.split(' · ').filter((part) => /^[a-z] /.test(part));
    if (lettered.length === 0) {
      ids.push(id);
      continue;
    }
    for (const part of lettered) {
      const letter = part[0]!;
      const subs = [...part.matchAll(/(?:^|[\s(,])(\d) [a-z]/g)].map((m) => m[1]!);
      if (subs.length === 0) ids.push(`${id}.${letter}`);
      else for (const n of subs) ids.push(`${id}.${letter}.${n}`);
    }
  }
  return ids;
}

let io: ReturnType<typeof captureOutput>;
beforeEach(() => {
  io = captureOutput();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describeEachDatabase('mamoru check', (ctx) => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mamoru-check-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    const url = ctx.kind === 'postgres' ? (ctx.database as Database & { url: string }).url : '';
    vi.stubEnv('DATABASE_URL', url);
    vi.stubEnv('MAMORU_DATA_DIR', dataDir);
  });

  const checkJson = async () => {
    io.clear();
    expect(await run(['check', '--json'])).toBe(0);
    return JSON.parse(io.stdout()) as ConformityReport;
  };

  it('needs an organization', async () => {
    expect(await run(['migrate'])).toBe(0);
    expect(await run(['check'])).toBe(1);
    expect(io.stderr()).toMatch(/no organization yet/);
  });

  it('lists every requirement item of the catalog exactly once, plus the exclusions rule', async () => {
    const args = ['admin', 'create', '--organization', 'Check Co', '--email', 'c@example.com'];
    expect(await run([...args, '--name', 'Cam Check', '--password', PASSWORD])).toBe(0);
    const report = await checkJson();
    const ids = report.items.filter((i) => i.kind === 'requirement').map((i) => i.id);
    const lib = (await shippedLibrary('jipdec-isms-2.0'))!;
    const leaves = flattenRequirements(lib)
      .filter((f) => !f.node.children?.length)
      .map((f) => f.node.id);
    expect(ids).toEqual(leaves);
    expect(new Set(ids).size).toBe(ids.length);
    expect(report.items.filter((i) => i.kind === 'exclusions').map((i) => i.id)).toEqual(['1.2']);
    expect(report.summary.counts.met).toBe(0);
    expect(report.summary.metByAttestation).toBe(0);
    // Nothing met, so no item has a basis yet.
    expect(report.items.every((i) => i.basis === null && i.attestation === null)).toBe(true);
  });

  it.skipIf(!existsSync(STRUCTURE))(
    'lists every requirement item ID of STRUCTURE.md exactly once',
    async () => {
      const expected = structureItemIds(readFileSync(STRUCTURE, 'utf8'));
      expect(expected.length).toBeGreaterThan(100);
      const ids = (await checkJson()).items
        .filter((i) => i.kind === 'requirement')
        .map((i) => i.id);
      expect([...ids].sort()).toEqual([...expected].sort());
    },
  );

  it('prints the readiness and one line per item, and fails under the threshold', async () => {
    io.clear();
    expect(await run(['check', '--fail-under', '0'])).toBe(0);
    const lines = io.stdout().trim().split('\n');
    expect(lines[0]).toMatch(
      /^Check Co: readiness 0% \(0 of \d+ items met, 0 of them by attestation;/,
    );
    expect(lines.find((l) => /\s4\.2\.1\.a\s/.test(l))).toMatch(
      /^Not met\s+4\.2\.1\.a\s+Define the scope: /,
    );
    io.clear();
    expect(await run(['check', '--fail-under', '1'])).toBe(1);
    expect(io.stderr()).toMatch(/readiness 0% is under the threshold of 1%/);
    expect(await run(['check', '--fail-under', '101'])).toBe(2);
    expect(await run(['check', '--lang', 'fr'])).toBe(2);
    io.clear();
    expect(await run(['check', '--lang', 'ja'])).toBe(0);
    expect(io.stdout()).toMatch(/不適合\s+4\.2\.1\.a/);
  });
});
