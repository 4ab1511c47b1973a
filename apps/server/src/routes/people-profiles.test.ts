import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  PersonAgreement,
  PersonCompetence,
  PersonProfile,
  PersonSummary,
} from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { attachFile, samples } from '../testing/files.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { createOrgUnit } from '../testing/isms.ts';
import {
  assignRole,
  createJob,
  ifMatch,
  insertRole,
  isoDaysFromNow,
  placeInUnit,
} from './people-competence.fixtures.ts';

describeEachDatabase('people, profiles, competences and agreements', (ctx) => {
  let app: App;
  let admin: Client; // set-up administrator and ISMS manager
  let head: Client; // staff who heads the unit of `member`
  let member: Client;
  let outsider: Client;
  let auditor: Client;
  let org: string;
  let unitId: string;
  let jobId: string;

  const peopleOf = async (as: Client, query = '') => {
    const res = await as.get(`/api/v1/people?limit=200${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: PersonSummary[]; nextCursor: string | null }>().items;
  };
  const profile = async (as: Client, userId: string) => {
    const res = await as.get(`/api/v1/people/${userId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PersonProfile>();
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    org = admin.organization.id;
    head = await createUserAndLogin(admin, { roles: ['staff'], displayName: 'Hiro Head' });
    member = await createUserAndLogin(admin, { roles: ['staff'], displayName: 'Mei Member' });
    outsider = await createUserAndLogin(admin, { roles: ['staff'], displayName: 'Otto' });
    auditor = await createUserAndLogin(admin, { roles: ['external_auditor'] });
    unitId = (await createOrgUnit(admin, { managerUserId: head.user.id })).id;
    await placeInUnit(admin, head.user.id, unitId);
    await placeInUnit(admin, member.user.id, unitId);
    jobId = (await createJob(admin, { code: 'DEV', name: '開発' })).id;
  });
  afterAll(() => app.close());

  it('makes the profile on its first edit (If-Match "0"), then versions it', async () => {
    const before = await profile(admin, member.user.id);
    expect(before).toMatchObject({ version: 0, job: null, education: '', editable: true });
    const url = `/api/v1/people/${member.user.id}`;
    const body = { jobId, education: '情報工学科 卒業', experience: 'Web開発 5年' };
    expect((await admin.patch(url, body)).statusCode).toBe(428);
    expect((await admin.patch(url, body, ifMatch(1))).statusCode).toBe(412);
    const made = await admin.patch(url, body, ifMatch(0));
    expect(made.statusCode, made.body).toBe(200);
    expect(made.headers.etag).toBe('"1"');
    expect(made.json<PersonProfile>()).toMatchObject({
      job: { id: jobId, code: 'DEV' },
      education: '情報工学科 卒業',
      experience: 'Web開発 5年',
      version: 1,
    });
    expect((await admin.patch(url, { notes: 'x' }, ifMatch(0))).statusCode).toBe(412);
    const edited = await admin.patch(url, { joinedOn: '2020-04-01' }, ifMatch(1));
    expect(edited.json()).toMatchObject({ joinedOn: '2020-04-01', education: '情報工学科 卒業' });
    const retired = await createJob(admin);
    await admin.patch(`/api/v1/job-definitions/${retired.id}`, { active: false }, ifMatch(1));
    const bad = await admin.patch(url, { jobId: retired.id }, ifMatch(2));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'jobId', code: 'reference_not_found' });
  });

  it('records competences with expiry and evidence files; removing one removes its files', async () => {
    const post = (body: Record<string, unknown>) =>
      admin.post(`/api/v1/people/${member.user.id}/competences`, body);
    const backwards = await post({
      kind: 'certificate',
      name: 'x',
      obtainedOn: '2025-01-01',
      expiresOn: '2024-01-01',
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors[0].field).toBe('expiresOn');
    const cert = await post({
      kind: 'certificate',
      name: 'AWS Certified Security',
      issuer: 'AWS',
      obtainedOn: isoDaysFromNow(-700),
      expiresOn: isoDaysFromNow(20),
    });
    expect(cert.statusCode, cert.body).toBe(201);
    const c = cert.json<PersonCompetence>();
    expect(c).toMatchObject({ expiry: 'expiring', fileCount: 0, userId: member.user.id });
    const file = await attachFile(
      admin,
      { type: 'person_competence', id: c.id },
      samples.pdf(),
      'c.pdf',
    );
    const renewed = await admin.patch(
      `/api/v1/person-competences/${c.id}`,
      { expiresOn: isoDaysFromNow(1000) },
      ifMatch(1),
    );
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json()).toMatchObject({ expiry: 'valid', fileCount: 1, issuer: 'AWS' });
    const skill = await post({ kind: 'skill', name: 'Linux' });
    expect(skill.json()).toMatchObject({ expiry: 'none' });
    const seen = await profile(member, member.user.id);
    expect(seen.editable).toBe(false);
    expect(seen.competences.map((x) => x.name)).toEqual(['AWS Certified Security', 'Linux']);

    const url = `/api/v1/person-competences/${c.id}`;
    expect((await admin.delete(url, ifMatch(1))).statusCode).toBe(412);
    expect((await admin.delete(url, ifMatch(2))).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/files/${file.id}`)).statusCode).toBe(404);
    expect((await profile(admin, member.user.id)).competences.map((x) => x.name)).toEqual([
      'Linux',
    ]);
  });

  it('records signed agreements with the signed copy', async () => {
    const post = (body: Record<string, unknown>) =>
      admin.post(`/api/v1/people/${member.user.id}/agreements`, body);
    const future = await post({ kind: 'confidentiality', signedOn: isoDaysFromNow(5) });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0]).toMatchObject({
      field: 'signedOn',
      code: 'agreement_signed_future',
    });
    const made = await post({ kind: 'confidentiality', signedOn: '2024-04-01', note: '入社時' });
    expect(made.statusCode, made.body).toBe(201);
    const a = made.json<PersonAgreement>();
    await attachFile(admin, { type: 'person_agreement', id: a.id }, samples.pdf(), 'nda.pdf');
    const changed = await admin.patch(
      `/api/v1/person-agreements/${a.id}`,
      { expiresOn: '2030-03-31' },
      ifMatch(1),
    );
    expect(changed.json()).toMatchObject({ note: '入社時', expiresOn: '2030-03-31', fileCount: 1 });
    const early = await admin.patch(
      `/api/v1/person-agreements/${a.id}`,
      { expiresOn: '2020-01-01' },
      ifMatch(2),
    );
    expect(early.json().errors[0].field).toBe('expiresOn');
    const terms = await post({ kind: 'employment_terms', signedOn: '2024-04-01' });
    const termsId = terms.json<PersonAgreement>().id;
    expect(
      (await admin.delete(`/api/v1/person-agreements/${termsId}`, ifMatch(1))).statusCode,
    ).toBe(204);
    expect((await profile(admin, member.user.id)).agreements.map((x) => x.kind)).toEqual([
      'confidentiality',
    ]);
  });

  it('lists people by name, filtered in SQL, with roles held, gaps and agreements', async () => {
    const role = await insertRole(app, org, '推進委員');
    await assignRole(app, org, role.id, member.user.id);
    const need = await admin.post('/api/v1/competence-requirements', {
      roleId: role.id,
      kind: 'qualification',
      name: '監査員資格',
    });
    expect(need.statusCode, need.body).toBe(201);
    const all = await peopleOf(admin);
    const mei = all.find((p) => p.user.id === member.user.id)!;
    expect(mei).toMatchObject({
      user: { name: 'Mei Member' },
      unit: { id: unitId },
      job: { code: 'DEV' },
      roleCodes: [role.code],
      gapCount: 1,
      confidentialitySigned: true,
    });
    expect(all.some((p) => p.user.id === auditor.user.id)).toBe(false);
    expect((await peopleOf(admin, '&q=mei')).map((p) => p.user.name)).toEqual(['Mei Member']);
    expect((await peopleOf(admin, `&unitId=${unitId}`)).map((p) => p.user.name)).toEqual([
      'Hiro Head',
      'Mei Member',
    ]);
    expect((await peopleOf(admin, `&roleId=${role.id}`)).map((p) => p.user.name)).toEqual([
      'Mei Member',
    ]);
    expect((await peopleOf(admin, '&gaps=true')).map((p) => p.user.name)).toEqual(['Mei Member']);
    const first = await admin.get('/api/v1/people?limit=2');
    const next = first.json().nextCursor as string;
    const second = await admin.get(`/api/v1/people?limit=2&cursor=${next}`);
    const names = [...first.json().items, ...second.json().items].map(
      (p: PersonSummary) => p.user.name,
    );
    expect(names).toEqual(all.slice(0, 4).map((p) => p.user.name));
    expect((await profile(admin, member.user.id)).roles[0]).toMatchObject({
      roleId: role.id,
      roleCode: role.code,
      kind: 'holder',
      current: true,
    });
  });

  it('gives a unit head their members, never their own record to manage', async () => {
    expect((await peopleOf(head)).map((p) => p.user.name)).toEqual(['Hiro Head', 'Mei Member']);
    expect((await peopleOf(outsider)).map((p) => p.user.name)).toEqual(['Otto']);
    expect((await profile(head, member.user.id)).editable).toBe(true);
    expect((await profile(head, head.user.id)).editable).toBe(false);
    expect((await outsider.get(`/api/v1/people/${member.user.id}`)).statusCode).toBe(404);

    const skill = { kind: 'skill', name: 'ネットワーク設計' };
    const forMember = await head.post(`/api/v1/people/${member.user.id}/competences`, skill);
    expect(forMember.statusCode, forMember.body).toBe(201);
    const own = await head.post(`/api/v1/people/${head.user.id}/competences`, skill);
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('forbidden_not_owner');
    const ownProfile = await profile(head, head.user.id);
    expect(
      (
        await head.patch(
          `/api/v1/people/${head.user.id}`,
          { notes: 'x' },
          ifMatch(ownProfile.version),
        )
      ).statusCode,
    ).toBe(403);
    const memberProfile = await profile(head, member.user.id);
    const byHead = await head.patch(
      `/api/v1/people/${member.user.id}`,
      { notes: '配属面談済み' },
      ifMatch(memberProfile.version),
    );
    expect(byHead.statusCode, byHead.body).toBe(200);
    // Staff outside the unit: the member is not visible (404), their own not theirs (403).
    const byOutsider = await outsider.post(`/api/v1/people/${member.user.id}/competences`, skill);
    expect(byOutsider.statusCode).toBe(404);
    const selfByStaff = await outsider.post(`/api/v1/people/${outsider.user.id}/agreements`, {
      kind: 'confidentiality',
      signedOn: '2024-04-01',
    });
    expect(selfByStaff.statusCode).toBe(403);
    // The head's change of a member's competence, and its evidence files.
    const c = forMember.json<PersonCompetence>();
    const upload = await attachFile(
      head,
      { type: 'person_competence', id: c.id },
      samples.pdf(),
      'n.pdf',
    );
    expect(upload.id).toBeTruthy();
    expect((await member.get(`/api/v1/files/${upload.id}`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/v1/files/${upload.id}`)).statusCode).toBe(404);
    expect((await outsider.delete(`/api/v1/files/${upload.id}`)).statusCode).toBe(404);
    expect((await member.delete(`/api/v1/files/${upload.id}`)).statusCode).toBe(403);
  });

  it('lets an external auditor read every profile and change none', async () => {
    expect((await peopleOf(auditor)).length).toBeGreaterThanOrEqual(4);
    const seen = await profile(auditor, member.user.id);
    expect(seen.editable).toBe(false);
    const res = await auditor.patch(
      `/api/v1/people/${member.user.id}`,
      { notes: 'x' },
      ifMatch(seen.version),
    );
    expect(res.statusCode).toBe(403);
    const add = await auditor.post(`/api/v1/people/${member.user.id}/competences`, {
      kind: 'skill',
      name: 'x',
    });
    expect(add.statusCode).toBe(403);
  });
});
