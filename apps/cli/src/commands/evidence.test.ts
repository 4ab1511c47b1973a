import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import * as orgsRepo from '@mamoru/db/repositories/organizations';
import { evidenceFiles, systemActor } from '@mamoru/domain';
import { run } from '../program.ts';
import { captureOutput } from '../testing/output.ts';

// Files of this test hang off an owner type only it registers.
evidenceFiles.registerFileOwner('cli_test', {
  authorizeRead: async () => {},
  authorizeWrite: async () => {},
});

async function* bytes(b: Buffer) {
  yield b;
}
const png = (size: number) =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    Buffer.from('IHDR'),
    Buffer.alloc(size, 3),
  ]);

let io: ReturnType<typeof captureOutput>;
beforeEach(() => {
  io = captureOutput();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describeEachDatabase('mamoru evidence verify', (ctx) => {
  let dataDir: string;
  let org: string;
  let big: { id: string; sha256: string };

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mamoru-cli-evidence-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  beforeEach(() => {
    vi.stubEnv(
      'DATABASE_URL',
      ctx.kind === 'postgres' ? (ctx.database as Database & { url: string }).url : '',
    );
    vi.stubEnv('MAMORU_DATA_DIR', dataDir);
  });

  // On PGlite the CLI holds the data folder while it runs, so the test opens it only in between.
  async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
    if (ctx.kind === 'postgres') return work(ctx.database);
    const database = await openDatabase({ dataDir });
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }

  it('finds nothing wrong in an empty store', async () => {
    expect(await run(['migrate'])).toBe(0);
    io.clear();
    expect(await run(['evidence', 'verify', '--json'])).toBe(0);
    expect(JSON.parse(io.stdout())).toMatchObject({ ok: true, problems: [] });
  }, 120_000); // a fresh PGlite migration is slow on a busy machine

  it('re-hashes every stored file and exits 0 when all match', async () => {
    await withDatabase(async (database) => {
      org = (
        await orgsRepo.insertOrganization(database.db, { name: 'Files Corp', defaultLocale: 'en' })
      ).id;
      const ctxOrg = { actor: systemActor(org), requestId: null };
      const upload = (content: Buffer, name: string) =>
        evidenceFiles.uploadFile(database.db, ctxOrg, {
          owner: { type: 'cli_test', id: randomUUID() },
          originalName: name,
          content: bytes(content),
          maxBytes: 10 * 1024 * 1024,
        });
      big = await upload(png(700 * 1024), 'scan.png');
      await upload(Buffer.from('%PDF-1.4\n%%EOF\n'), 'minutes.pdf');
    });
    expect(await run(['evidence', 'verify'])).toBe(0);
    expect(io.stdout()).toMatch(/: 2 stored file\(s\), \d+ bytes checked, 0 problem\(s\)/);
  });

  it('reports a file whose stored bytes were changed in SQL, and exits 1', async () => {
    await withDatabase(async (database) => {
      await database.db
        .execute(sql`update file_chunks set data = overlay(data placing '\\xff'::bytea from 100)
        where seq = 2 and blob_id = (select blob_id from files where id = ${big.id}::uuid)`);
    });
    expect(await run(['evidence', 'verify'])).toBe(1);
    expect(io.stdout()).toContain(
      `ALTERED: ${big.sha256} of organization ${org}: its bytes no longer match their SHA-256; files: scan.png (${big.id})`,
    );
    expect(io.stderr()).toMatch(/1 of 2 stored file\(s\) are missing or altered/);
    expect(big.sha256).toBe(
      createHash('sha256')
        .update(png(700 * 1024))
        .digest('hex'),
    );
  });

  it('reports missing chunks, for one organization, as JSON', async () => {
    await withDatabase(async (database) => {
      await database.db.execute(sql`delete from file_chunks
        where seq = 0 and blob_id = (select blob_id from files where id = ${big.id}::uuid)`);
    });
    expect(await run(['evidence', 'verify', '--organization', org, '--json'])).toBe(1);
    expect(JSON.parse(io.stdout())).toMatchObject({
      ok: false,
      checked: 2,
      problems: [{ organizationId: org, sha256: big.sha256, problem: 'missing' }],
    });
  });

  it('refuses an organization that is not an id', async () => {
    expect(await run(['evidence', 'verify', '--organization', 'acme'])).toBe(1);
    expect(io.stderr()).toMatch(/--organization must be an organization id/);
  });
});
