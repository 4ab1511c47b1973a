import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TrainingAttendance, TrainingSession } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { insertOrgUnit } from '@mamoru/db/repositories/scope';
import { sessions as sessionsDomain, training } from '@mamoru/domain';
import * as usersRepo from '@mamoru/db/repositories/users';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';

const ifMatch = (v: number) => ({ headers: { 'if-match': `"${v}"` } });
const today = () => new Date().toISOString().slice(0, 10);
type Items = { items: TrainingAttendance[] };

describeEachDatabase('training sessions, attendance and evaluation', (ctx) => {
  let app: App;
  let manager: Client; // admin + ISMS manager: training:manage 'all'
  let trainer: Client; // staff, the session's trainer
  let head: Client; // staff heading the unit of member and absentee
  let member: Client;
  let absentee: Client;
  let outsider: Client; // staff of no unit
  let auditor: Client;
  let courseId: string;
  let session: TrainingSession;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    const made = await Promise.all(
      ['Trainer', 'Head', 'Member', 'Absentee', 'Outsider'].map((displayName) =>
        createUserAndLogin(manager, { roles: ['staff'], displayName }),
      ),
    );
    [trainer, head, member, absentee, outsider] = made as [Client, Client, Client, Client, Client];
    auditor = await createUserAndLogin(manager, { roles: ['external_auditor'] });
    const db = app.database.db;
    const unit = await insertOrgUnit(db, {
      organizationId: manager.organization.id,
      code: 'OPS',
      name: 'Operations',
      managerUserId: head.user.id,
    });
    await db.execute(sql`update users set org_unit_id = ${unit.id}
      where id in (${member.user.id}, ${absentee.user.id})`);
    const course = await manager.post('/api/v1/training-courses', {
      title: 'Incident drill',
      kind: 'role',
      evaluation: 'supervisor',
    });
    courseId = course.json().id;
  });
  afterAll(() => app.close());

  it('schedules sessions (managers only) naming the trainer user', async () => {
    const body = { courseId, heldOn: today(), trainerUserId: trainer.user.id, status: 'held' };
    expect((await trainer.post('/api/v1/training-sessions', body)).statusCode).toBe(403);
    expect((await head.post('/api/v1/training-sessions', body)).statusCode).toBe(403);
    const bad = await manager.post('/api/v1/training-sessions', {
      ...body,
      trainerUserId: '00000000-0000-4000-8000-000000000000',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('trainerUserId');
    const res = await manager.post('/api/v1/training-sessions', body);
    expect(res.statusCode, res.body).toBe(201);
    session = res.json<TrainingSession>();
    expect(session).toMatchObject({
      code: 'TS-0001',
      trainer: { id: trainer.user.id, name: 'Trainer' },
      trainerName: 'Trainer',
      course: { id: courseId, code: 'TC-0001', evaluation: 'supervisor' },
      attendedCount: 0,
    });
    expect((await trainer.get(`/api/v1/training-sessions/${session.id}`)).json().recordable).toBe(
      true,
    );
    expect((await outsider.get(`/api/v1/training-sessions/${session.id}`)).json().recordable).toBe(
      false,
    );
    const url = `/api/v1/training-sessions/${session.id}`;
    expect((await manager.patch(url, { location: 'Room 2' })).statusCode).toBe(428);
    const patched = await manager.patch(url, { location: 'Room 2' }, ifMatch(1));
    expect(patched.json()).toMatchObject({
      location: 'Room 2',
      trainerName: 'Trainer',
      status: 'held',
    });
    const list = await outsider.get(`/api/v1/training-sessions?courseId=${courseId}&status=held`);
    expect(list.json().items.map((s: TrainingSession) => s.id)).toEqual([session.id]);
  });

  it('lets the trainer record attendance, upserting per person', async () => {
    const url = `/api/v1/training-sessions/${session.id}/attendance`;
    const entries = [
      { userId: member.user.id },
      { userId: absentee.user.id, status: 'absent', note: '体調不良' },
    ];
    expect((await outsider.post(url, { entries })).statusCode).toBe(403);
    expect((await auditor.post(url, { entries })).statusCode).toBe(403);
    const res = await trainer.post(url, { entries });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<Items>().items;
    expect(items.map((a) => [a.user.name, a.status, a.source, a.recordedBy?.name])).toEqual([
      ['Absentee', 'absent', 'trainer', 'Trainer'],
      ['Member', 'attended', 'trainer', 'Trainer'],
    ]);
    expect(items[1]).toMatchObject({ sessionCode: 'TS-0001', attendedOn: today(), version: 1 });
    // The same again changes nothing; a changed status updates the row.
    const again = await trainer.post(url, { entries });
    expect(again.json<Items>().items.map((a) => a.version)).toEqual([1, 1]);
    const dup = await trainer.post(url, { entries: [entries[0], entries[0]] });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().errors).toEqual([
      expect.objectContaining({
        field: 'entries.1.userId',
        code: 'training_attendance_duplicate_user',
      }),
    ]);
    const nobody = await trainer.post(url, {
      entries: [{ userId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(nobody.json().errors[0]).toMatchObject({ field: 'entries.0.userId' });
    expect((await manager.get(`/api/v1/training-sessions/${session.id}`)).json()).toMatchObject({
      attendedCount: 1,
      unevaluatedCount: 1,
    });
  });

  it('returns who was recorded and who updated to the import (recordAttendance)', async () => {
    const db = app.database.db;
    const user = await usersRepo.getUser(db, manager.organization.id, trainer.user.id);
    const ctxOf = { actor: sessionsDomain.actorForUser(user!), requestId: null };
    const result = await db.transaction((tx) =>
      training.recordAttendance(
        tx,
        ctxOf,
        session.id,
        [
          { userId: member.user.id, status: 'attended', note: '' },
          { userId: absentee.user.id, status: 'attended', note: 'came late' },
          { userId: outsider.user.id, status: 'attended', note: '' },
        ],
        'import',
      ),
    );
    expect(result).toEqual({ recorded: [outsider.user.id], updated: [absentee.user.id] });
    const rows = (
      await manager.get(`/api/v1/training-sessions/${session.id}/attendance`)
    ).json<Items>();
    expect(rows.items.map((a) => [a.user.name, a.status, a.source])).toEqual([
      ['Absentee', 'attended', 'import'],
      ['Member', 'attended', 'trainer'],
      ['Outsider', 'attended', 'import'],
    ]);
  });

  it('lets a unit head record only their members, never themself', async () => {
    const url = `/api/v1/training-sessions/${session.id}/attendance`;
    const ok = await head.post(url, { entries: [{ userId: member.user.id, note: 'on time' }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<Items>().items[0]).toMatchObject({
      source: 'manager',
      note: 'on time',
      version: 2,
    });
    expect((await head.post(url, { entries: [{ userId: outsider.user.id }] })).statusCode).toBe(
      403,
    );
    expect((await head.post(url, { entries: [{ userId: head.user.id }] })).statusCode).toBe(403);
  });

  it('shows attendance within reach: the trainer all of the session, staff their own', async () => {
    const url = `/api/v1/training-sessions/${session.id}/attendance`;
    expect((await trainer.get(url)).json<Items>().items).toHaveLength(3);
    expect((await member.get(url)).json<Items>().items.map((a) => a.user.name)).toEqual(['Member']);
    expect((await head.get(url)).json<Items>().items.map((a) => a.user.name)).toEqual([
      'Absentee',
      'Member',
    ]);
    const all = await manager.get(`/api/v1/training-attendance?courseId=${courseId}`);
    expect(all.json().items).toHaveLength(3);
    const own = await outsider.get('/api/v1/training-attendance');
    expect(own.json().items.map((a: TrainingAttendance) => a.user.name)).toEqual(['Outsider']);
    const one = await auditor.get(`/api/v1/training-attendance?userId=${member.user.id}&limit=1`);
    expect(one.json().items.map((a: TrainingAttendance) => a.user.name)).toEqual(['Member']);
  });

  it('takes a supervisor evaluation from the head or manager, never of oneself', async () => {
    const rows = (
      await manager.get(`/api/v1/training-sessions/${session.id}/attendance`)
    ).json<Items>();
    const of = (name: string) => rows.items.find((a) => a.user.name === name)!;
    const memberRow = of('Member');
    const url = (a: TrainingAttendance) => `/api/v1/training-attendance/${a.id}/evaluation`;
    expect((await head.post(url(memberRow), { result: 'effective' })).statusCode).toBe(428);
    expect(
      (await trainer.post(url(memberRow), { result: 'effective' }, ifMatch(2))).statusCode,
    ).toBe(404);
    // The head does not reach the outsider: not even readable.
    expect(
      (await head.post(url(of('Outsider')), { result: 'effective' }, ifMatch(1))).statusCode,
    ).toBe(404);
    // A unit head reads their own row but does not evaluate it.
    const own = await manager.post(`/api/v1/training-sessions/${session.id}/attendance`, {
      entries: [{ userId: head.user.id }],
    });
    const headRow = own.json<Items>().items[0]!;
    expect((await head.post(url(headRow), { result: 'effective' }, ifMatch(1))).statusCode).toBe(
      403,
    );
    const done = await head.post(
      url(memberRow),
      { result: 'effective', note: '手順どおり' },
      ifMatch(2),
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      evaluationResult: 'effective',
      evaluatedBy: { id: head.user.id },
      evaluatedOn: today(),
      evaluationNote: '手順どおり',
      version: 3,
    });
    // The manager attended too: nobody evaluates their own training.
    const recorded = await manager.post(`/api/v1/training-sessions/${session.id}/attendance`, {
      entries: [{ userId: manager.user.id }],
    });
    const managerRow = recorded.json<Items>().items[0]!;
    const self = await manager.post(url(managerRow), { result: 'effective' }, ifMatch(1));
    expect(self.statusCode).toBe(422);
    expect(self.json().errors[0]).toMatchObject({ code: 'training_evaluation_self' });
    const future = await manager.post(
      url(of('Outsider')),
      { result: 'effective', evaluatedOn: '2999-01-01' },
      ifMatch(1),
    );
    expect(future.json().errors[0]).toMatchObject({ field: 'evaluatedOn' });
  });

  it('removes a record (manager over everyone) and refuses a cancelled session', async () => {
    const rows = (
      await manager.get(`/api/v1/training-attendance?userId=${outsider.user.id}`)
    ).json<Items>();
    const row = rows.items[0]!;
    const url = `/api/v1/training-attendance/${row.id}`;
    expect((await head.delete(url, ifMatch(row.version))).statusCode).toBe(403);
    expect((await manager.delete(url)).statusCode).toBe(428);
    expect((await manager.delete(url, ifMatch(row.version))).statusCode).toBe(204);
    expect((await manager.delete(url, ifMatch(row.version))).statusCode).toBe(404);
    const cancelled = await manager.patch(
      `/api/v1/training-sessions/${session.id}`,
      { status: 'cancelled' },
      ifMatch(2),
    );
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const refused = await trainer.post(`/api/v1/training-sessions/${session.id}/attendance`, {
      entries: [{ userId: member.user.id }],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({
      field: 'sessionId',
      code: 'training_session_cancelled',
    });
  });
});
