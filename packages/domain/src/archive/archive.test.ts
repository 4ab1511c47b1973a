import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase } from '@mamoru/db/testing';
import { migrationsFolder } from '@mamoru/db';
import { verifyAuditChain } from '../audit/trail.ts';
import { verifyStoredFiles } from '../files/verify.ts';
import { exportArchive } from './export.ts';
import { importArchive } from './import.ts';
import { shippedMigrations, type ArchiveManifest } from './manifest.ts';
import { verifyArchive } from './verify.ts';
import { GOLDEN_ARCHIVE, organizationCount, tableCounts } from './testing/small-org.ts';
import { editRows, rewriteArchive } from './testing/rewrite.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mamoru-archive-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tablePart = (m: ArchiveManifest, table: string) =>
  m.parts.find((p) => p.path.endsWith(`-${table}.jsonl`))!.path;
const flipByte = (bytes: Buffer, at: number) => {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

describe('verifyArchive', () => {
  let golden: ArchiveManifest;
  beforeAll(async () => {
    const result = await verifyArchive(GOLDEN_ARCHIVE);
    expect(result.problems).toEqual([]);
    golden = result.manifest!;
  });

  it('finds a changed byte in a table part', async () => {
    const file = join(dir, 'table-byte.zip');
    const users = tablePart(golden, 'users');
    await rewriteArchive(GOLDEN_ARCHIVE, file, {
      rehash: false,
      part: (path, bytes) => (path === users ? flipByte(bytes, 20) : undefined),
    });
    const result = await verifyArchive(file);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ part: users, problem: 'the SHA-256 does not match the manifest' }),
    );
  });

  it('finds a changed byte in an evidence file', async () => {
    const file = join(dir, 'file-byte.zip');
    const evidence = golden.parts.find((p) => p.path.startsWith('files/'))!.path;
    await rewriteArchive(GOLDEN_ARCHIVE, file, {
      rehash: false,
      part: (path, bytes) => (path === evidence ? flipByte(bytes, 500) : undefined),
    });
    const { problems } = await verifyArchive(file);
    expect(problems.map((p) => `${p.part}: ${p.problem}`)).toEqual([
      `${evidence}: the content does not match its SHA-256 name`,
      `${evidence}: the SHA-256 does not match the manifest`,
    ]);
  });

  it('finds a removed part', async () => {
    const file = join(dir, 'removed.zip');
    const risks = tablePart(golden, 'audit_heads');
    await rewriteArchive(GOLDEN_ARCHIVE, file, {
      rehash: false,
      part: (path) => (path === risks ? null : undefined),
    });
    const { problems } = await verifyArchive(file);
    expect(problems).toEqual([{ part: risks, problem: 'missing from the archive' }]);
  });

  it('finds a broken audit chain in an archive whose hashes are all consistent', async () => {
    const file = join(dir, 'chain.zip');
    const events = tablePart(golden, 'audit_events');
    await rewriteArchive(GOLDEN_ARCHIVE, file, {
      rehash: true,
      part: (path, bytes) =>
        path === events
          ? editRows(bytes, (row, i) => (i === 2 ? { ...row, actor_name: 'someone else' } : row))
          : undefined,
    });
    const { problems } = await verifyArchive(file);
    expect(problems).toEqual([
      {
        problem: `the audit chain of ${golden.organizations[0]!.name} (${golden.organizations[0]!.id}) is broken`,
        detail: 'event #3: hash_mismatch',
      },
    ]);
  });

  it('refuses a file that is not an archive', async () => {
    const result = await verifyArchive(join(migrationsFolder, 'meta', '_journal.json'));
    expect(result).toMatchObject({ ok: false, manifest: null });
  });
});

describeEachDatabase('importArchive', (ctx) => {
  it('refuses an archive of a newer schema, and changes nothing', async () => {
    const file = join(dir, `newer-${ctx.kind}.zip`);
    await rewriteArchive(GOLDEN_ARCHIVE, file, {
      rehash: true,
      manifest: (m) => ({ ...m, schema: { migrations: 99, last: '0098_from_the_future' } }),
    });
    const before = await tableCounts(ctx.database.db);
    await expect(importArchive(ctx.database.db, file)).rejects.toThrow(/newer than this Mamoru/);
    expect(await tableCounts(ctx.database.db)).toEqual(before);
  });

  it('rolls everything back when the check before the commit fails', async () => {
    // audit_heads is consistent on its own (re-hashed) but names another head: only the
    // verification at the very end of the import, after every insert, can notice.
    const file = join(dir, `late-${ctx.kind}.zip`);
    const golden = (await verifyArchive(GOLDEN_ARCHIVE)).manifest!;
    const heads = tablePart(golden, 'audit_heads');
    await rewriteArchive(GOLDEN_ARCHIVE, file, {
      rehash: true,
      part: (path, bytes) =>
        path === heads
          ? editRows(bytes, (row) => ({ ...row, last_hash: 'f'.repeat(64) }))
          : undefined,
    });
    expect((await verifyArchive(file)).ok).toBe(true);
    const before = await tableCounts(ctx.database.db);
    const progress: string[] = [];
    await expect(
      importArchive(ctx.database.db, file, { onProgress: (p) => progress.push(p.part) }),
    ).rejects.toThrow(/audit chain of organization .* does not verify/);
    expect(progress.at(-1)).toMatch(/^files\//); // every part was in before the failure
    expect(await tableCounts(ctx.database.db)).toEqual(before);
  });

  it('imports the golden archive, verifies it, and exports it again byte for byte', async () => {
    const golden = (await verifyArchive(GOLDEN_ARCHIVE)).manifest!;
    const result = await importArchive(ctx.database.db, GOLDEN_ARCHIVE);
    expect(result).toMatchObject({ organizations: 1, files: 2 });
    const org = golden.organizations[0]!.id;
    expect(await verifyAuditChain(ctx.database.db, org)).toMatchObject({ ok: true });
    expect(await verifyStoredFiles(ctx.database.db, { organizationId: org })).toMatchObject({
      checked: 2,
      problems: [],
    });
    const again = await exportArchive(ctx.database.db, join(dir, `again-${ctx.kind}.zip`));
    expect({ ...again, exportedAt: '', mamoruVersion: '' }).toEqual({
      ...golden,
      exportedAt: '',
      mamoruVersion: '',
    });
  });

  it('refuses an organization the instance already holds, and changes nothing', async () => {
    const before = await tableCounts(ctx.database.db);
    await expect(importArchive(ctx.database.db, GOLDEN_ARCHIVE)).rejects.toThrow(
      /already holds organization/,
    );
    expect(await tableCounts(ctx.database.db)).toEqual(before);
  });

  it('imports an archive of the schema before 0029 into the current schema', async () => {
    // What 0029 added, read from the migration itself: its tables, and its columns of older tables.
    const shipped = shippedMigrations();
    const index = shipped.findIndex((m) => m.tag.startsWith('0029_'));
    const migration = shipped[index]!;
    const text = readFileSync(join(migrationsFolder, `${migration.tag}.sql`), 'utf8');
    const newTables = [...text.matchAll(/CREATE TABLE "(\w+)"/g)].map((m) => m[1]!);
    const newColumns = [...text.matchAll(/ALTER TABLE "(\w+)" ADD COLUMN "(\w+)"/g)].map((m) => ({
      table: m[1]!,
      column: m[2]!,
    }));
    expect(newTables).toContain('user_factors');
    const file = join(dir, `schema-0028-${ctx.kind}.zip`);
    await rewriteArchive(GOLDEN_ARCHIVE, file, {
      rehash: true,
      part: (path, bytes) => {
        const table = /-(\w+)\.jsonl$/.exec(path)?.[1];
        if (!table || !path.startsWith('tables/')) return undefined;
        if (newTables.includes(table)) return null;
        const drop = newColumns.filter((c) => c.table === table).map((c) => c.column);
        if (drop.length === 0) return undefined;
        return editRows(bytes, (row) =>
          Object.fromEntries(Object.entries(row).filter(([k]) => !drop.includes(k))),
        );
      },
      manifest: (m) => ({ ...m, schema: { migrations: index, last: shipped[index - 1]!.tag } }),
    });
    const old = await verifyArchive(file);
    expect(old.problems).toEqual([]);
    expect(old.manifest!.parts.some((p) => p.path.endsWith('-user_factors.jsonl'))).toBe(false);
    const target = await openTestDatabase(ctx.kind);
    try {
      await importArchive(target.db, file);
      expect(await organizationCount(target.db)).toBe(1);
      const org = old.manifest!.organizations[0]!.id;
      expect(await verifyAuditChain(target.db, org)).toMatchObject({ ok: true });
    } finally {
      await target.close();
    }
  });
});
