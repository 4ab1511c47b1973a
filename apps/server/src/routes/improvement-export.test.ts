import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { pdfText } from '../testing/pdf.ts';
import { createNonconformity, withAction } from './improvement.fixtures.ts';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describeEachDatabase('nonconformity register export and trends', (ctx) => {
  let app: App;
  let manager: Client;
  let staff: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    staff = await createUserAndLogin(manager, { roles: ['staff'] });
    await createNonconformity(manager, {
      title: 'バックアップの復元テスト未実施',
      source: 'internal_audit',
      severity: 'major',
    });
    await createNonconformity(manager, { title: 'Visitor log gaps', source: 'monitoring' });
    // Another organization's register, made to match every filter and count below:
    // the exact numbers of A's exports and trends show none of it leaks (tenant isolation).
    const { admin: adminB } = await addOrganization(app, { name: 'Organization B' });
    for (const detectedOn of ['2020-01-01', new Date().toISOString().slice(0, 10)]) {
      await createNonconformity(adminB, {
        title: 'Nonconformity of B',
        source: 'internal_audit',
        severity: 'major',
        requirementIds: ['6.4.a'],
        detectedOn,
      });
    }
    await withAction(adminB, adminB.user.id);
  });
  afterAll(() => app.close());

  it('exports the filtered register as XLSX in Japanese and English', async () => {
    const ja = await manager.get('/api/v1/nonconformities/export', {
      query: { format: 'xlsx', lang: 'ja', source: 'internal_audit' },
    });
    expect(ja.statusCode, ja.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(ja.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('番号');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(3).value).toBe('バックアップの復元テスト未実施');
    expect(sheet.getRow(2).getCell(4).value).toBe('内部監査');
    expect(sheet.getRow(2).getCell(5).value).toBe('重大');
    const en = await manager.get('/api/v1/nonconformities/export', {
      query: { format: 'xlsx', lang: 'en' },
    });
    const enBook = new ExcelJS.Workbook();
    await enBook.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    const rows = enBook.worksheets[0]!;
    expect(rows.rowCount).toBe(3);
    expect(rows.getRow(1).getCell(4).value).toBe('Source');
    expect([rows.getRow(2).getCell(6).value, rows.getRow(3).getCell(6).value]).toEqual([
      'Reported',
      'Reported',
    ]);
  });

  it('exports the register as PDF with its Japanese labels', async () => {
    const pdf = await manager.get('/api/v1/nonconformities/export', {
      query: { format: 'pdf', lang: 'ja' },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (hasPdftotext) {
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain('不適合登録簿');
      expect(text).toContain('バックアップの復元テスト未実施');
    }
  });

  it("gives staff under 'own' reach only what they may read", async () => {
    const res = await staff.get('/api/v1/nonconformities/export', {
      query: { format: 'xlsx', lang: 'en' },
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(1);
  });

  it('counts open nonconformities by age and names causes and clauses that recur', async () => {
    await createNonconformity(manager, { detectedOn: '2020-01-01', requirementIds: ['6.4.a'] });
    await createNonconformity(manager, { requirementIds: ['6.4.a'], severity: 'major' });
    await withAction(manager, manager.user.id);
    await withAction(manager, manager.user.id);
    const res = await manager.get('/api/v1/nonconformities/statistics');
    expect(res.statusCode, res.body).toBe(200);
    const { ageing, recurrence } = res.json();
    const count = (bucket: string, severity: string) =>
      ageing.find(
        (a: { bucket: string; severity: string }) => a.bucket === bucket && a.severity === severity,
      )?.count ?? 0;
    expect(count('over_180', 'minor')).toBe(1);
    // Before: two from beforeAll; now one more major and two minor in action.
    expect(count('0_30', 'major')).toBe(2);
    expect(count('0_30', 'minor')).toBe(3);
    expect(recurrence).toEqual(
      expect.arrayContaining([
        { kind: 'clause', key: '6.4.a', count: 2 },
        { kind: 'cause', key: 'process', count: 2 },
      ]),
    );
    const own = await staff.get('/api/v1/nonconformities/statistics');
    expect(own.json()).toEqual({ ageing: [], recurrence: [] });
  });
});
