import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AttendanceImportReport } from '@mamoru/contracts';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { sql } from 'drizzle-orm';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUser,
  login,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { importFile, insertCourse, insertSession, insertUnit } from './training-import.fixtures.ts';

const csv = (lines: string[]) => lines.join('\r\n') + '\r\n';
const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);

describeEachDatabase('attendance import', (ctx) => {
  let app: App;
  let manager: Client;
  let trainer: Client; // reads Japanese
  let head: Client;
  let staff: Client;
  let auditor: Client;
  let org: string;
  const email: Record<string, string> = {};
  const id: Record<string, string> = {};
  let sessionId: string;
  let otherSessionId: string;
  let sessionOfB: string;

  const person = async (
    key: string,
    roles: ('staff' | 'external_auditor')[],
    locale: 'ja' | 'en' = 'en',
  ) => {
    const made = await createUser(manager, { roles, locale, displayName: `Person ${key}` });
    email[key] = made.email;
    id[key] = made.user.id;
    return made;
  };
  const attendance = (session: string) =>
    queryRows<{ user_id: string; status: string; note: string; source: string }>(
      app.database.db,
      sql`select user_id, status, note, source from training_attendance
        where session_id = ${session} order by created_at, user_id`,
    );

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    org = manager.organization.id;
    for (const key of ['aoi', 'ben', 'chika']) await person(key, ['staff']);
    trainer = await login(app, (await person('trainer', ['staff'], 'ja')).email);
    head = await login(app, (await person('head', ['staff'])).email);
    staff = await login(app, email.aoi!);
    auditor = await login(app, (await person('auditor', ['external_auditor'])).email);
    await insertUnit(app, org, id.head!, [id.aoi!, id.ben!]);
    const course = await insertCourse(app, org);
    sessionId = (await insertSession(app, org, course.id, { trainerUserId: id.trainer })).id;
    otherSessionId = (await insertSession(app, org, course.id)).id;
    const { admin: adminB, organization: orgB } = await addOrganization(app);
    const courseB = await insertCourse(app, orgB.id);
    sessionOfB = (await insertSession(app, orgB.id, courseB.id)).id;
    expect(adminB.organization.id).toBe(orgB.id);
  });
  afterAll(() => app.close());

  it('dry-runs, records, skips the unchanged and updates the changed (UTF-8 CSV with BOM, en headers)', async () => {
    const file = bom(
      csv(['email,status,note', `${email.aoi},attended,`, `${email.ben},absent,sick`]),
    );
    const dry = await importFile(manager, otherSessionId, file, 'attendance.csv', true);
    expect(dry.statusCode, dry.body).toBe(200);
    const preview = dry.json<AttendanceImportReport>();
    expect(preview).toMatchObject({
      dryRun: true,
      encoding: 'utf-8',
      counts: { recorded: 2, updated: 0, skipped: 0, error: 0 },
    });
    expect(preview.rows.map((r) => [r.row, r.status, r.user?.id])).toEqual([
      [2, 'recorded', id.aoi],
      [3, 'recorded', id.ben],
    ]);
    expect(await attendance(otherSessionId)).toEqual([]);

    const real = await importFile(manager, otherSessionId, file, 'attendance.csv');
    expect(real.json<AttendanceImportReport>().counts).toEqual({
      recorded: 2,
      updated: 0,
      skipped: 0,
      error: 0,
    });
    const rows = await attendance(otherSessionId);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.source === 'import')).toBe(true);

    const changed = bom(
      csv(['email,status,note', `${email.aoi},attended,`, `${email.ben},attended,late`]),
    );
    const again = await importFile(manager, otherSessionId, changed, 'attendance.csv');
    const report = again.json<AttendanceImportReport>();
    expect(report.counts).toEqual({ recorded: 0, updated: 1, skipped: 1, error: 0 });
    expect(report.rows.map((r) => r.status)).toEqual(['skipped', 'updated']);
    expect((await attendance(otherSessionId)).find((r) => r.user_id === id.ben)).toMatchObject({
      status: 'attended',
      note: 'late',
    });
  });

  it('reads a Shift_JIS CSV with Japanese headers and reports bad rows in Japanese', async () => {
    const text = csv([
      'メールアドレス,出欠,備考',
      `${email.aoi},出席,前半のみ`,
      'nobody@example.com,出席,',
      `${email.ben},遅刻,`,
      '',
      `${email.aoi},欠席,`,
    ]);
    const res = await importFile(trainer, sessionId, iconv.encode(text, 'Shift_JIS'), '出欠.csv');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<AttendanceImportReport>();
    expect(report.encoding).toBe('shift_jis');
    expect(report.counts).toEqual({ recorded: 1, updated: 0, skipped: 0, error: 3 });
    expect(report.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'recorded'],
      [3, 'error'],
      [4, 'error'],
      [6, 'error'],
    ]);
    expect(report.rows[1]!.errors).toEqual([
      {
        column: 'メールアドレス',
        code: 'attendance_import_user_unknown',
        message: 'メールアドレス「nobody@example.com」の人は組織にいません。',
      },
    ]);
    expect(report.rows[2]!.errors[0]).toMatchObject({
      column: '出欠',
      code: 'attendance_import_status_invalid',
    });
    expect(report.rows[3]!.errors[0]).toMatchObject({
      column: 'メールアドレス',
      code: 'attendance_import_duplicate',
      message: 'この人は既に 2 行目にあります。',
    });
    const rows = await attendance(sessionId);
    expect(rows).toEqual([
      { user_id: id.aoi, status: 'attended', note: '前半のみ', source: 'import' },
    ]);
  });

  it('reads an XLSX file', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('出欠');
    sheet.addRow(['Email', 'Status', 'Note']);
    sheet.addRow([email.chika, 'Absent', 'on leave']);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const res = await importFile(trainer, sessionId, file, 'attendance.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<AttendanceImportReport>()).toMatchObject({
      encoding: 'xlsx',
      counts: { recorded: 1, updated: 0, skipped: 0, error: 0 },
    });
    expect((await attendance(sessionId)).find((r) => r.user_id === id.chika)).toMatchObject({
      status: 'absent',
      note: 'on leave',
    });
  });

  it('refuses a wrong header (422 naming the columns), too many rows (422), a large file (413)', async () => {
    const header = await importFile(
      manager,
      sessionId,
      Buffer.from('name,status\nx,attended\n'),
      'a.csv',
    );
    expect(header.statusCode).toBe(422);
    expect(
      header.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
    ).toEqual([
      ['name', 'column_unknown'],
      ['email', 'column_missing'],
    ]);
    const many = ['email', ...Array.from({ length: 1001 }, (_, i) => `p${i}@example.com`)];
    const rows = await importFile(manager, sessionId, Buffer.from(csv(many)), 'a.csv');
    expect(rows.statusCode).toBe(422);
    expect(rows.json().code).toBe('attendance_import_too_many_rows');
    const large = await importFile(
      manager,
      sessionId,
      Buffer.alloc(2 * 1024 * 1024 + 10, 0x61),
      'a.csv',
    );
    expect(large.statusCode).toBe(413);
    const empty = await importFile(manager, sessionId, Buffer.from(''), 'a.csv');
    expect(empty.statusCode).toBe(422);
    const raw = await manager.post(`/api/v1/training-sessions/${sessionId}/attendance/import`, {});
    expect(raw.statusCode).toBe(415);
    expect(await attendance(sessionId)).toHaveLength(2);
  });

  it('lets a unit head import only their members; others get 403; other tenants 404', async () => {
    const file = Buffer.from(csv(['email', email.ben!, email.chika!, email.head!]));
    const res = await importFile(head, otherSessionId, file, 'a.csv', true);
    expect(res.statusCode, res.body).toBe(200);
    // Ben's note "late" would be cleared by the file's blank note: an update.
    expect(
      res.json<AttendanceImportReport>().rows.map((r) => [r.status, r.errors[0]?.code]),
    ).toEqual([
      ['updated', undefined],
      ['error', 'attendance_import_not_reachable'],
      ['error', 'attendance_import_not_reachable'],
    ]);
    // Not the trainer of this session, heading no unit: no import at all.
    expect((await importFile(staff, sessionId, file, 'a.csv')).statusCode).toBe(403);
    expect((await importFile(auditor, sessionId, file, 'a.csv')).statusCode).toBe(403);
    expect((await importFile(manager, sessionOfB, file, 'a.csv')).statusCode).toBe(404);
    const cancelled = await insertSession(app, org, (await insertCourse(app, org)).id, {
      status: 'cancelled',
    });
    expect((await importFile(manager, cancelled.id, file, 'a.csv')).statusCode).toBe(422);
  });

  it('serves the template in the chosen language and format', async () => {
    const ja = await trainer.get('/api/v1/training-sessions/attendance-template', {
      query: { format: 'csv', locale: 'ja' },
    });
    expect(ja.statusCode).toBe(200);
    expect(ja.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('メールアドレス,出欠,備考');
    const en = await manager.get('/api/v1/training-sessions/attendance-template', {
      query: { format: 'xlsx', locale: 'en' },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getRow(1).values).toEqual([undefined, 'email', 'status', 'note']);
    expect((await auditor.get('/api/v1/training-sessions/attendance-template')).statusCode).toBe(
      403,
    );
  });
});
