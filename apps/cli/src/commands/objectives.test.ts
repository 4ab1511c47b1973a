import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Objective, ObjectiveMeasurement } from '@mamoru/contracts';
import { schema, type Database } from '@mamoru/db';
import { listOrganizationIds } from '@mamoru/db/repositories/organizations';
import { describeEachDatabase } from '@mamoru/db/testing';
import { objectives, systemActor, users } from '@mamoru/domain';
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

describeEachDatabase('mamoru objectives', (ctx) => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mamoru-objectives-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    const url = ctx.kind === 'postgres' ? (ctx.database as Database & { url: string }).url : '';
    vi.stubEnv('DATABASE_URL', url);
    vi.stubEnv('MAMORU_DATA_DIR', join(dir, 'data'));
  });

  it('lists, measures (as the system or --as a person the domain allows) and exports', async () => {
    expect(await run(['migrate'])).toBe(0);
    const args = ['admin', 'create', '--organization', 'Goal Co', '--email', 'g@example.com'];
    expect(await run([...args, '--name', 'Gina', '--password', PASSWORD])).toBe(0);
    const objectiveId = await withDb(async (database, org) => {
      const system = { actor: systemActor(org), requestId: null };
      const person = (email: string, displayName: string, role: 'owner' | 'staff') =>
        users.createUser(database.db, system, {
          email,
          displayName,
          password: PASSWORD,
          locale: 'en',
          roles: [role],
        });
      const owner = await person('owner@example.com', 'Olivia Owner', 'owner');
      await person('staff@example.com', 'Sam Staff', 'staff');
      const base = {
        metric: 'Share of staff trained',
        measureUnit: '%',
        direction: 'higher_is_better' as const,
        baseline: 60,
        target: 100,
        startDate: day(-90),
        dueDate: day(270),
        frequency: 'monthly' as const,
        description: '',
        controlIds: [],
      };
      const created = await objectives.createObjective(database.db, system, {
        ...base,
        title: 'Training completion',
        plan: 'E-learning every April',
        ownerId: owner.id,
      });
      await objectives.createObjective(database.db, system, {
        ...base,
        title: 'Fewer phishing clicks',
        plan: '',
      });
      return created.id;
    });

    // By code, as the owner: the owner is recorded as the one who measured.
    io.clear();
    const measure = ['objectives', 'measure', 'OBJ-001', '--value', '72', '--on', day(-2)];
    expect(await run([...measure, '--as', 'owner@example.com', '--json'])).toBe(0);
    const m = JSON.parse(io.stdout()) as ObjectiveMeasurement;
    expect(m).toMatchObject({
      objectiveId,
      value: 72,
      measuredOn: day(-2),
      source: 'manual',
      recordedBy: { name: 'Olivia Owner' },
    });
    // By id, as the system, named after the command in the audit trail.
    expect(
      await run(['objectives', 'measure', objectiveId, '--value', '80', '--note', 'from HR']),
    ).toBe(0);
    const actors = await withDb(async (database, org) =>
      (
        await database.db
          .select({ name: schema.auditEvents.actorName })
          .from(schema.auditEvents)
          .where(
            and(
              eq(schema.auditEvents.organizationId, org),
              eq(schema.auditEvents.action, 'objective_measurement.recorded'),
            ),
          )
      ).map((r) => r.name),
    );
    expect(actors.sort()).toEqual(['Olivia Owner', 'mamoru objectives measure (CLI)']);

    // The domain decides: staff may not measure; unknown people, codes and values are refused.
    io.clear();
    expect(await run([...measure, '--as', 'staff@example.com'])).toBe(1);
    expect(io.stderr()).toContain('forbidden');
    expect(await run([...measure, '--as', 'nobody@example.com'])).toBe(1);
    expect(await run(['objectives', 'measure', 'OBJ-009', '--value', '1'])).toBe(1);
    expect(await run(['objectives', 'measure', 'OBJ-001', '--value', 'many'])).toBe(2);
    io.clear();
    expect(await run(['objectives', 'measure', 'OBJ-001', '--value', '1', '--on', day(9)])).toBe(1);
    expect(io.stderr()).toContain('measuredOn: objective_measurement_future');

    io.clear();
    expect(await run(['objectives', 'list', '--json'])).toBe(0);
    const listed = JSON.parse(io.stdout()) as Objective[];
    expect(listed.map((o) => o.code)).toEqual(['OBJ-001', 'OBJ-002']);
    expect(listed[0]).toMatchObject({ latest: { value: 80, measuredOn: day(0) } });
    io.clear();
    expect(await run(['objectives', 'list', '--q', 'phishing'])).toBe(0);
    expect(io.stdout()).toMatch(/^OBJ-002\s+at_risk\s+/m);
    expect(io.stdout()).not.toContain('OBJ-001');
    expect(await run(['objectives', 'list', '--status', 'sleeping'])).toBe(2);

    const xlsx = join(dir, 'objectives.xlsx');
    expect(await run(['objectives', 'export', '--output', xlsx, '--lang', 'en'])).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Objectives', 'Measurements']);
    expect(book.worksheets[0]!.getRow(2).getCell(2).value).toBe('Training completion');
    expect(book.worksheets[1]!.rowCount).toBe(3);
    const pdf = join(dir, 'objectives.pdf');
    expect(await run(['objectives', 'export', '--output', pdf, '--format', 'pdf'])).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('情報セキュリティ目標');
    expect(text).toContain('from HR');
    // A reader without the permission gets nothing written.
    const refused = join(dir, 'refused.pdf');
    expect(
      await run(['objectives', 'export', '--output', refused, '--as', 'staff@example.com']),
    ).toBe(1);
    expect(() => readFileSync(refused)).toThrow();
  });
});
