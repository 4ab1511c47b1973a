import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditReport } from '@mamoru/contracts';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { seedFindings } from '@mamoru/db/repositories/audits-seed';
import { buildTestApp, type App } from '../testing/app.ts';
import { addOrganization, login, setupOrganization, type Client } from '../testing/identity.ts';
import { auditPeople, seedAudit, type SeededAudit } from './audits-reports.fixtures.ts';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describeEachDatabase('audit reports', (ctx) => {
  let app: App;
  let admin: Client;
  let lead: Client;
  let member: Client;
  let head: Client;
  let auditee: Client;
  let outsider: Client;
  let external: Client;
  let manager: Client;
  let audit: SeededAudit;
  let unanswered: SeededAudit;
  let people: Awaited<ReturnType<typeof auditPeople>>;

  const url = (a: { id: string }, tail = '') => `/api/v1/audits/${a.id}/report${tail}`;
  const ifMatch = (v: number) => ({ headers: { 'if-match': `"${v}"` } });
  const read = async (c: Client, a = audit) => {
    const res = await c.get(url(a));
    expect(res.statusCode, res.body).toBe(200);
    return res.json<AuditReport>();
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    people = await auditPeople(admin);
    const as = (p: { email: string; password: string }) => login(app, p.email, p.password);
    lead = await as(people.lead);
    member = await as(people.member);
    head = await as(people.head);
    auditee = await as(people.auditee);
    outsider = await as(people.outsider);
    external = await as(people.external);
    manager = await as(people.manager);
    const org = admin.organization.id;
    audit = await seedAudit(app, org, {
      leadId: people.lead.user.id,
      memberIds: [people.member.user.id],
      unitIds: [people.unit.id],
      lines: [
        { kind: 'requirement', refId: '4.2.3.d', result: 'conform' },
        { kind: 'requirement', refId: '6.4.a', result: 'minor_nc', notes: '是正の期限が未設定' },
        { kind: 'control', refId: '9.4.1', result: 'observation' },
        { kind: 'custom', refId: null, result: 'conform' },
      ],
      findings: [
        { kind: 'minor_nc', requirementId: '6.4.a', description: '指摘の期限が定められていない' },
        { kind: 'observation', controlId: '9.4.1', description: '利用方針の周知が一部未完了' },
      ],
    });
    unanswered = await seedAudit(app, org, {
      leadId: people.lead.user.id,
      unitIds: [people.unit.id],
      lines: [
        { kind: 'requirement', refId: '6.4.a', result: 'conform' },
        { kind: 'requirement', refId: '6.4.b', result: null },
      ],
    });
  }, 120_000);
  afterAll(() => app.close());

  it('drafts the report from the audit: scope, team, results per clause and findings', async () => {
    const r = await read(lead);
    expect(r).toMatchObject({ status: 'draft', version: 0, summary: '', approvedBy: null });
    expect(r.can).toEqual({ edit: true, approve: true, acknowledge: false });
    const c = r.content;
    expect(c.audit.auditeeUnits).toEqual([{ id: people.unit.id, name: '情報システム部' }]);
    expect(c.team.map((m) => [m.name, m.role])).toEqual([
      ['Lead auditor', 'lead'],
      ['Member auditor', 'member'],
    ]);
    expect(c.clauses.map((cl) => [cl.displayId, cl.title.ja])).toEqual([
      ['第4 2.(3)', 'ISMSの監視及び見直し'],
      ['第6 4.', '内部監査'],
      ['9', 'アクセス制御'],
      ['', '追加の確認項目'],
    ]);
    expect(c.clauses[1]!.counts).toMatchObject({ minor_nc: 1, conform: 0 });
    expect(c.totals).toEqual({
      conform: 2,
      major_nc: 0,
      minor_nc: 1,
      observation: 1,
      ofi: 0,
      unanswered: 0,
    });
    expect(c.findings.map((f) => [f.number, f.kind, f.criterion?.displayId])).toEqual([
      [1, 'minor_nc', '第6 4. a'],
      [2, 'observation', '9(4)①'],
    ]);
    // A team member words the draft but cannot approve it.
    expect((await read(member)).can).toEqual({ edit: true, approve: false, acknowledge: false });
  });

  it('lets the team word the draft with If-Match; others are refused', async () => {
    const body = { summary: '監査は計画どおり実施した。', conclusion: '概ね適合している。' };
    const saved = await member.patch(url(audit), body, ifMatch(0));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.headers.etag).toBe('"1"');
    expect(saved.json<AuditReport>()).toMatchObject({ ...body, version: 1, status: 'draft' });
    expect((await member.patch(url(audit), { summary: 'x' }, ifMatch(0))).statusCode).toBe(412);
    expect((await member.patch(url(audit), { summary: 'x' })).statusCode).toBe(428);
    // The ISMS manager conducts only audits they are on; staff do not conduct at all.
    const notOnTeam = await manager.patch(url(audit), { summary: 'x' }, ifMatch(1));
    expect([notOnTeam.statusCode, notOnTeam.json().code]).toEqual([403, 'audit_report_team_only']);
    expect((await auditee.patch(url(audit), { summary: 'x' }, ifMatch(1))).statusCode).toBe(403);
  });

  it('is read by the team, auditees, the ISMS manager and external auditors only', async () => {
    for (const c of [member, auditee, head, manager, external]) await read(c);
    const refused = await outsider.get(url(audit));
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'forbidden_not_owner']);
  });

  it('refuses approval by anyone but the lead, and while lines have no result', async () => {
    const byMember = await member.post(url(audit, '/approve'), undefined, ifMatch(1));
    expect([byMember.statusCode, byMember.json().code]).toEqual([403, 'audit_report_lead_only']);
    const open = await lead.post(url(unanswered, '/approve'), undefined, ifMatch(0));
    expect(open.statusCode, open.body).toBe(422);
    expect(open.json().errors).toEqual([
      expect.objectContaining({ field: 'checklist', code: 'audit_report_unanswered' }),
    ]);
    const ack = await head.post(url(audit, '/acknowledge'), undefined, ifMatch(1));
    expect([ack.statusCode, ack.json().code]).toEqual([409, 'audit_report_draft']);
    expect((await lead.get(url(audit, '/export?format=pdf'))).statusCode).toBe(409);
  });

  it('approves by the lead auditor, freezing the content; later edits are refused', async () => {
    const res = await lead.post(url(audit, '/approve'), undefined, ifMatch(1));
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<AuditReport>();
    expect(r).toMatchObject({ status: 'approved', version: 2 });
    expect(r.approvedBy).toMatchObject({ id: people.lead.user.id, name: 'Lead auditor' });
    expect(r.can).toEqual({ edit: false, approve: false, acknowledge: false });
    const edit = await member.patch(url(audit), { summary: 'x' }, ifMatch(2));
    expect([edit.statusCode, edit.json().code]).toEqual([409, 'audit_report_frozen']);
    // Approval hands the findings on: the nonconformity to the register (the finding stays
    // open for the audit's follow-up), the observation to the improvement register.
    const handed = await queryRows<{ kind: string; status: string; nc: string | null }>(
      app.database.db,
      sql`select f.kind, f.status, n.source as nc from audit_findings f
        left join nonconformities n on n.id = f.nonconformity_id
        where f.audit_id = ${audit.id} order by f.number`,
    );
    expect(handed).toEqual([
      { kind: 'minor_nc', status: 'open', nc: 'internal_audit' },
      { kind: 'observation', status: 'transferred', nc: null },
    ]);
    const improvements = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from improvements i join audit_findings f
        on f.id = i.audit_finding_id where f.audit_id = ${audit.id}`,
    );
    expect(improvements).toEqual([{ n: 1 }]);
    // A finding added afterwards does not change the approved report.
    await seedFindings(app.database.db, [
      {
        organizationId: admin.organization.id,
        auditId: audit.id,
        number: 3,
        kind: 'ofi',
        description: '承認後に追加された指摘',
      },
    ]);
    expect((await read(head)).content).toEqual(r.content);
    expect((await read(head)).can.acknowledge).toBe(true);
    const trail = await admin.get(`/api/v1/audit/events?entityId=${audit.id}&limit=50`);
    expect(trail.statusCode, trail.body).toBe(200);
    const actions = trail.json<{ items: { action: string }[] }>().items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['audit_report.updated', 'audit_report.approved']),
    );
  });

  it('is acknowledged by the head of the auditee unit only, once', async () => {
    const byLead = await lead.post(url(audit, '/acknowledge'), undefined, ifMatch(2));
    expect([byLead.statusCode, byLead.json().code]).toEqual([403, 'audit_report_head_only']);
    const res = await head.post(url(audit, '/acknowledge'), undefined, ifMatch(2));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<AuditReport>()).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: { id: people.head.user.id, name: 'Head of unit' },
    });
    const again = await head.post(url(audit, '/acknowledge'), undefined, ifMatch(3));
    expect([again.statusCode, again.json().code]).toEqual([409, 'audit_report_acknowledged']);
  });

  it('exports the approved report as XLSX in English with results and findings', async () => {
    const res = await external.get(url(audit, '/export?format=xlsx&lang=en'));
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Cover', 'Results', 'Findings']);
    const findings = book.getWorksheet('Findings')!;
    expect(findings.getRow(2).values).toEqual(
      expect.arrayContaining([
        1,
        'Minor nonconformity',
        '6.4 a Conformity with this standard and the law',
      ]),
    );
    const results = book.getWorksheet('Results')!;
    const cells = results
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string');
    expect(cells).toEqual(expect.arrayContaining(['A.9.4.1', 'Observation', '4.2.3 d']));
  });

  it.skipIf(!hasPdftotext)(
    'exports the PDF in Japanese with the catalog clause titles (pdftotext)',
    async () => {
      const res = await auditee.get(url(audit, '/export?format=pdf&lang=ja'));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('application/pdf');
      const dir = mkdtempSync(join(tmpdir(), 'audit-report-'));
      writeFileSync(join(dir, 'r.pdf'), res.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], {
        encoding: 'utf8',
      });
      for (const title of [
        '内部監査報告書',
        'ISMSの監視及び見直し',
        '内部監査',
        '本基準及び法令への適合',
      ]) {
        expect(text).toContain(title);
      }
      expect(text).toContain('ネットワークサービスの利用方針');
      expect(text).toContain('監査は計画どおり実施した。');
    },
  );

  it('keeps organizations apart: B cannot read, word, approve, acknowledge or export A', async () => {
    const { admin: adminB } = await addOrganization(app);
    for (const [method, tail, body] of [
      ['GET', '', undefined],
      ['PATCH', '', { summary: 'B' }],
      ['POST', '/approve', undefined],
      ['POST', '/acknowledge', undefined],
      ['GET', '/export?format=pdf', undefined],
    ] as const) {
      const res = await adminB.request(method, url(unanswered, tail), {
        body,
        headers: { 'if-match': '"0"' },
      });
      expect([method, tail, res.statusCode]).toEqual([method, tail, 404]);
    }
    // B's own audit is invisible to A likewise.
    const auditB = await seedAudit(app, adminB.organization.id, {
      leadId: adminB.user.id,
      unitIds: [],
      lines: [{ kind: 'requirement', refId: '6.4.a', result: 'conform' }],
    });
    expect((await manager.get(url(auditB))).statusCode).toBe(404);
    expect((await lead.get(url(auditB))).statusCode).toBe(404);
  });
});
