import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { ConformityReport } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { pdfText } from '../testing/pdf.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { createAsset } from '../testing/isms.ts';

// Setting up a database can take long when other suites share the machine (a limit, not a measurement).
vi.setConfig({ hookTimeout: 240_000, testTimeout: 120_000 });

const ORG_NAME = '株式会社テスト準備度';

describeEachDatabase('the readiness report', (ctx) => {
  let app: App;
  let admin: Client;
  let staff: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app, { organizationName: ORG_NAME }));
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    await createAsset(admin);
  });
  afterAll(() => app.close());

  it('is an XLSX workbook with one row per requirement item, in the language asked', async () => {
    const items = (await admin.get('/api/v1/conformity')).json<ConformityReport>().items;
    const res = await admin.get('/api/v1/conformity/export', {
      query: { format: 'xlsx', lang: 'ja' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/readiness-\d{4}-\d\d-\d\d\.ja\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues().slice(1) as unknown[][];
    expect(rows[0]!.slice(1)).toEqual([
      '項番',
      '要求事項',
      '状態',
      '判定の理由',
      '証拠・不足',
      '満たし方（記録する場所）',
      '根拠',
    ]);
    expect(rows.slice(1).map((r) => r[1])).toEqual(items.map((i) => i.displayId));
    const assets = rows.find((r) => r[1] === '第4 2.(1) d (ア)')!;
    expect(assets[3]).toBe('一部適合');
    expect(assets[4]).toContain('1件の資産が分類されていません');
    expect(assets[5]).toContain('/assets?classificationId=none');
    // How the item can be met, and where: given for every item, whatever its status.
    expect(assets[6]).toContain('資産台帳');
    expect(assets[6]).toContain('(/assets)');
    expect(rows.slice(1).every((r) => String(r[6]).includes('(/'))).toBe(true);
    // Not met, so no basis; attestations.test.ts shows an attested item's.
    expect(assets[7]).toBe('—');

    const en = await admin.get('/api/v1/conformity/export', {
      query: { format: 'xlsx', lang: 'en' },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).getCell(3).value).toBe('Status');
    // English readers get the ISO-style item number, not the Japanese form.
    const ids = wb.worksheets[0]!.getColumn(1).values.slice(2);
    expect(ids).toContain('4.2.1 d (1)');
    expect(ids.some((id) => String(id).includes('第'))).toBe(false);
  });

  it('is a PDF with the organization, the readiness and the items', async () => {
    const res = await admin.get('/api/v1/conformity/export', {
      query: { format: 'pdf', lang: 'ja' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('ISMS認証 準備度レポート');
    expect(text).toContain(ORG_NAME);
    expect(text).toContain('第4 2.(1) d (ア)');
    expect(text).toContain('証拠未登録');
    expect(text).toContain('満たし方');
    expect(text).toContain('(/legal)');
    // The basis column and the count of items met by attestation.
    expect(text).toContain('根拠');
    expect(text).toContain('うち適合の証明による適合');
  });

  it('needs isms:read', async () => {
    const res = await staff.get('/api/v1/conformity/export', { query: { format: 'pdf' } });
    expect(res.statusCode).toBe(403);
  });
});
