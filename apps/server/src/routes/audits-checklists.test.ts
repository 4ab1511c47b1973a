import { afterAll, beforeAll, expect, it } from 'vitest';
import { shippedLibrary, type Library } from '@mamoru/catalog';
import type { AuditFinding, Checklist, ChecklistLine } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { audits } from '@mamoru/domain';
import { buildTestApp, type App } from '../testing/app.ts';
import { attachFile, samples, uploadFile } from '../testing/files.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { createOrgUnit } from '../testing/isms.ts';
import {
  decideApplicable,
  eventCount,
  insertAudit,
  setAuditStatus,
  setUserUnit,
} from './audits-checklists.fixtures.ts';
import { createSoa, treatRisk } from './soa.fixtures.ts';

const APPLICABLE = ['9.1.1', '9.2.1', '9.2.2', '9.2.3', '3.1.1'];

describeEachDatabase('audit checklists and findings', (ctx) => {
  let app: App;
  let admin: Client; // admin + ISMS manager: plans audits, not on the team
  let lead: Client; // internal auditor, lead of the audit
  let member: Client; // internal auditor, member, also of the auditee unit (fixture only)
  let outsider: Client; // internal auditor, not on the team
  let auditee: Client; // staff of the auditee unit
  let bystander: Client; // staff of another unit
  let external: Client;
  let lib: Library;
  let unitId: string;
  let auditId: string;

  const url = (path = '') => `/api/v1/audits/${auditId}${path}`;
  const ifMatch = (v: number) => ({ headers: { 'if-match': `"${v}"` } });
  const checklist = async (client = lead) => {
    const res = await client.get(url('/checklist'));
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Checklist>();
  };
  const lineOf = async (refId: string) => (await checklist()).items.find((l) => l.refId === refId)!;
  const answer = (line: ChecklistLine, body: unknown, client = lead) =>
    client.put(url(`/checklist/lines/${line.id}/result`), body, ifMatch(line.version));

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app, { organizationName: '監査テスト株式会社' }));
    lib = (await shippedLibrary('jipdec-isms-2.0'))!;
    lead = await createUserAndLogin(admin, { roles: ['internal_auditor'] });
    member = await createUserAndLogin(admin, { roles: ['internal_auditor'] });
    outsider = await createUserAndLogin(admin, { roles: ['internal_auditor'] });
    auditee = await createUserAndLogin(admin, { roles: ['staff'] });
    bystander = await createUserAndLogin(admin, { roles: ['staff'] });
    external = await createUserAndLogin(admin, { roles: ['external_auditor'] });
    unitId = (await createOrgUnit(admin, { name: '情報システム部' })).id;
    const other = (await createOrgUnit(admin, { name: '営業部' })).id;
    const db = app.database.db;
    await setUserUnit(db, auditee.user.id, unitId);
    await setUserUnit(db, member.user.id, unitId);
    await setUserUnit(db, bystander.user.id, other);
    await createSoa(admin);
    await decideApplicable(db, admin.organization.id, APPLICABLE);
    auditId = (
      await insertAudit(db, admin.organization.id, {
        auditeeUnitIds: [unitId],
        requirementIds: ['6.4', '4.2.3.d'],
        controlIds: ['9.2', '9.1.1', '10'],
        leadAuditorId: lead.user.id,
        memberIds: [member.user.id],
      })
    ).id;
  });
  afterAll(() => app.close());

  it('generates one line per requirement item and applicable control in scope', async () => {
    const items = audits.requirementItemsInScope(lib, ['6.4', '4.2.3.d']);
    const controls = audits.applicableControlsInScope(
      lib,
      ['9.2', '9.1.1', '10'],
      new Set(APPLICABLE),
    );
    expect(controls.map((c) => c.id)).toEqual(['9.1.1', '9.2.1', '9.2.2', '9.2.3']);
    const res = await lead.post(url('/checklist/generate'));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ added: number; checklist: Checklist }>();
    expect(body.added).toBe(items.length + controls.length);
    expect(body.checklist.items).toHaveLength(items.length + controls.length);
    expect(body.checklist.items.map((l) => l.refId)).toEqual([
      ...items.map((i) => i.id),
      ...controls.map((c) => c.id),
    ]);
    const line = body.checklist.items.find((l) => l.refId === '6.4.a')!;
    expect(line.ref?.displayId).toEqual({ ja: '第6 4. a', en: '6.4 a' });
    expect(line.prompt.ja).toContain('第6 4. a');
    // Generating again adds nothing: every item has its line.
    const again = await lead.post(url('/checklist/generate'));
    expect(again.json().added).toBe(0);
    expect(
      await eventCount(app.database.db, admin.organization.id, 'audit_checklist.generated'),
    ).toBe(1);
  });

  it('references the organization’s own evidence from each line', async () => {
    const risk = await treatRisk(app.database.db, admin, ['9.2.1']);
    const doc = await admin.post('/api/v1/documents', {
      code: 'PR-ACCESS',
      title: 'アクセス管理手順',
      type: 'procedure',
      controlIds: ['9.2.1'],
      body: '手順',
    });
    expect(doc.statusCode, doc.body).toBe(201);
    const type = await admin.post('/api/v1/record-types', {
      code: 'ACCESS-REVIEW',
      name: { ja: 'アクセス権見直し記録' },
      retention: { value: 3, unit: 'years' },
    });
    const record = await admin.post('/api/v1/records', {
      typeId: type.json().id,
      title: '2026年度 アクセス権見直し',
      recordDate: '2026-04-10',
      links: [{ type: 'control', id: '9.2.1', label: '' }],
    });
    expect(record.statusCode, record.body).toBe(201);
    const refs = (await lineOf('9.2.1')).references;
    expect(refs.map((r) => r.type).sort()).toEqual(['document', 'record', 'risk', 'soa_entry']);
    expect(refs).toContainEqual(expect.objectContaining({ type: 'risk', id: risk.id }));
    expect(refs).toContainEqual(expect.objectContaining({ type: 'record', id: record.json().id }));
    expect((await lineOf('9.2.2')).references.map((r) => r.type)).toEqual(['soa_entry']);
  });

  it('lets the team add, reword, order and remove lines, with stale writes refused', async () => {
    const added = await member.post(url('/checklist/lines'), {
      promptJa: '入退室記録を抜き取りで確認する',
    });
    expect(added.statusCode, added.body).toBe(201);
    const line = added.json<ChecklistLine>();
    expect(line).toMatchObject({ kind: 'custom', refId: null, ref: null });
    expect(line.prompt.en).toBe(line.prompt.ja);
    const reworded = await lead.patch(
      url(`/checklist/lines/${line.id}`),
      { promptEn: 'Sample the entry logs' },
      ifMatch(line.version),
    );
    expect(reworded.statusCode, reworded.body).toBe(200);
    expect(reworded.json().prompt.en).toBe('Sample the entry logs');
    const stale = await lead.patch(
      url(`/checklist/lines/${line.id}`),
      { promptJa: 'x' },
      ifMatch(1),
    );
    expect(stale.statusCode).toBe(412);
    const ids = (await checklist()).items.map((l) => l.id);
    const reversed = [...ids].reverse();
    const ordered = await lead.put(url('/checklist/order'), { lineIds: reversed });
    expect(ordered.statusCode, ordered.body).toBe(200);
    expect(ordered.json<Checklist>().items.map((l) => l.id)).toEqual(reversed);
    const partial = await lead.put(url('/checklist/order'), { lineIds: reversed.slice(1) });
    expect(partial.statusCode).toBe(422);
    expect(partial.json().errors[0]).toMatchObject({
      field: 'lineIds',
      code: 'audit_checklist_order_incomplete',
    });
    const unknown = await lead.post(url('/checklist/lines'), {
      kind: 'control',
      refId: '99.9.9',
      promptJa: '存在しない',
    });
    expect(unknown.statusCode).toBe(422);
    expect((await lead.delete(url(`/checklist/lines/${line.id}`))).statusCode).toBe(204);
    expect((await checklist()).items.map((l) => l.id)).not.toContain(line.id);
  });

  it('keeps the checklist to the team and the audit’s parties', async () => {
    const refused = await outsider.post(url('/checklist/lines'), { promptJa: '追加' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('audit_not_on_team');
    // The ISMS manager shapes the checklist without being on the team…
    expect((await admin.post(url('/checklist/generate'))).statusCode).toBe(200);
    // …but only the team records results.
    await setAuditStatus(app.database.db, auditId, 'in_progress');
    const line = await lineOf('6.4.a');
    expect((await answer(line, { result: 'conform' }, admin)).json().code).toBe(
      'audit_not_on_team',
    );
    expect((await auditee.get(url('/checklist'))).statusCode).toBe(200);
    expect((await external.get(url('/checklist'))).statusCode).toBe(200);
    expect((await bystander.get(url('/checklist'))).statusCode).toBe(404);
    expect((await external.post(url('/checklist/generate'))).statusCode).toBe(403);
    expect((await auditee.put(url(`/checklist/lines/${line.id}/result`), {})).statusCode).toBe(403);
  });

  it('records results only while the audit is in progress', async () => {
    await setAuditStatus(app.database.db, auditId, 'planned');
    const line = await lineOf('6.4.b');
    const early = await answer(line, { result: 'conform' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('audit_not_in_progress');
    await setAuditStatus(app.database.db, auditId, 'in_progress');
    const res = await answer(line, { result: 'conform', notes: '内部監査規程を確認' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      result: 'conform',
      answeredBy: { id: lead.user.id },
      findingId: null,
    });
  });

  it('raises a finding from a nonconformity and withdraws it when the result changes', async () => {
    const line = await lineOf('9.2.1');
    const missing = await answer(line, { result: 'minor_nc' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0]).toMatchObject({
      field: 'finding.description',
      code: 'audit_finding_description_required',
    });
    const res = await answer(line, {
      result: 'minor_nc',
      notes: '退職者のアカウントが2件残っていた',
      evidence: [{ type: 'record', id: 'AR-1', label: '見直し記録' }],
      finding: { dueDate: '2026-05-31' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const findings = (await lead.get(url('/findings'))).json<{ items: AuditFinding[] }>().items;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      number: 1,
      kind: 'minor_nc',
      controlId: '9.2.1',
      requirementId: null,
      unit: { id: unitId, name: '情報システム部' },
      description: '退職者のアカウントが2件残っていた',
      dueDate: '2026-05-31',
      status: 'open',
      lineId: line.id,
    });
    expect(findings[0]!.evidence).toEqual([{ type: 'record', id: 'AR-1', label: '見直し記録' }]);
    // An observation on another line is finding 2; turning it to conform withdraws it.
    const other = await lineOf('9.2.2');
    const observed = await answer(other, { result: 'observation', notes: '手順の記載が古い' });
    expect(observed.statusCode, observed.body).toBe(200);
    const conform = await answer(observed.json<ChecklistLine>(), { result: 'conform' });
    expect(conform.json().findingId).toBeNull();
    const after = (await lead.get(url('/findings'))).json<{ items: AuditFinding[] }>().items;
    expect(after.map((f) => f.number)).toEqual([1]);
    const wrongUnit = await answer(await lineOf('9.2.3'), {
      result: 'ofi',
      notes: '改善の余地',
      finding: { unitId: (await createOrgUnit(admin)).id },
    });
    expect(wrongUnit.json().errors[0].code).toBe('audit_finding_unit_not_auditee');
  });

  it('has the auditee correct and another auditor of the team verify', async () => {
    const raised = await answer(await lineOf('6.4.c'), {
      result: 'major_nc',
      notes: '有効性の確認が行われていない',
    });
    expect(raised.statusCode, raised.body).toBe(200);
    const [first, second] = (await lead.get(url('/findings'))).json<{ items: AuditFinding[] }>()
      .items;
    const f = (id: string, path: string) => url(`/findings/${id}${path}`);
    const notYet = await member.post(f(first!.id, '/verification'), {}, ifMatch(first!.version));
    expect(notYet.json().code).toBe('audit_finding_not_corrected');
    expect(
      (await bystander.post(f(first!.id, '/correction'), { correction: 'x' }, ifMatch(1)))
        .statusCode,
    ).toBe(404);
    const corrected = await auditee.post(
      f(first!.id, '/correction'),
      { correction: 'アカウントを削除し、退職手続に削除を追加した' },
      ifMatch(first!.version),
    );
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({
      status: 'corrected',
      correctedBy: { id: auditee.user.id },
    });
    // A corrected finding's result no longer changes.
    const locked = await answer(await lineOf('9.2.1'), { result: 'conform' });
    expect(locked.json().code).toBe('audit_finding_progressed');
    const verified = await member.post(
      f(first!.id, '/verification'),
      { note: '削除を確認' },
      ifMatch(corrected.json().version),
    );
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({
      status: 'verified',
      verifiedBy: { id: member.user.id },
    });
    // Whoever corrected a finding never verifies it.
    const byMember = await member.post(
      f(second!.id, '/correction'),
      { correction: '有効性評価の手順を定めた' },
      ifMatch(second!.version),
    );
    expect(byMember.statusCode, byMember.body).toBe(200);
    const own = await member.post(
      f(second!.id, '/verification'),
      {},
      ifMatch(byMember.json().version),
    );
    expect(own.statusCode).toBe(422);
    expect(own.json().errors[0].code).toBe('audit_finding_verifier_is_corrector');
    const byLead = await lead.post(
      f(second!.id, '/verification'),
      {},
      ifMatch(byMember.json().version),
    );
    expect(byLead.statusCode, byLead.body).toBe(200);
    expect(await eventCount(app.database.db, admin.organization.id, 'audit_finding.verified')).toBe(
      2,
    );
  });

  it('lists findings across audits with filters, each reader seeing their own', async () => {
    const other = await insertAudit(app.database.db, admin.organization.id, {
      status: 'in_progress',
      requirementIds: ['5.1.a'],
      leadAuditorId: outsider.user.id,
    });
    const answerAs = async (client: Client, id: string) => {
      const lines = (await client.post(`/api/v1/audits/${id}/checklist/generate`)).json().checklist
        .items;
      const res = await client.put(
        `/api/v1/audits/${id}/checklist/lines/${lines[0].id}/result`,
        { result: 'observation', notes: '方針の周知が限定的', finding: { dueDate: '2020-01-31' } },
        ifMatch(lines[0].version),
      );
      expect(res.statusCode, res.body).toBe(200);
    };
    await answerAs(outsider, other.id);
    const list = async (client: Client, query = '') => {
      const res = await client.get(`/api/v1/audit-findings${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: AuditFinding[] }>().items;
    };
    expect(await list(admin)).toHaveLength(3);
    expect((await list(admin, '?status=verified')).map((f) => f.number)).toEqual([1, 2]);
    expect((await list(admin, '?kind=observation')).map((f) => f.audit.id)).toEqual([other.id]);
    expect((await list(admin, '?overdue=true')).map((f) => f.requirementId)).toEqual(['5.1.a']);
    expect((await list(admin, `?auditId=${auditId}&controlId=9.2.1`)).length).toBe(1);
    // Auditees see their unit's audits, the team its own; a bystander none.
    expect((await list(auditee)).map((f) => f.audit.id)).toEqual([auditId, auditId]);
    expect((await list(outsider)).length).toBe(3);
    expect(await list(bystander)).toEqual([]);
    const paged = await admin.get('/api/v1/audit-findings?limit=2');
    const next = await admin.get(
      `/api/v1/audit-findings?limit=2&cursor=${paged.json().nextCursor}`,
    );
    expect(next.json().items).toHaveLength(1);
  });

  it('stores evidence files of a line in the evidence store, for the team only', async () => {
    const line = await lineOf('6.4.d');
    const file = await attachFile(
      lead,
      { type: 'audit_checklist_line', id: line.id },
      samples.pdf(),
      'sample.pdf',
    );
    expect(file.owner).toEqual({ type: 'audit_checklist_line', id: line.id });
    const listed = await auditee.get(
      `/api/v1/files?ownerType=audit_checklist_line&ownerId=${line.id}`,
    );
    expect(listed.json().items.map((f: { id: string }) => f.id)).toEqual([file.id]);
    const refused = await uploadFile(
      outsider,
      { type: 'audit_checklist_line', id: line.id },
      samples.pdf(),
      'x.pdf',
    );
    expect(refused.statusCode).toBe(403);
  });
});
