import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Asset, Job } from '@mamoru/contracts';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { createAsset, createOrgUnit, runImport, upload, uniqueCode } from '../testing/isms.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = 'Code,Name,Category,Owner,Confidentiality,Integrity,Availability,Tags';

const csv = (lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n';

/** Reads a CSV export (UTF-8 with BOM) into rows of cells. */
const readCsv = (body: string): string[][] => parse(body, { bom: true });

describeEachDatabase('asset import and export', (ctx) => {
  let app: App;
  let admin: Client;
  let email: string;

  const count = async (prefix: string) => {
    const [row] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from assets
          where organization_id = ${admin.organization.id} and code like ${`${prefix}%`}`,
    );
    return row!.n;
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    email = admin.user.email;
  });
  afterAll(() => app.close());

  describe('10,000 rows', () => {
    const rows = (prefix: string, bad?: number) =>
      Array.from({ length: 10_000 }, (_, i) => {
        const category = i === bad ? 'furniture' : ['information', 'software', 'physical'][i % 3];
        return `${prefix}-${String(i).padStart(5, '0')},Asset ${i},${category},${email},${(i % 3) + 1},2,1,bulk`;
      });

    it('with one bad row imports nothing and reports that row, column and reason', async () => {
      const prefix = uniqueCode('BAD');
      const { response, job } = await runImport(admin, csv(rows(prefix, 7000)));
      expect(response.statusCode).toBe(202);
      expect(response.headers.location).toBe(`/api/v1/jobs/${response.json().id}`);
      expect(job).toMatchObject({
        kind: 'asset_import',
        status: 'failed',
        error: { code: 'import_invalid' },
        result: { committed: false, rows: 10_000, errorCount: 1, created: 0, updated: 0 },
      });
      expect(job.result!.errors).toEqual([
        {
          row: 7002, // the header is row 1, the first asset row 2
          column: 'Category',
          code: 'value_invalid',
          reason: '"furniture" is not one of the allowed values.',
        },
      ]);
      expect(await count(prefix)).toBe(0);
    }, 180_000);

    it('imports in set-based batches inside one transaction, with an audit event per asset', async () => {
      const prefix = uniqueCode('OK');
      const started = performance.now();
      const { job } = await runImport(admin, csv(rows(prefix)));
      const ms = Math.round(performance.now() - started);
      process.stdout.write(`\n  [${ctx.kind}] imported 10,000 assets in ${ms} ms\n`);
      expect(job).toMatchObject({
        status: 'succeeded',
        processed: 10_000,
        total: 10_000,
        result: { committed: true, rows: 10_000, created: 10_000, updated: 0, errorCount: 0 },
      });
      expect(await count(prefix)).toBe(10_000);
      const [audit] = await queryRows<{ n: number }>(
        ctx.database.db,
        sql`select count(*)::int as n from audit_events
            where organization_id = ${admin.organization.id} and action = 'asset.created'
              and after->>'code' like ${`${prefix}%`}`,
      );
      expect(audit!.n).toBe(10_000);
      expect((await admin.get('/api/v1/audit/verify')).json().ok).toBe(true);
      const one = (await admin.get(`/api/v1/assets?q=${prefix}-00004`)).json().items[0];
      expect(one).toMatchObject({
        name: 'Asset 4',
        category: 'software',
        value: 2,
        tags: ['bulk'],
      });
    }, 180_000);
  });

  it('updates by code on re-import, leaving unchanged rows untouched', async () => {
    const prefix = uniqueCode('RE');
    const lines = [0, 1, 2].map((i) => `${prefix}-${i},Name ${i},software,${email},1,1,1,`);
    const first = await runImport(admin, csv(lines));
    expect(first.response.statusCode).toBe(200); // a small file finishes within the request
    expect(first.job.result).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    lines[1] = `${prefix}-1,Renamed,software,${email},1,3,1,`;
    const second = await runImport(admin, csv(lines));
    expect(second.job.result).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const renamed = (await admin.get(`/api/v1/assets?q=${prefix}-1`)).json().items[0] as Asset;
    expect(renamed).toMatchObject({ name: 'Renamed', integrity: 3, value: 3, version: 2 });
    const history = (await admin.get(`/api/v1/assets/${renamed.id}/history`)).json().items;
    expect(history[0]).toMatchObject({
      action: 'asset.updated',
      before: { name: 'Name 1', integrity: 1, value: 1 },
      after: { name: 'Renamed', integrity: 3, value: 3 },
    });
    expect(await count(prefix)).toBe(3);
  });

  it('leaves columns the file does not have as they are', async () => {
    const asset = await createAsset(admin, {
      description: 'Kept',
      confidentiality: 3,
      integrity: 3,
      availability: 3,
    });
    const res = await runImport(
      admin,
      `Code,Name,Category,Owner\r\n${asset.code},New name,information,${email}\r\n`,
    );
    expect(res.job.result).toMatchObject({ updated: 1 });
    const after = (await admin.get(`/api/v1/assets/${asset.id}`)).json();
    expect(after).toMatchObject({ name: 'New name', description: 'Kept', value: 3 });
  });

  it('accepts Japanese column names in a Shift_JIS file', async () => {
    const prefix = uniqueCode('SJIS');
    const unit = await createOrgUnit(admin, { code: uniqueCode('総務') });
    const text = [
      '資産コード,資産名,種別,責任者,部門,分類,機密性,完全性,可用性,状態,次回見直し日,タグ',
      `${prefix}-1,給与計算システム,ソフトウェア,${email},${unit.code},社外秘,３,2,2,使用中,2027/3/31,人事;給与`,
      `${prefix}-2,入館記録,情報,${unit.code},,極秘,1,1,1,廃止,,`,
    ].join('\r\n');
    const body = iconv.encode(text, 'Shift_JIS');
    expect(body.includes(Buffer.from('給与', 'utf8'))).toBe(false); // really not UTF-8
    const { job } = await runImport(admin, body);
    expect(job.status, JSON.stringify(job)).toBe('succeeded');
    const items = (await admin.get(`/api/v1/assets?q=${prefix}`)).json().items as Asset[];
    expect(items.map((a) => [a.name, a.category, a.status])).toEqual([
      ['給与計算システム', 'software', 'in_use'],
      ['入館記録', 'information', 'retired'],
    ]);
    expect(items[0]).toMatchObject({
      orgUnit: { id: unit.id },
      classification: { code: 'internal' },
      confidentiality: 3,
      nextReviewDate: '2027-03-31',
      tags: ['人事', '給与'],
    });
    expect(items[1]!.owner).toMatchObject({ type: 'unit', id: unit.id });
  });

  it('reads XLSX files, dates and numbers included', async () => {
    const prefix = uniqueCode('XL');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('資産台帳');
    sheet.addRow([
      '資産コード',
      '資産名',
      '種別',
      '責任者',
      '機密性',
      '完全性',
      '可用性',
      '次回見直し日',
    ]);
    sheet.addRow([
      `${prefix}-1`,
      'ファイルサーバー',
      '物理的資産',
      email,
      2,
      3,
      1,
      new Date(Date.UTC(2026, 11, 1)),
    ]);
    sheet.addRow([
      `${prefix}-2`,
      { richText: [{ text: 'Rich ' }, { text: 'text' }] },
      'service',
      email,
      1,
      1,
      1,
      null,
    ]);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const { job } = await runImport(admin, body, { contentType: XLSX });
    expect(job.status, JSON.stringify(job)).toBe('succeeded');
    expect(job.result).toMatchObject({ format: 'xlsx', created: 2 });
    const items = (await admin.get(`/api/v1/assets?q=${prefix}`)).json().items as Asset[];
    expect(items.map((a) => [a.name, a.category, a.value, a.nextReviewDate])).toEqual([
      ['ファイルサーバー', 'physical', 3, '2026-12-01'],
      ['Rich text', 'service', 1, null],
    ]);
  });

  it('validates without writing (dry run), in the caller’s language', async () => {
    const prefix = uniqueCode('DRY');
    const existing = await createAsset(admin, { code: `${prefix}-0` });
    const file = csv([
      `${existing.code},Same,information,${email},1,1,1,`,
      `${prefix}-1,New,information,${email},1,1,1,`,
      `${prefix}-2,,information,nobody@example.test,5,1,1,`,
      `${prefix}-1,Twice,information,${email},1,1,1,`,
    ]);
    const { job } = await runImport(admin, file, { validate: true });
    expect(job).toMatchObject({
      kind: 'asset_import_validation',
      status: 'succeeded',
      result: {
        mode: 'validate',
        committed: false,
        rows: 4,
        created: 1,
        updated: 1,
        errorCount: 4,
      },
    });
    expect(job.result!.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'Name', 'value_required'],
      [4, 'Owner', 'reference_unknown'],
      [4, 'Confidentiality', 'cia_out_of_range'],
      [5, 'Code', 'code_duplicate_in_file'],
    ]);
    expect(job.result!.errors[3]!.reason).toBe('The same code is already on row 3.');
    expect(await count(`${prefix}-1`)).toBe(0);
    const ja = await upload(admin, '/api/v1/assets/import/validate', file, 'text/csv');
    // A user who reads Japanese gets the reasons in Japanese.
    const reader = await createUserAndLogin(admin, { roles: ['isms_manager'], locale: 'ja' });
    const jobJa = await reader.get(`/api/v1/jobs/${ja.json().id}`);
    expect(jobJa.json().result.errors[3].reason).toBe('同じコードが 3 行目にもあります。');
  });

  it('imports the valid rows and skips the others when asked for a partial import', async () => {
    const prefix = uniqueCode('PART');
    const file = csv([
      `${prefix}-1,One,information,${email},1,1,1,`,
      `${prefix}-2,Two,nonsense,${email},1,1,1,`,
      `${prefix}-3,Three,information,${email},1,1,1,`,
    ]);
    const { job } = await runImport(admin, file, { query: { partial: 'true' } });
    expect(job).toMatchObject({
      status: 'succeeded',
      result: { committed: true, created: 2, skipped: 1, errorCount: 1 },
    });
    expect(await count(prefix)).toBe(2);
  });

  it('refuses unknown or missing columns, unreadable files and non-file bodies', async () => {
    const header = await runImport(admin, 'Code,Name,Colour\r\nX,Y,red\r\n');
    expect(header.job.status).toBe('failed');
    expect(header.job.result!.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'Colour', 'column_unknown'],
      [1, 'Category', 'column_missing'],
      [1, 'Owner', 'column_missing'],
    ]);
    // An XLSX whose ZIP directory cannot be read is refused within the request.
    const broken = await upload(
      admin,
      '/api/v1/assets/import',
      Buffer.from('PK\x03\x04 not really a zip'),
      XLSX,
    );
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ code: 'import_unreadable' });
    const json = await admin.post('/api/v1/assets/import', { rows: [] });
    expect(json.statusCode).toBe(415);
  });

  it('lets only writers of the whole ISMS import', async () => {
    const owner = await createUserAndLogin(admin, { roles: ['owner'] });
    const res = await upload(owner, '/api/v1/assets/import', csv([]));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden_reach_all');
    const template = await owner.get('/api/v1/assets/import/template');
    expect(template.statusCode).toBe(200);
  });

  describe('export', () => {
    it('streams the filtered register as CSV, neutralizing formulas, and round-trips', async () => {
      const prefix = uniqueCode('EXP');
      await createAsset(admin, {
        code: `${prefix}-1`,
        name: '=HYPERLINK("http://evil.example","click")',
        description: '+1 more',
        tags: ['@home'],
        confidentiality: 2,
        integrity: 1,
        availability: 1,
      });
      await createAsset(admin, { code: `${prefix}-2`, name: 'Plain' });
      const res = await admin.get(`/api/v1/assets/export?format=csv&lang=en&q=${prefix}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="assets.csv"');
      expect(res.body.charCodeAt(0)).toBe(0xfeff);
      const [header, first, second] = readCsv(res.body);
      expect(header!.slice(0, 5)).toEqual(['Code', 'Name', 'Category', 'Description', 'Owner']);
      const cell = (row: string[] | undefined, name: string) => row![header!.indexOf(name)];
      expect(cell(first, 'Name')).toBe('\'=HYPERLINK("http://evil.example","click")');
      expect(cell(first, 'Description')).toBe("'+1 more");
      expect(cell(first, 'Tags')).toBe("'@home");
      expect(cell(first, 'Asset value')).toBe('2');
      expect(cell(first, 'Owner')).toBe(email);
      expect(cell(second, 'Name')).toBe('Plain');
      expect(res.body).not.toMatch(/(^|,)=HYPERLINK/m);

      // The export imports back unchanged: the apostrophes come off again.
      const back = await runImport(admin, res.rawPayload);
      expect(back.job.result).toMatchObject({ rows: 2, unchanged: 2, created: 0, updated: 0 });
    });

    it('streams XLSX with Japanese column names and labels, and round-trips', async () => {
      const prefix = uniqueCode('EXX');
      const levels = (await admin.get('/api/v1/classifications')).json().items as {
        id: string;
        code: string;
        name: { ja: string };
      }[];
      const secret = levels.find((l) => l.code === 'confidential')!;
      await createAsset(admin, {
        code: `${prefix}-1`,
        name: '人事ファイル',
        category: 'physical',
        classificationId: secret.id,
      });
      const res = await admin.get(`/api/v1/assets/export?format=xlsx&lang=ja&q=${prefix}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.name).toBe('資産台帳');
      expect(sheet.getRow(1).getCell(1).value).toBe('資産コード');
      expect(sheet.getRow(2).getCell(2).value).toBe('人事ファイル');
      expect(sheet.getRow(2).getCell(3).value).toBe('物理的資産');
      // The level is written by its name in the file's language, never as a code.
      const column = (sheet.getRow(1).values as unknown[]).indexOf('分類');
      expect(sheet.getRow(2).getCell(column).value).toBe(secret.name.ja);
      const back = await runImport(admin, res.rawPayload, { contentType: XLSX });
      expect(back.job.result).toMatchObject({ rows: 1, unchanged: 1 });
    });

    it('offers a template in either language and format', async () => {
      const ja = await admin.get('/api/v1/assets/import/template?format=csv&lang=ja');
      expect(readCsv(ja.body)[0]!.slice(0, 4)).toEqual(['資産コード', '資産名', '種別', '説明']);
      const en = await admin.get('/api/v1/assets/import/template?format=xlsx&lang=en');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Assets', 'Notes']);
      expect(workbook.worksheets[0]!.getRow(1).getCell(1).value).toBe('Code');
      // The template itself imports (no rows, no problems).
      const empty = await runImport(admin, ja.rawPayload, { validate: true });
      expect(empty.job.result).toMatchObject({ rows: 0, errorCount: 0 });
    });
  });

  it('reports progress through the job, readable from any instance', async () => {
    const res = await upload(admin, '/api/v1/assets/import/validate', csv([]));
    const job = res.json<Job>();
    const again = (await admin.get(`/api/v1/jobs/${job.id}`)).json<Job>();
    expect(again).toMatchObject({ id: job.id, status: 'succeeded', total: 0 });
    expect((await admin.get('/api/v1/jobs/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });
});
