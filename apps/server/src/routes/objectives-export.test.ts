import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Objective } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { pdfText } from '../testing/pdf.ts';

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describeEachDatabase('objectives PDF export', (ctx) => {
  let app: App;
  let admin: Client;
  let staff: Client;
  let auditor: Client;

  const create = async (as: Client, over: Record<string, unknown>) => {
    const res = await as.post('/api/v1/objectives', {
      metric: 'Share of staff who completed the yearly training',
      measureUnit: '%',
      direction: 'higher_is_better',
      baseline: 60,
      target: 100,
      startDate: day(-180),
      dueDate: day(180),
      frequency: 'monthly',
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Objective>();
  };
  const pdf = async (as: Client, lang: 'ja' | 'en') => {
    const res = await as.get('/api/v1/objectives/export.pdf', { query: { lang } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toContain('objectives.pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Long cells wrap in the layout; join the words again before looking for phrases.
    return pdfText(res.rawPayload).replace(/\s+/g, ' ');
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    auditor = await createUserAndLogin(admin, { roles: ['internal_auditor'] });
    const owner = await createUserAndLogin(admin, {
      roles: ['owner'],
      displayName: 'Hanako Sato',
    });
    const training = await create(admin, {
      title: 'Training completion',
      ownerId: owner.user.id,
      plan: 'E-learning in April with monthly reminders',
    });
    // Seven values, one a day: the PDF shows the five newest.
    for (let i = 1; i <= 7; i++) {
      const res = await admin.post(`/api/v1/objectives/${training.id}/measurements`, {
        measuredOn: day(i - 8),
        value: 60 + i * 3,
        note: `reading-${i}`,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    await create(admin, { title: 'Fewer phishing clicks', plan: '' });
    const { admin: adminB } = await addOrganization(app);
    await create(adminB, { title: 'Objective of B', plan: 'Plan of B' });
  });
  afterAll(() => app.close());

  it('prints each objective with owner, metric, target, due date, plan and latest values (en)', async () => {
    const text = await pdf(auditor, 'en');
    expect(text).toContain('Information security objectives');
    for (const phrase of [
      'OBJ-001 Training completion',
      'OBJ-002 Fewer phishing clicks',
      'Hanako Sato',
      'Share of staff who completed the yearly training',
      '60 %',
      '100 %',
      day(180),
      'Higher is better',
      'E-learning in April with monthly reminders',
      'Latest measurements',
      '81 %',
      'Not measured yet.',
      '(none written)',
    ]) {
      expect(text, phrase).toContain(phrase);
    }
    for (const i of [3, 4, 5, 6, 7]) expect(text).toContain(`reading-${i}`);
    for (const i of [1, 2]) expect(text).not.toContain(`reading-${i}`);
    // Another organization's objectives never reach this one's report.
    expect(text).not.toContain('Objective of B');
    expect(text).not.toContain('Plan of B');
  });

  it('prints the Japanese labels when asked in ja', async () => {
    const text = await pdf(admin, 'ja');
    for (const phrase of [
      '情報セキュリティ目標',
      '達成のための計画',
      '最新の測定値',
      '高いほど良い',
    ]) {
      expect(text, phrase).toContain(phrase);
    }
    expect(text).toContain('測定値はまだありません。');
    expect(text).not.toContain('Latest measurements');
  });

  it('refuses the export to those who may not read objectives', async () => {
    expect((await staff.get('/api/v1/objectives/export.pdf')).statusCode).toBe(403);
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/objectives/export.pdf' });
    expect(anonymous.statusCode).toBe(401);
  });
});
