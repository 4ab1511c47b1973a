import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ConformityItem, ConformityReport } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { addOrganization, login, setupOrganization, type Client } from '../testing/identity.ts';
import {
  auditPeople,
  daysFrom,
  seedApprovedProgramme,
  seedAudit,
} from './audits-reports.fixtures.ts';

/** The rules of 4.2.3.d and 6.4.a–d over audits laid down in the database. */
describeEachDatabase('internal audit conformity', (ctx) => {
  let app: App;
  let admin: Client;
  let people: Awaited<ReturnType<typeof auditPeople>>;

  const items = async (client = admin) => {
    const res = await client.get('/api/v1/conformity');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<ConformityReport>();
    const of = (id: string) => report.items.find((i) => i.id === id)!;
    return { of, gaps: (id: string) => of(id).links.filter((l) => l.kind === 'gap') };
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    people = await auditPeople(admin);
  }, 120_000);
  afterAll(() => app.close());

  it('judges nothing audited without a programme', async () => {
    const { of } = await items();
    for (const id of ['4.2.3.d', '6.4.a', '6.4.b', '6.4.c', '6.4.d']) {
      expect(of(id)).toMatchObject({
        status: 'not_met',
        links: [{ href: '/internal-audits/programme', kind: 'gap' }],
      });
    }
  });

  it('names the audit, finding, clause and conflict at fault once a cycle runs', async () => {
    const org = admin.organization.id;
    const programmeId = await seedApprovedProgramme(app, org, admin.user.id);
    // The head of the auditee unit sits on the team: a conflict of independence.
    const audit = await seedAudit(app, org, {
      programmeId,
      leadId: people.lead.user.id,
      memberIds: [people.head.user.id],
      unitIds: [people.unit.id],
      lines: [
        { kind: 'requirement', refId: '6.4.a', result: 'conform' },
        { kind: 'control', refId: '9.4.1', result: 'minor_nc' },
      ],
      findings: [
        { kind: 'minor_nc', controlId: '9.4.1', description: '期限切れ', dueDate: daysFrom(-2) },
        {
          kind: 'observation',
          controlId: '9.4.1',
          description: '検証済み',
          dueDate: daysFrom(-2),
          status: 'verified',
        },
      ],
    });
    // Planned without naming the programme: it still belongs to the programme's fiscal year.
    const late = await seedAudit(app, org, {
      leadId: people.lead.user.id,
      unitIds: [people.unit.id],
      plannedStart: daysFrom(-30),
      plannedEnd: daysFrom(-20),
      lines: [],
    });
    const before = await items();
    expect(before.of('6.4.a').data.unauditedIds).toContain('6.4.a');

    const lead = await login(app, people.lead.email, people.lead.password);
    const approved = await lead.post(`/api/v1/audits/${audit.id}/report/approve`, undefined, {
      headers: { 'if-match': '"0"' },
    });
    expect(approved.statusCode, approved.body).toBe(200);

    const { of, gaps } = await items();
    const d: ConformityItem = of('4.2.3.d');
    expect(d.status).toBe('partly_met');
    expect(d.data).toMatchObject({ programmeAudits: 2, unreportedAudits: 1 });
    expect(gaps('4.2.3.d').map((l) => l.href)).toEqual([`/internal-audits/${late.id}`]);

    const a = of('6.4.a');
    expect(a.status).toBe('partly_met');
    expect(a.data.unauditedIds).not.toContain('6.4.a');
    expect(a.data.unauditedIds).toContain('6.4.b');
    expect(gaps('6.4.a')[0]).toMatchObject({
      href: '/internal-audits/programme',
      label: { ja: '未監査: 第4 1.', en: 'Not audited: 4.1' },
    });

    // No approved statement of applicability: no applicable control to cover.
    expect(gaps('6.4.b').map((l) => l.href)).toEqual(['/statement-of-applicability']);

    expect(of('6.4.c').status).toBe('partly_met');
    expect(gaps('6.4.c').map((l) => l.href)).toEqual([
      `/internal-audits/${late.id}`,
      `/internal-audits/${audit.id}?tab=findings&finding=${audit.findingIds[0]}`,
    ]);

    expect(of('6.4.d').status).toBe('partly_met');
    expect(gaps('6.4.d')).toEqual([
      expect.objectContaining({
        href: `/internal-audits/${audit.id}`,
      }),
    ]);
  });

  it('keeps organizations apart: B sees none of A’s audits', async () => {
    const { admin: adminB } = await addOrganization(app);
    const { of } = await items(adminB);
    expect(of('4.2.3.d')).toMatchObject({ status: 'not_met' });
    expect(of('6.4.d').data.conflicts).toBe(0);
  });
});
