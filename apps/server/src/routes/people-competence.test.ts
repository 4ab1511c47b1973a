import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CompetenceGap, CompetenceRequirement, JobDefinition } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { createOrgUnit } from '../testing/isms.ts';
import {
  assignRole,
  createJob,
  ifMatch,
  insertCourse,
  insertRole,
  isoDaysFromNow,
  placeInUnit,
} from './people-competence.fixtures.ts';

describeEachDatabase('job definitions, competence requirements and gaps', (ctx) => {
  let app: App;
  let admin: Client; // set-up administrator (also ISMS manager): creates the users
  let administrator: Client; // administrator only: reads people, manages nothing
  let manager: Client; // ISMS manager: people:manage 'all'
  let head: Client; // staff who heads the unit of `member`
  let member: Client;
  let outsider: Client; // staff in no unit the head heads
  let auditor: Client;
  let org: string;
  let roleId: string;

  const gapsOf = async (as: Client, query = '', limit = 200) => {
    const res = await as.get(`/api/v1/competence-gaps?limit=${limit}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: CompetenceGap[]; nextCursor: string | null }>();
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    org = admin.organization.id;
    manager = await createUserAndLogin(admin, { roles: ['isms_manager'], displayName: 'Mana' });
    administrator = await createUserAndLogin(admin, { roles: ['admin'], displayName: 'Ada' });
    head = await createUserAndLogin(admin, { roles: ['staff'], displayName: 'Hiro Head' });
    member = await createUserAndLogin(admin, { roles: ['staff'], displayName: 'Mei Member' });
    outsider = await createUserAndLogin(admin, { roles: ['staff'], displayName: 'Otto' });
    auditor = await createUserAndLogin(admin, { roles: ['external_auditor'] });
    const unit = await createOrgUnit(admin, { managerUserId: head.user.id });
    await placeInUnit(admin, head.user.id, unit.id);
    await placeInUnit(admin, member.user.id, unit.id);
    roleId = (await insertRole(app, org)).id;
    // Another organization's job and requirement: the lists below must not show them.
    const { admin: adminB } = await addOrganization(app);
    const managerB = await createUserAndLogin(adminB, { roles: ['isms_manager'] });
    await createJob(managerB, { code: 'B-ONLY', name: 'Job of B' });
  });
  afterAll(() => app.close());

  it('defines jobs with security responsibilities; codes are unique; edits take If-Match', async () => {
    const job = await createJob(manager, { code: 'OPS', securityResponsibilitiesEn: 'Reviews' });
    const dup = await manager.post('/api/v1/job-definitions', { code: 'OPS', name: 'x' });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().errors).toEqual([
      expect.objectContaining({ field: 'code', code: 'code_taken' }),
    ]);
    const url = `/api/v1/job-definitions/${job.id}`;
    expect((await manager.patch(url, { name: '運用' })).statusCode).toBe(428);
    expect((await manager.patch(url, { name: '運用' }, ifMatch(9))).statusCode).toBe(412);
    const renamed = await manager.patch(url, { name: '運用', active: true }, ifMatch(1));
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.headers.etag).toBe('"2"');
    expect(renamed.json<JobDefinition>()).toMatchObject({
      code: 'OPS',
      name: '運用',
      securityResponsibilities: 'アクセス権の定期確認',
      securityResponsibilitiesEn: 'Reviews',
      peopleCount: 0,
      requirementCount: 0,
    });
    const list = await member.get('/api/v1/job-definitions');
    expect(list.statusCode).toBe(200);
    const codes = list.json<{ items: JobDefinition[] }>().items.map((j) => j.code);
    expect(codes).toContain('OPS');
    expect(codes).not.toContain('B-ONLY');
  });

  it('lets only the organization-wide people manager change jobs and requirements', async () => {
    const body = { code: 'NOPE', name: 'x' };
    for (const as of [administrator, head, member]) {
      const res = await as.post('/api/v1/job-definitions', body);
      expect(res.statusCode).toBe(403);
    }
    const req = { roleId, kind: 'skill', name: 'x' };
    expect((await head.post('/api/v1/competence-requirements', req)).statusCode).toBe(403);
    expect((await auditor.post('/api/v1/competence-requirements', req)).statusCode).toBe(403);
    expect((await auditor.get('/api/v1/competence-requirements')).statusCode).toBe(200);
  });

  it('sets requirements per role or job; training names an active course of the organization', async () => {
    const job = await createJob(manager);
    const course = await insertCourse(app, org);
    const retired = await insertCourse(app, org, false);
    const post = (body: Record<string, unknown>) =>
      manager.post('/api/v1/competence-requirements', body);
    // Neither or both targets, or a training without a course: refused at the edge.
    expect((await post({ kind: 'skill', name: 'x' })).statusCode).toBe(400);
    expect((await post({ roleId, jobId: job.id, kind: 'skill', name: 'x' })).statusCode).toBe(400);
    expect((await post({ roleId, kind: 'training', name: 'x' })).statusCode).toBe(400);
    const inactive = await post({ roleId, kind: 'training', name: 'x', courseId: retired.id });
    expect(inactive.statusCode).toBe(422);
    expect(inactive.json().errors[0]).toMatchObject({
      field: 'courseId',
      code: 'requirement_course_inactive',
    });
    const unknownRole = await post({ roleId: job.id, kind: 'skill', name: 'x' });
    expect(unknownRole.json().errors[0]).toMatchObject({ field: 'roleId' });

    const training = await post({
      roleId,
      kind: 'training',
      name: '監査員研修',
      courseId: course.id,
    });
    expect(training.statusCode, training.body).toBe(201);
    expect(training.json<CompetenceRequirement>()).toMatchObject({
      role: { id: roleId, name: '内部監査責任者' },
      job: null,
      kind: 'training',
      course: { id: course.id, code: `TC-${String(course.number).padStart(4, '0')}` },
    });
    const skill = await post({
      jobId: job.id,
      kind: 'skill',
      name: 'Linux運用',
      renewalMonths: 24,
    });
    expect(skill.statusCode, skill.body).toBe(201);
    const byRole = await member.get(`/api/v1/competence-requirements?roleId=${roleId}`);
    expect(byRole.json().items.map((r: CompetenceRequirement) => r.name)).toEqual(['監査員研修']);
    const byJob = await member.get(`/api/v1/competence-requirements?jobId=${job.id}`);
    expect(byJob.json().items.map((r: CompetenceRequirement) => r.name)).toEqual(['Linux運用']);
    const jobs = (await member.get('/api/v1/job-definitions')).json<{ items: JobDefinition[] }>();
    expect(jobs.items.find((j) => j.id === job.id)?.requirementCount).toBe(1);

    // Turning the training into a qualification drops its course; back needs a course.
    const id = training.json<CompetenceRequirement>().id;
    const url = `/api/v1/competence-requirements/${id}`;
    const changed = await manager.patch(url, { kind: 'qualification' }, ifMatch(1));
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ kind: 'qualification', course: null });
    const back = await manager.patch(url, { kind: 'training' }, ifMatch(2));
    expect(back.statusCode).toBe(422);
    expect(back.json().errors[0].field).toBe('courseId');
    expect((await manager.delete(url)).statusCode).toBe(428);
    expect((await manager.delete(url, ifMatch(1))).statusCode).toBe(412);
    expect((await manager.delete(url, ifMatch(2))).statusCode).toBe(204);
    expect((await manager.get(url)).statusCode).toBe(404);
  });

  it('lists gaps by person, paged, filtered by status and unit, within reach', async () => {
    const role = await insertRole(app, org, '推進委員');
    const make = await manager.post('/api/v1/competence-requirements', {
      roleId: role.id,
      kind: 'qualification',
      name: '情報処理安全確保支援士',
    });
    expect(make.statusCode, make.body).toBe(201);
    const requirementId = make.json<CompetenceRequirement>().id;
    for (const who of [member, outsider, head]) await assignRole(app, org, role.id, who.user.id);
    // The head's own qualification expires within the warning days: 'expiring', not missing.
    const cert = await manager.post(`/api/v1/people/${head.user.id}/competences`, {
      kind: 'certificate',
      name: '情報処理安全確保支援士',
      requirementId,
      obtainedOn: isoDaysFromNow(-300),
      expiresOn: isoDaysFromNow(30),
    });
    expect(cert.statusCode, cert.body).toBe(201);

    const all = (await gapsOf(manager)).items.filter((g) => g.requirement.id === requirementId);
    expect(all.map((g) => [g.user.name, g.status])).toEqual([
      ['Hiro Head', 'expiring'],
      ['Mei Member', 'missing'],
      ['Otto', 'missing'],
    ]);
    expect(all[0]).toMatchObject({
      source: { kind: 'role', code: role.code, name: '推進委員' },
      requirement: { kind: 'qualification', name: '情報処理安全確保支援士' },
      dueOn: isoDaysFromNow(30),
    });
    expect(all[1]!.unit).not.toBeNull();
    const missing = (await gapsOf(manager, '&status=missing')).items;
    expect(missing.every((g) => g.status === 'missing')).toBe(true);
    const inUnit = (await gapsOf(manager, `&unitId=${all[1]!.unit!.id}`)).items;
    expect(new Set(inUnit.map((g) => g.user.name))).toEqual(new Set(['Hiro Head', 'Mei Member']));

    // Pages of one follow each other without repeats.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: CompetenceGap[]; nextCursor: string | null } = await gapsOf(
        manager,
        `&status=missing${cursor ? `&cursor=${cursor}` : ''}`,
        1,
      );
      seen.push(...page.items.map((g) => `${g.user.id}/${g.requirement.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(missing.length);
    expect(new Set(seen).size).toBe(seen.length);

    // 'own' reach: oneself, and a head the members of their unit.
    const ofHead = (await gapsOf(head)).items.map((g) => g.user.name);
    expect(new Set(ofHead)).toEqual(new Set(['Hiro Head', 'Mei Member']));
    const ofOutsider = (await gapsOf(outsider)).items.map((g) => g.user.name);
    expect(new Set(ofOutsider)).toEqual(new Set(['Otto']));
    const foreign = await gapsOf(outsider, `&userId=${member.user.id}`);
    expect(foreign.items).toEqual([]);
    expect((await gapsOf(auditor)).items.length).toBeGreaterThanOrEqual(3);
  });
});
