import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MyTraining, TrainingAttendance } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describeEachDatabase('My training and self-recorded attendance', (ctx) => {
  let app: App;
  let manager: Client;
  let staff: Client;
  let trainer: Client;
  let auditor: Client;
  let courseId: string;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    staff = await createUserAndLogin(manager, { roles: ['staff'] });
    trainer = await createUserAndLogin(manager, { roles: ['staff'], displayName: 'Trainer' });
    auditor = await createUserAndLogin(manager, { roles: ['external_auditor'] });
    const course = await manager.post('/api/v1/training-courses', {
      title: 'Security awareness',
      kind: 'awareness',
    });
    courseId = course.json().id;
    const session = await manager.post('/api/v1/training-sessions', {
      courseId,
      heldOn: daysAgo(-7),
      trainerUserId: trainer.user.id,
    });
    expect(session.statusCode, session.body).toBe(201);
  });
  afterAll(() => app.close());

  it('lists the courses one must take, then records one taken on one’s own', async () => {
    let mine = (await staff.get('/api/v1/my-training')).json<MyTraining>();
    expect(mine.courses.map((c) => [c.course.code, c.status, c.dueOn])).toEqual([
      ['TC-0001', 'not_started', null],
    ]);
    expect(mine.attendance).toEqual([]);
    const future = await staff.post('/api/v1/training-attendance/self', {
      courseId,
      attendedOn: daysAgo(-1),
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0]).toMatchObject({ field: 'attendedOn' });
    const unknown = await staff.post('/api/v1/training-attendance/self', {
      courseId: '00000000-0000-4000-8000-000000000000',
      attendedOn: daysAgo(1),
    });
    expect(unknown.json().errors[0]).toMatchObject({ field: 'courseId' });
    const res = await staff.post('/api/v1/training-attendance/self', {
      courseId,
      attendedOn: daysAgo(10),
      note: '外部セミナー',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<TrainingAttendance>()).toMatchObject({
      source: 'self',
      sessionId: null,
      user: { id: staff.user.id },
      recordedBy: { id: staff.user.id },
      note: '外部セミナー',
    });
    mine = (await staff.get('/api/v1/my-training')).json<MyTraining>();
    const year = new Date(Date.now() - 10 * 86_400_000);
    year.setUTCMonth(year.getUTCMonth() + 12);
    expect(mine.courses[0]).toMatchObject({
      status: 'completed',
      completedOn: daysAgo(10),
      dueOn: year.toISOString().slice(0, 10),
    });
    expect(mine.attendance).toHaveLength(1);
    // Nobody else's attendance shows in one's own page.
    expect((await trainer.get('/api/v1/my-training')).json<MyTraining>().attendance).toEqual([]);
  });

  it('shows a trainer the sessions they still have to record', async () => {
    const mine = (await trainer.get('/api/v1/my-training')).json<MyTraining>();
    expect(mine.sessionsToRecord.map((s) => [s.code, s.recordable])).toEqual([['TS-0001', true]]);
    expect((await staff.get('/api/v1/my-training')).json<MyTraining>().sessionsToRecord).toEqual(
      [],
    );
  });

  it('is for people who take training only', async () => {
    expect((await auditor.get('/api/v1/my-training')).statusCode).toBe(403);
    expect(
      (
        await auditor.post('/api/v1/training-attendance/self', {
          courseId,
          attendedOn: daysAgo(1),
        })
      ).statusCode,
    ).toBe(403);
  });
});
