import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Communication, Improvement } from '@mamoru/contracts';
import { schema } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';

const ifMatch = (r: { version: number }) => ({ headers: { 'if-match': `"${r.version}"` } });

describeEachDatabase('improvement register and communication log', (ctx) => {
  let app: App;
  let manager: Client; // admin + ISMS manager
  let staff: Client;
  let colleague: Client;
  let auditor: Client;

  const create = async (body: Record<string, unknown> = {}) => {
    const res = await manager.post('/api/v1/improvements', {
      source: 'audit',
      title: 'Automate the access review',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Improvement>();
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    staff = await createUserAndLogin(manager, { roles: ['staff'] });
    colleague = await createUserAndLogin(manager, { roles: ['staff'] });
    auditor = await createUserAndLogin(manager, { roles: ['internal_auditor'] });
  });
  afterAll(() => app.close());

  it('decides an improvement with its reason, then its owner records the implementation', async () => {
    const imp = await create({ ownerId: staff.user.id, dueDate: '2030-01-31' });
    expect(imp).toMatchObject({ code: `IMP-${String(imp.number).padStart(4, '0')}` });
    expect(imp).toMatchObject({ status: 'proposed', owner: { id: staff.user.id } });

    const early = await staff.post(
      `/api/v1/improvements/${imp.id}/implementation`,
      { implementation: 'Done' },
      ifMatch(imp),
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('improvement_not_accepted');

    const noReason = await manager.post(
      `/api/v1/improvements/${imp.id}/decision`,
      { decision: 'accepted' },
      ifMatch(imp),
    );
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors).toEqual([
      expect.objectContaining({ field: 'reason', code: 'decision_reason_required' }),
    ]);
    const accepted = await manager.post(
      `/api/v1/improvements/${imp.id}/decision`,
      { decision: 'accepted', reason: 'Saves two days a month' },
      ifMatch(imp),
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      decisionReason: 'Saves two days a month',
      decidedBy: { id: manager.user.id },
    });
    const stale = await manager.post(
      `/api/v1/improvements/${imp.id}/decision`,
      { decision: 'rejected', reason: 'Again' },
      ifMatch(imp),
    );
    expect(stale.statusCode).toBe(412);
    const again = await manager.post(
      `/api/v1/improvements/${imp.id}/decision`,
      { decision: 'rejected', reason: 'Again' },
      ifMatch(accepted.json()),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('improvement_already_decided');

    // Another staff member is not the owner: 'own' reach stops there.
    const notOwner = await colleague.post(
      `/api/v1/improvements/${imp.id}/implementation`,
      { implementation: 'Done by someone else' },
      ifMatch(accepted.json()),
    );
    expect(notOwner.statusCode).toBe(403);
    const done = await staff.post(
      `/api/v1/improvements/${imp.id}/implementation`,
      {
        implementation: 'Script runs monthly',
        evidence: [{ type: 'record', id: 'R-1', label: 'Run log' }],
      },
      ifMatch(accepted.json()),
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'implemented',
      implementation: 'Script runs monthly',
      evidence: [{ type: 'record', id: 'R-1', label: 'Run log' }],
    });
    expect(done.json().implementedAt).not.toBeNull();
    const edit = await manager.patch(
      `/api/v1/improvements/${imp.id}`,
      { title: 'Later' },
      ifMatch(done.json()),
    );
    expect(edit.statusCode).toBe(409);

    const trail = await manager.get('/api/v1/audit/events', {
      query: { entityType: 'improvement', entityId: imp.id },
    });
    expect(trail.statusCode, trail.body).toBe(200);
    expect(
      trail
        .json()
        .items.map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(['improvement.accepted', 'improvement.created', 'improvement.implemented']);
  });

  it('refuses an owner outside the organization by field', async () => {
    const res = await manager.post('/api/v1/improvements', {
      source: 'other',
      title: 'x',
      ownerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'ownerId', code: 'reference_not_found' }),
    ]);
  });

  it('takes suggestions and potential problems from any user', async () => {
    const idea = await staff.post('/api/v1/improvements/suggestions', {
      kind: 'improvement',
      title: 'Lock screens after five minutes',
    });
    expect(idea.statusCode, idea.body).toBe(201);
    expect(idea.json()).toMatchObject({
      kind: 'improvement',
      code: expect.stringMatching(/^IMP-/),
    });
    const problem = await staff.post('/api/v1/improvements/suggestions', {
      kind: 'potential_problem',
      title: 'Visitors walk in unescorted',
      description: 'Seen twice this week',
    });
    expect(problem.statusCode, problem.body).toBe(201);
    expect(problem.json()).toMatchObject({ code: expect.stringMatching(/^NC-\d{4}$/) });
    const [nc] = await app.database.db
      .select()
      .from(schema.nonconformities)
      .where(eq(schema.nonconformities.id, problem.json().id));
    expect(nc).toMatchObject({
      kind: 'potential',
      source: 'self_identified',
      status: 'reported',
      reportedBy: staff.user.id,
      title: 'Visitors walk in unescorted',
    });

    // Staff see what they suggested or own, not the others' ideas; the manager sees all.
    const mine = (await staff.get('/api/v1/improvements', { query: { limit: '200' } })).json();
    expect(mine.items.map((i: Improvement) => i.id)).toContain(idea.json().id);
    expect(
      mine.items.every(
        (i: Improvement) => i.suggestedBy?.id === staff.user.id || i.owner?.id === staff.user.id,
      ),
    ).toBe(true);
    const theirs = (await colleague.get('/api/v1/improvements')).json();
    expect(theirs.items.map((i: Improvement) => i.id)).not.toContain(idea.json().id);
    expect((await colleague.get(`/api/v1/improvements/${idea.json().id}`)).statusCode).toBe(403);
    const suggestions = await manager.get('/api/v1/improvements', {
      query: { source: 'suggestion', status: 'proposed' },
    });
    expect(suggestions.json().items.map((i: Improvement) => i.id)).toContain(idea.json().id);
    expect(suggestions.json().items.every((i: Improvement) => i.source === 'suggestion')).toBe(
      true,
    );
    // Auditors read, but do not manage.
    expect((await auditor.get(`/api/v1/improvements/${idea.json().id}`)).statusCode).toBe(200);
    const byAuditor = await auditor.post('/api/v1/improvements', { source: 'audit', title: 'x' });
    expect(byAuditor.statusCode).toBe(403);
  });

  it('lists accepted improvements past their due date as overdue', async () => {
    const late = await create({ title: 'Late one', dueDate: '2001-01-01' });
    const decided = await manager.post(
      `/api/v1/improvements/${late.id}/decision`,
      { decision: 'accepted', reason: 'Needed' },
      ifMatch(late),
    );
    expect(decided.statusCode).toBe(200);
    const onTime = await create({ title: 'Not yet due', dueDate: '2999-01-01' });
    const overdue = (
      await manager.get('/api/v1/improvements', { query: { overdue: 'true', limit: '200' } })
    ).json();
    const ids = overdue.items.map((i: Improvement) => i.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(onTime.id);
  });

  it('lists implemented improvements without evidence of their effect (evidence=none)', async () => {
    const implement = async (title: string, evidence: unknown[]) => {
      const imp = await create({ title });
      const accepted = await manager.post(
        `/api/v1/improvements/${imp.id}/decision`,
        { decision: 'accepted', reason: 'Worth it' },
        ifMatch(imp),
      );
      const done = await manager.post(
        `/api/v1/improvements/${imp.id}/implementation`,
        { implementation: 'Done', evidence },
        ifMatch(accepted.json()),
      );
      expect(done.statusCode, done.body).toBe(200);
      return imp.id;
    };
    const bare = await implement('Nothing to show', []);
    const shown = await implement('With a record', [{ type: 'record', id: 'R-9', label: 'Log' }]);
    const query = { status: 'implemented', evidence: 'none', limit: '200' };
    const ids = (await manager.get('/api/v1/improvements', { query }))
      .json()
      .items.map((i: Improvement) => i.id);
    expect(ids).toContain(bare);
    expect(ids).not.toContain(shown);
    const bad = await manager.get('/api/v1/improvements', { query: { evidence: 'some' } });
    expect(bad.statusCode).toBe(400);
  });

  it('logs communications with audience, channel, date, agreement and attachments', async () => {
    const imp = await create({ title: 'Share the lessons of the outage' });
    const unknown = await manager.post('/api/v1/improvement-communications', {
      improvementId: '00000000-0000-4000-8000-000000000000',
      audience: 'All staff',
      channel: 'email',
      communicatedOn: '2026-11-01',
      summary: 'Lessons',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toMatchObject({
      field: 'improvementId',
      code: 'reference_not_found',
    });
    const res = await manager.post('/api/v1/improvement-communications', {
      improvementId: imp.id,
      audience: 'Cloud provider',
      channel: 'meeting',
      communicatedOn: '2026-11-02',
      summary: 'Presented the corrective actions and the new backup schedule',
      attachments: [{ type: 'file', id: 'f-1', label: 'Minutes' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const log = res.json<Communication>();
    expect(log).toMatchObject({
      improvement: { id: imp.id, code: imp.code },
      agreement: 'pending',
      channel: 'meeting',
      attachments: [{ type: 'file', id: 'f-1', label: 'Minutes' }],
    });
    const agreed = await manager.patch(
      `/api/v1/improvement-communications/${log.id}`,
      { agreement: 'agreed', agreementNote: 'Signed minutes' },
      ifMatch(log),
    );
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json()).toMatchObject({ agreement: 'agreed', version: log.version + 1 });
    const stale = await manager.patch(
      `/api/v1/improvement-communications/${log.id}`,
      { agreement: 'objected' },
      ifMatch(log),
    );
    expect(stale.statusCode).toBe(412);
    const listed = await manager.get('/api/v1/improvement-communications', {
      query: { improvementId: imp.id },
    });
    expect(listed.json().items.map((c: Communication) => c.id)).toEqual([log.id]);
    expect((await staff.post('/api/v1/improvement-communications', {})).statusCode).toBe(403);
    // Staff did not record it: 'own' reach shows them only their own entries.
    expect((await staff.get(`/api/v1/improvement-communications/${log.id}`)).statusCode).toBe(403);
    expect((await auditor.get(`/api/v1/improvement-communications/${log.id}`)).statusCode).toBe(
      200,
    );
  });

  it('keeps the settings with If-Match, from the defaults (version 0)', async () => {
    const first = await manager.get('/api/v1/improvement-settings');
    expect(first.json()).toEqual({ levelJump: 2, reviewIntervalDays: 90, version: 0 });
    expect(first.headers.etag).toBe('"0"');
    const saved = await manager.put(
      '/api/v1/improvement-settings',
      { reviewIntervalDays: 60 },
      { headers: { 'if-match': '"0"' } },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ levelJump: 2, reviewIntervalDays: 60, version: 1 });
    const stale = await manager.put(
      '/api/v1/improvement-settings',
      { levelJump: 3 },
      { headers: { 'if-match': '"0"' } },
    );
    expect(stale.statusCode).toBe(412);
    const invalid = await manager.put(
      '/api/v1/improvement-settings',
      { levelJump: 0 },
      { headers: { 'if-match': '"1"' } },
    );
    expect(invalid.statusCode).toBe(400);
    const byStaff = await staff.put(
      '/api/v1/improvement-settings',
      { levelJump: 3 },
      { headers: { 'if-match': '"1"' } },
    );
    expect(byStaff.statusCode).toBe(403);
  });
});
