import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import type { Database } from '@mamoru/db';
import { describeEachDatabase, fillDataDirFromTemplate } from '@mamoru/db/testing';
import { verifyArchive } from '@mamoru/domain';
import { GOLDEN_ARCHIVE } from '../../../../packages/domain/src/archive/testing/small-org.ts';
import { run } from '../program.ts';
import { captureOutput } from '../testing/output.ts';

let io: ReturnType<typeof captureOutput>;
beforeEach(() => {
  io = captureOutput();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describeEachDatabase('mamoru org export / import', (ctx) => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mamoru-cli-org-'));
    await fillDataDirFromTemplate(join(dir, 'data'));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    vi.stubEnv(
      'DATABASE_URL',
      ctx.kind === 'postgres' ? (ctx.database as Database & { url: string }).url : '',
    );
    vi.stubEnv('MAMORU_DATA_DIR', join(dir, 'data'));
  });

  it('imports an archive into an empty instance and exports it again, the same', async () => {
    expect(await run(['org', 'import', GOLDEN_ARCHIVE]), io.stderr()).toBe(0);
    expect(io.stdout()).toMatch(
      /imported 1 organization\(s\) from .*: \d+ rows, 2 evidence file\(s\), in [\d.]+ s; audit chains and evidence hashes verified/,
    );
    expect(io.stderr()).toMatch(/tables\/\d{3}-audit_events\.jsonl: \d+ rows/);
    io.clear();
    const out = join(dir, 'out.zip');
    expect(await run(['org', 'export', '-o', out, '--org', 'Archive Test Co.']), io.stderr()).toBe(
      0,
    );
    expect(io.stdout()).toMatch(/exported 1 organization\(s\) \(Archive Test Co\.\) to .*out\.zip/);
    const [golden, again] = await Promise.all([verifyArchive(GOLDEN_ARCHIVE), verifyArchive(out)]);
    expect(again.ok).toBe(true);
    expect(again.manifest!.parts).toEqual(golden.manifest!.parts);
  });

  it('refuses an archive whose organization is already here (exit 1)', async () => {
    expect(await run(['org', 'import', GOLDEN_ARCHIVE])).toBe(1);
    expect(io.stderr()).toMatch(/already holds organization/);
  });

  it('refuses an unknown organization and a missing file', async () => {
    expect(await run(['org', 'export', '-o', join(dir, 'x.zip'), '--org', 'Nobody'])).toBe(1);
    expect(io.stderr()).toMatch(/no organization with the id or name "Nobody"/);
    expect(await run(['org', 'import', join(dir, 'missing.zip')])).toBe(1);
    expect(io.stderr()).toMatch(/no such file/);
    expect(await run(['org', 'export'])).toBe(2);
  });

  it('prints the manifest as JSON', async () => {
    expect(await run(['org', 'export', '-o', join(dir, 'j.zip'), '--json'])).toBe(0);
    expect(JSON.parse(io.stdout())).toMatchObject({ format: 'mamoru-archive', formatVersion: 1 });
  });
});
