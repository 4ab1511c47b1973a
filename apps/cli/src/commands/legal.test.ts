import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { LegalObligation } from '@mamoru/contracts';
import { schema, type Database } from '@mamoru/db';
import { listOrganizationIds } from '@mamoru/db/repositories/organizations';
import { describeEachDatabase } from '@mamoru/db/testing';
import { legal, systemActor, users } from '@mamoru/domain';
import { run } from '../program.ts';
import { captureOutput } from '../testing/output.ts';
import { openConfiguredDatabase } from './database.ts';

// Setting up a database can take long when other suites share the machine (a limit, not a measurement).
vi.setConfig({ hookTimeout: 240_000, testTimeout: 180_000 });

const PASSWORD = 'Velvet-Orbit-Lantern-7319';
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let io: ReturnType<typeof captureOutput>;
beforeEach(() => {
  io = captureOutput();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** Opens the configured database between CLI runs (PGlite's folder is one process's at a time). */
async function withDb<T>(work: (database: Database, org: string) => Promise<T>) {
  const database = await openConfiguredDatabase();
  try {
    const [org] = await listOrganizationIds(database.db);
    return await work(database, org!);
  } finally {
    await database.close();
  }
}

describeEachDatabase('mamoru legal', (ctx) => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mamoru-legal-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    const url = ctx.kind === 'postgres' ? (ctx.database as Database & { url: string }).url : '';
    vi.stubEnv('DATABASE_URL', url);
    vi.stubEnv('MAMORU_DATA_DIR', join(dir, 'data'));
  });

  it('lists, reviews (as the system or --as a person the domain allows) and exports', async () => {
    expect(await run(['migrate'])).toBe(0);
    const args = ['admin', 'create', '--organization', 'Law Co', '--email', 'l@example.com'];
    expect(await run([...args, '--name', 'Lena', '--password', PASSWORD])).toBe(0);
    await withDb(async (database, org) => {
      const system = { actor: systemActor(org), requestId: null };
      for (const [email, displayName, role] of [
        ['manager@example.com', 'Mia Manager', 'isms_manager'],
        ['auditor@example.com', 'Ian Auditor', 'internal_auditor'],
      ] as const) {
        await users.createUser(database.db, system, {
          email,
          displayName,
          password: PASSWORD,
          locale: 'en',
          roles: [role],
        });
      }
      const base = { authority: '', reference: '', summary: '', controlIds: [], documentIds: [] };
      await legal.createObligation(database.db, system, {
        ...base,
        kind: 'law',
        title: 'Act on the Protection of Personal Information',
        reviewIntervalMonths: 12,
        nextReviewDate: day(-10),
      });
      await legal.createObligation(database.db, system, {
        ...base,
        kind: 'contract',
        title: 'Master services agreement with Acme',
        reviewIntervalMonths: 24,
        nextReviewDate: day(60),
      });
    });

    io.clear();
    expect(await run(['legal', 'list', '--due', 'overdue'])).toBe(0);
    expect(io.stdout()).toMatch(/^LEG-001\s+law\s+\S+\s+overdue\s+/m);
    expect(io.stdout()).not.toContain('LEG-002');

    // The reader may not review; the manager may, and is recorded as the reviewer.
    io.clear();
    const review = ['legal', 'review', 'LEG-001', '--note', 'No amendment this year'];
    expect(await run([...review, '--as', 'auditor@example.com'])).toBe(1);
    expect(io.stderr()).toContain('forbidden');
    io.clear();
    expect(await run([...review, '--as', 'manager@example.com', '--json'])).toBe(0);
    const reviewed = JSON.parse(io.stdout()) as LegalObligation;
    expect(reviewed).toMatchObject({ code: 'LEG-001', reviewState: 'scheduled', version: 2 });
    expect(reviewed.nextReviewDate > day(300)).toBe(true);
    const reviews = await withDb(async (database, org) =>
      database.db
        .select({
          outcome: schema.legalReviews.outcome,
          note: schema.legalReviews.note,
          by: schema.users.displayName,
        })
        .from(schema.legalReviews)
        .innerJoin(schema.users, eq(schema.users.id, schema.legalReviews.reviewerUserId))
        .where(eq(schema.legalReviews.organizationId, org)),
    );
    expect(reviews).toEqual([
      { outcome: 'unchanged', note: 'No amendment this year', by: 'Mia Manager' },
    ]);
    // As the system, by id: the contract ends; retired ones leave the default list.
    io.clear();
    expect(await run(['legal', 'list', '--json', '--kind', 'contract'])).toBe(0);
    const [contract] = JSON.parse(io.stdout()) as LegalObligation[];
    expect(await run(['legal', 'review', contract!.id, '--outcome', 'retired'])).toBe(0);
    io.clear();
    expect(await run(['legal', 'list', '--json'])).toBe(0);
    expect((JSON.parse(io.stdout()) as LegalObligation[]).map((o) => o.code)).toEqual(['LEG-001']);
    io.clear();
    expect(await run(['legal', 'list', '--json', '--all'])).toBe(0);
    expect((JSON.parse(io.stdout()) as LegalObligation[]).map((o) => o.status).sort()).toEqual([
      'active',
      'retired',
    ]);
    expect(await run(['legal', 'review', 'LEG-002'])).toBe(1);
    expect(await run(['legal', 'review', 'LEG-404'])).toBe(1);
    expect(await run(['legal', 'review', 'LEG-001', '--outcome', 'maybe'])).toBe(2);
    io.clear();
    expect(await run(['legal', 'review', 'LEG-001', '--on', day(5)])).toBe(1);
    expect(io.stderr()).toContain('reviewedOn: legal_review_in_future');

    const xlsx = join(dir, 'legal.xlsx');
    expect(await run(['legal', 'export', '--output', xlsx, '--lang', 'en'])).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Legal obligations');
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(3).value).toBe('Act on the Protection of Personal Information');
    const pdf = join(dir, 'legal.pdf');
    expect(await run(['legal', 'export', '--output', pdf, '--format', 'pdf'])).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
