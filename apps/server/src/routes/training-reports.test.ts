import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CompletionRow, TrainingDashboard } from '@mamoru/contracts';
import { schema } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUser,
  login,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { insertCourse, insertSession, insertUnit } from './training-import.fixtures.ts';

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function workbook(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}
const sheetText = (sheet: ExcelJS.Worksheet | undefined) => {
  const lines: string[] = [];
  sheet?.eachRow((r) => lines.push((r.values as unknown[]).slice(1).join('|')));
  return lines;
};

describeEachDatabase('training dashboard, completions and report', (ctx) => {
  let app: App;
  let manager: Client;
  let head: Client;
  let ben: Client;
  let auditor: Client;
  let org: string;
  let unitId: string;
  let courseId: string;
  let courseOfB: string;
  const id: Record<string, string> = {};

  const person = async (key: string, roles: ('staff' | 'external_auditor')[]) => {
    const made = await createUser(manager, { roles, displayName: `${key} person` });
    id[key] = made.user.id;
    return made.email;
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    org = manager.organization.id;
    await person('aoi', ['staff']);
    ben = await login(app, await person('ben', ['staff']));
    head = await login(app, await person('head', ['staff']));
    auditor = await login(app, await person('auditor', ['external_auditor']));
    unitId = (await insertUnit(app, org, id.head!, [id.aoi!, id.ben!])).id;
    const course = await insertCourse(app, org, {
      title: '情報セキュリティ基礎',
      titleEn: 'Security basics',
    });
    courseId = course.id;
    // A role course for nobody in particular: not required, so not counted.
    await insertCourse(app, org, { kind: 'role', audienceAll: false });
    const held = await insertSession(app, org, courseId, { heldOn: today() });
    await insertSession(app, org, courseId, {
      status: 'planned',
      heldOn: inDays(7),
      location: '会議室A',
    });
    await app.database.db.insert(schema.trainingAttendance).values({
      organizationId: org,
      courseId,
      sessionId: held.id,
      userId: id.aoi!,
      attendedOn: today(),
      status: 'attended',
      source: 'trainer',
      note: 'front row',
    });
    await app.database.db.insert(schema.personCompetences).values([
      {
        organizationId: org,
        userId: id.aoi!,
        kind: 'certificate',
        name: 'RISS',
        expiresOn: inDays(30),
      },
      {
        organizationId: org,
        userId: id.ben!,
        kind: 'certificate',
        name: 'Old',
        expiresOn: inDays(-1),
      },
    ]);
    const { organization: orgB } = await addOrganization(app);
    courseOfB = (await insertCourse(app, orgB.id, { title: 'Course of B' })).id;
  });
  afterAll(() => app.close());

  it('counts completion per unit for the manager, everyone reached', async () => {
    const res = await manager.get('/api/v1/training-dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<TrainingDashboard>();
    const unit = d.byUnit.find((u) => u.unit?.id === unitId);
    expect(unit).toMatchObject({ required: 2, completed: 1, overdue: 0 });
    // The administrator and the head belong to no unit (the auditor is never required).
    expect(d.byUnit.find((u) => u.unit === null)).toMatchObject({ required: 2, completed: 0 });
    expect(d.totals).toEqual({ required: 4, completed: 1, overdue: 0, dueSoon: 0, failed: 0 });
    expect(d.upcomingSessions).toEqual([
      expect.objectContaining({ heldOn: inDays(7), location: '会議室A', status: 'planned' }),
    ]);
    expect(d).toMatchObject({
      expiringCompetences: 1,
      expiredCompetences: 1,
      sessionsToEvaluate: 0,
    });
    const role = await manager.get('/api/v1/training-dashboard', { query: { kind: 'role' } });
    expect(role.json<TrainingDashboard>().totals.required).toBe(0);
    // Another organization's course filters to nothing, never to its data.
    const other = await manager.get('/api/v1/training-dashboard', {
      query: { courseId: courseOfB },
    });
    expect(other.json<TrainingDashboard>()).toMatchObject({ byUnit: [], upcomingSessions: [] });
  });

  it('narrows the dashboard to the reader: a unit head, a member', async () => {
    const asHead = (await head.get('/api/v1/training-dashboard')).json<TrainingDashboard>();
    expect(asHead.totals.required).toBe(3); // the unit's two members and the head
    expect(asHead.expiredCompetences).toBe(1);
    const asBen = (await ben.get('/api/v1/training-dashboard')).json<TrainingDashboard>();
    expect(asBen.byUnit).toEqual([
      { unit: expect.objectContaining({ id: unitId }), required: 1, completed: 0, overdue: 0 },
    ]);
    expect(asBen).toMatchObject({ expiringCompetences: 0, expiredCompetences: 1 });
  });

  it('lists completions by person, filtered and paged in SQL', async () => {
    const all = await manager.get('/api/v1/training-completions', { query: { unitId } });
    expect(all.statusCode, all.body).toBe(200);
    const items = all.json<{ items: CompletionRow[] }>().items;
    expect(items.map((r) => [r.user.id, r.status])).toEqual([
      [id.aoi, 'completed'],
      [id.ben, 'not_started'],
    ]);
    expect(items[0]).toMatchObject({
      completedOn: today(),
      dueOn: null,
      unit: { id: unitId },
      course: { id: courseId, title: '情報セキュリティ基礎', kind: 'awareness' },
    });
    const first = await manager.get('/api/v1/training-completions', {
      query: { unitId, limit: '1' },
    });
    const page1 = first.json<{ items: CompletionRow[]; nextCursor: string }>();
    expect(page1.items.map((r) => r.user.id)).toEqual([id.aoi]);
    const page2 = await manager.get('/api/v1/training-completions', {
      query: { unitId, limit: '1', cursor: page1.nextCursor },
    });
    expect(page2.json<{ items: CompletionRow[]; nextCursor: null }>()).toMatchObject({
      items: [expect.objectContaining({ user: expect.objectContaining({ id: id.ben }) })],
      nextCursor: null,
    });
    const done = await manager.get('/api/v1/training-completions', {
      query: { status: 'completed' },
    });
    expect(done.json<{ items: CompletionRow[] }>().items.map((r) => r.user.id)).toEqual([id.aoi]);
    const own = await ben.get('/api/v1/training-completions');
    expect(own.json<{ items: CompletionRow[] }>().items.map((r) => r.user.id)).toEqual([id.ben]);
    const bad = await manager.get('/api/v1/training-completions', {
      query: { cursor: 'nonsense' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('lists one person’s courses, those taken unasked too, within the reader’s reach', async () => {
    const unasked = (await insertCourse(app, org, { kind: 'other', audienceAll: false })).id;
    await app.database.db.insert(schema.trainingAttendance).values({
      organizationId: org,
      courseId: unasked,
      userId: id.aoi!,
      attendedOn: today(),
      status: 'attended',
      source: 'self',
    });
    const aoi = await manager.get('/api/v1/training-completions', { query: { userId: id.aoi! } });
    expect(aoi.statusCode, aoi.body).toBe(200);
    const rows = aoi.json<{ items: CompletionRow[] }>().items;
    expect(rows.map((r) => [r.course.id, r.status])).toEqual([
      [courseId, 'completed'],
      [unasked, 'completed'],
    ]);
    // The required list stays without it; ben reaches only himself.
    const all = await manager.get('/api/v1/training-completions', { query: { unitId } });
    expect(all.json<{ items: CompletionRow[] }>().items.map((r) => r.course.id)).not.toContain(
      unasked,
    );
    const other = await ben.get('/api/v1/training-completions', { query: { userId: id.aoi! } });
    expect(other.json<{ items: CompletionRow[] }>().items).toEqual([]);
  });

  it('exports the training records as XLSX and PDF in ja and en', async () => {
    const en = await manager.get('/api/v1/training-report', {
      query: { format: 'xlsx', locale: 'en' },
    });
    expect(en.statusCode, en.body).toBe(200);
    expect(en.headers['content-disposition']).toContain('training-records-en.xlsx');
    const book = await workbook(en.rawPayload);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Training records',
      'Completion by unit',
      'Completion by person',
      'Attendance',
      'Quiz results',
    ]);
    const people = sheetText(book.getWorksheet('Completion by person'));
    expect(people.find((l) => l.startsWith('aoi person|'))).toMatch(/Security basics\|Completed\|/);
    expect(people.find((l) => l.startsWith('ben person|'))).toMatch(/Not started/);
    expect(sheetText(book.getWorksheet('Attendance')).join('\n')).toMatch(
      /aoi person\|.*Attended\|Trainer\|front row/,
    );
    const everything = book.worksheets.flatMap((sheet) => sheetText(sheet)).join('\n');
    expect(everything).not.toContain('Course of B');

    const ja = await manager.get('/api/v1/training-report', {
      query: { format: 'xlsx', locale: 'ja' },
    });
    const jaBook = await workbook(ja.rawPayload);
    expect(jaBook.worksheets[0]!.name).toBe('教育訓練記録');
    expect(sheetText(jaBook.getWorksheet('受講状況（個人別）')).join('\n')).toMatch(
      /情報セキュリティ基礎\|修了/,
    );

    const pdf = await manager.get('/api/v1/training-report', {
      query: { format: 'pdf', locale: 'ja' },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // A member sees only their own records.
    const own = await workbook((await ben.get('/api/v1/training-report')).rawPayload);
    const ownPeople = sheetText(own.getWorksheet('Completion by person'));
    expect(ownPeople.slice(1).map((l) => l.split('|')[0])).toEqual(['ben person']);
  });

  it('lets auditors read everyone (training:read over all)', async () => {
    const d = (await auditor.get('/api/v1/training-dashboard')).json<TrainingDashboard>();
    expect(d.totals.required).toBe(4);
    const report = await auditor.get('/api/v1/training-report', { query: { format: 'pdf' } });
    expect(report.statusCode).toBe(200);
  });

  it('refuses a report over 5,000 rows in a table (422)', async () => {
    await app.database.db.execute(sql`
      insert into training_attendance (organization_id, course_id, user_id, attended_on, status, source)
      select ${org}, ${courseId}, ${id.ben}, date '2020-01-01' + g, 'attended', 'self'
      from generate_series(1, 5001) g`);
    const res = await manager.get('/api/v1/training-report', { query: { courseId } });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('training_report_too_many_rows');
    const narrowed = await manager.get('/api/v1/training-report', {
      query: { courseId, from: '2024-01-01' },
    });
    expect(narrowed.statusCode).toBe(200);
  });
});
