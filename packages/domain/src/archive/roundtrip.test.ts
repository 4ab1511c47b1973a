import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase } from '@mamoru/db/testing';
import { verifyAuditChain } from '../audit/trail.ts';
import { verifyStoredFiles } from '../files/verify.ts';
import { copyDatabase } from './copy.ts';
import { exportArchive } from './export.ts';
import { importArchive } from './import.ts';
import { demoCompanyId, openDemoCompanyDatabase } from './testing/demo-company.ts';
import { tableCounts } from './testing/small-org.ts';

/** The demo company is written through every service: minutes on a busy machine. */
const SLOW = 600_000;

// The completed demo company is the data, not the subject: each kind's copy comes
// from the run's one build of it (demo-company.ts); the archive code under test
// reads it as it would any database.
const demoCompany = { open: openDemoCompanyDatabase };

describeEachDatabase('organization archive round trip of the demo company', demoCompany, (ctx) => {
  let dir: string;
  let org: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mamoru-archive-demo-'));
    org = await demoCompanyId(ctx.database);
  }, SLOW);
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it(
    'exports, imports into an empty instance and exports again: the manifests are equal but for the time',
    async () => {
      const first = join(dir, 'first.zip');
      let t = performance.now();
      const exported = await exportArchive(ctx.database.db, first);
      const exportMs = performance.now() - t;
      const files = exported.parts.filter((p) => p.path.startsWith('files/')).length;
      expect(files).toBeGreaterThan(0);
      const target = await openTestDatabase(ctx.kind);
      try {
        t = performance.now();
        const result = await importArchive(target.db, first);
        const importMs = performance.now() - t;
        const tables = exported.parts.filter((p) => p.path.startsWith('tables/'));
        const rows = tables.reduce((n, p) => n + (p.rows ?? 0), 0);
        expect(result).toEqual({ organizations: 1, rows, files });
        // What `mamoru audit verify` and `mamoru evidence verify` run.
        expect(await verifyAuditChain(target.db, org)).toMatchObject({ ok: true });
        const stored = await verifyStoredFiles(target.db, { organizationId: org });
        expect(stored.problems).toEqual([]);
        expect(stored.checked).toBe(files);
        const again = await exportArchive(target.db, join(dir, 'again.zip'));
        expect({ ...again, exportedAt: '' }).toEqual({ ...exported, exportedAt: '' });
        expect(again.exportedAt).not.toBe('');
        process.stdout.write(
          `[${ctx.kind}] demo company: ${rows} rows, ${files} evidence files, archive ` +
            `${statSync(first).size} bytes; export ${exportMs.toFixed(0)} ms, import ${importMs.toFixed(0)} ms\n`,
        );
      } finally {
        await target.close();
      }
    },
    SLOW,
  );

  it(
    'copies the whole instance into an empty database in one transaction',
    async () => {
      const target = await openTestDatabase(ctx.kind === 'pglite' ? 'postgres' : 'pglite');
      try {
        const t = performance.now();
        const result = await copyDatabase(ctx.database.db, target.db);
        process.stdout.write(
          `[${ctx.kind} → other] copyDatabase ${(performance.now() - t).toFixed(0)} ms\n`,
        );
        expect(result.organizations).toBe(1);
        expect(await verifyAuditChain(target.db, org)).toMatchObject({ ok: true });
        const before = await tableCounts(target.db);
        await expect(copyDatabase(ctx.database.db, target.db)).rejects.toThrow(/already holds/);
        expect(await tableCounts(target.db)).toEqual(before);
      } finally {
        await target.close();
      }
    },
    SLOW,
  );
});
