import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import type { IncidentStatistics } from '@mamoru/contracts';
import { schema, type Database } from '@mamoru/db';
import { listOrganizationIds } from '@mamoru/db/repositories/organizations';
import { describeEachDatabase } from '@mamoru/db/testing';
import { run } from '../program.ts';
import { captureOutput } from '../testing/output.ts';
import { openConfiguredDatabase } from './database.ts';

// Setting up a database can take long when other suites share the machine (a limit, not a measurement).
vi.setConfig({ hookTimeout: 240_000, testTimeout: 120_000 });

let io: ReturnType<typeof captureOutput>;
beforeEach(() => {
  io = captureOutput();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describeEachDatabase('mamoru incidents', (ctx) => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mamoru-incidents-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    const url = ctx.kind === 'postgres' ? (ctx.database as Database & { url: string }).url : '';
    vi.stubEnv('DATABASE_URL', url);
    vi.stubEnv('MAMORU_DATA_DIR', join(dir, 'data'));
  });

  it('prints the statistics and writes the register, confidential ones left out on request', async () => {
    expect(await run(['migrate'])).toBe(0);
    const args = ['admin', 'create', '--organization', 'Incident Co', '--email', 'i@example.com'];
    expect(await run([...args, '--name', 'Ida', '--password', 'Velvet-Orbit-Lantern-7319'])).toBe(
      0,
    );
    const database = await openConfiguredDatabase();
    try {
      const [org] = await listOrganizationIds(database.db);
      const base = { organizationId: org!, status: 'reported' };
      await database.db.insert(schema.incidents).values([
        {
          ...base,
          number: 1,
          type: 'incident',
          title: 'Lost USB stick',
          discoveredAt: new Date('2026-04-02T00:00:00Z'),
          costLoss: 5000,
        },
        {
          ...base,
          number: 2,
          type: 'weakness',
          title: 'Named employee case',
          confidential: true,
          discoveredAt: new Date('2026-05-02T00:00:00Z'),
        },
      ]);
    } finally {
      await database.close();
    }
    io.clear();
    expect(
      await run(['incidents', 'stats', '--json', '--from', '2026-01', '--to', '2026-06']),
    ).toBe(0);
    const stats = JSON.parse(io.stdout()) as IncidentStatistics;
    expect(stats.totals).toMatchObject({ reported: 2, open: 2, costLoss: 5000 });
    expect(stats.months.map((m) => m.total)).toEqual([0, 0, 0, 1, 1, 0]);
    io.clear();
    expect(await run(['incidents', 'stats', '--from', '2026-04', '--to', '2026-04'])).toBe(0);
    expect(io.stdout()).toMatch(/^2026-04\s+1\s+incident 1$/m);
    expect(await run(['incidents', 'stats', '--from', '2026-13'])).toBe(2);

    const xlsx = join(dir, 'register.xlsx');
    expect(await run(['incidents', 'export', '--output', xlsx, '--no-confidential'])).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(1).getCell(1).value).toBe('番号');
    expect(sheet.getRow(2).getCell(3).value).toBe('Lost USB stick');
    const pdf = join(dir, 'register.pdf');
    expect(
      await run(['incidents', 'export', '--output', pdf, '--format', 'pdf', '--lang', 'en']),
    ).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
