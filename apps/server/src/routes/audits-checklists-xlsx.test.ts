import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Checklist, ChecklistImportReport } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { createOrgUnit } from '../testing/isms.ts';
import { insertAudit } from './audits-checklists.fixtures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeEachDatabase('audit checklist XLSX round trip', (ctx) => {
  let app: App;
  let lead: Client;
  let outsider: Client;
  let auditId: string;

  const url = (path = '') => `/api/v1/audits/${auditId}${path}`;
  const checklist = async () => (await lead.get(url('/checklist'))).json<Checklist>();
  const exported = async (lang: 'ja' | 'en') => {
    const res = await lead.get(url(`/checklist/export?lang=${lang}`));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return book;
  };
  const upload = async (book: ExcelJS.Workbook, dryRun = false, client = lead) => {
    const body = Buffer.from(await book.xlsx.writeBuffer());
    return client.post(url('/checklist/import'), body, {
      headers: { 'content-type': XLSX },
      query: { dryRun: String(dryRun) },
    });
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    const { admin } = await setupOrganization(app, { organizationName: '監査テスト株式会社' });
    lead = await createUserAndLogin(admin, { roles: ['internal_auditor'] });
    outsider = await createUserAndLogin(admin, { roles: ['internal_auditor'] });
    const unit = await createOrgUnit(admin, { name: '総務部' });
    auditId = (
      await insertAudit(app.database.db, admin.organization.id, {
        status: 'in_progress',
        auditeeUnitIds: [unit.id],
        requirementIds: ['6.4'],
        leadAuditorId: lead.user.id,
      })
    ).id;
    expect((await lead.post(url('/checklist/generate'))).statusCode).toBe(200);
  });
  afterAll(() => app.close());

  it('exports every line with its reference and question in the reader’s language', async () => {
    const lines = (await checklist()).items;
    const sheet = (await exported('ja')).worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '行ID',
      'No.',
      '項番',
      '項目',
      '質問',
      '結果',
      'メモ',
    ]);
    expect(sheet.rowCount).toBe(lines.length + 1);
    expect(sheet.getCell(2, 1).value).toBe(lines[0]!.id);
    expect(sheet.getCell(2, 3).value).toBe('第6 4. a');
    expect(sheet.getCell(2, 5).value).toBe(lines[0]!.prompt.ja);
    const en = (await exported('en')).worksheets[0]!;
    expect(en.getCell(2, 3).value).toBe('6.4 a');
  });

  it('reports every wrong row and writes nothing, then applies the corrected file', async () => {
    const lines = (await checklist()).items;
    const book = await exported('ja');
    const sheet = book.worksheets[0]!;
    sheet.getCell(2, 6).value = '適合';
    sheet.getCell(3, 6).value = '軽微な不適合';
    sheet.getCell(3, 7).value = '監査プログラムが未承認のまま運用されていた';
    sheet.getCell(4, 6).value = 'たぶん適合'; // not a result
    sheet.getCell(5, 6).value = 'observation'; // a code is accepted, but needs notes
    sheet.addRow(['00000000-0000-4000-8000-000000000000', 99, '', '', '', '適合', '']);
    const bad = await upload(book);
    expect(bad.statusCode, bad.body).toBe(200);
    const report = bad.json<ChecklistImportReport>();
    expect(report.applied).toBe(false);
    expect(report.errors).toBe(3);
    const errorsOf = (row: number) =>
      report.rows.find((r) => r.row === row)!.errors.map((e) => e.code);
    expect(errorsOf(2)).toEqual([]);
    expect(errorsOf(4)).toEqual(['audit_checklist_result_unknown']);
    expect(errorsOf(5)).toEqual(['audit_finding_description_required']);
    expect(errorsOf(lines.length + 2)).toEqual(['audit_checklist_line_unknown']);
    expect((await checklist()).items.every((l) => l.result === null)).toBe(true);

    sheet.getCell(4, 6).value = '';
    sheet.getCell(5, 7).value = '記録の様式が統一されていない';
    sheet.spliceRows(lines.length + 2, 1);
    const dry = (await upload(book, true)).json<ChecklistImportReport>();
    expect(dry).toMatchObject({ applied: false, errors: 0, changed: 3 });
    expect((await checklist()).items.every((l) => l.result === null)).toBe(true);

    const good = await upload(book);
    expect(good.json<ChecklistImportReport>()).toMatchObject({
      applied: true,
      errors: 0,
      changed: 3,
    });
    const after = (await checklist()).items;
    expect(after.slice(0, 4).map((l) => l.result)).toEqual([
      'conform',
      'minor_nc',
      null,
      'observation',
    ]);
    expect(after[1]!.notes).toBe('監査プログラムが未承認のまま運用されていた');
    const findings = (await lead.get(url('/findings'))).json().items;
    expect(findings.map((f: { kind: string }) => f.kind)).toEqual(['minor_nc', 'observation']);
    // The same file again changes nothing.
    expect((await upload(book)).json()).toMatchObject({ applied: true, changed: 0 });
  });

  it('refuses a file that is not a checklist, and callers off the team', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Assets').addRow(['Code', 'Name']);
    const res = await upload(other);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('audit_checklist_import_header');
    const garbage = await lead.post(url('/checklist/import'), Buffer.from('not a workbook'), {
      headers: { 'content-type': XLSX },
    });
    expect(garbage.json().code).toBe('audit_checklist_import_unreadable');
    const refused = await upload(await exported('en'), false, outsider);
    expect(refused.statusCode).toBe(403);
  });
});
