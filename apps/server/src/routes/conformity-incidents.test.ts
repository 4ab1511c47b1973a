import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { ConformityItem, ConformityReport } from '@mamoru/contracts';
import { schema } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { ago, keepRecord, seedIncidents } from './conformity-incidents.fixtures.ts';

// Setting up a database can take long when other suites share the machine (a limit, not a measurement).
vi.setConfig({ hookTimeout: 240_000, testTimeout: 120_000 });

const INCIDENT_ITEMS = ['4.2.2.g', '4.2.3.a.1', '4.2.3.a.2', '4.2.3.a.4', '4.2.3.f'];

/**
 * The incident and event log facts read from the tables (the areas' own
 * routes come from other branches): incidents in every state, their timeline,
 * a raised nonconformity, records, the response procedure and event log
 * entries inserted here; verdicts and links read through the conformity view.
 */
describeEachDatabase('conformity of incidents and the ISMS event log', (ctx) => {
  let app: App;
  let admin: Client;
  let id: Record<string, string> = {};

  const report = async (client: Client = admin) => {
    const res = await client.get('/api/v1/conformity');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ConformityReport>();
  };
  const item = (r: ConformityReport, itemId: string) => r.items.find((i) => i.id === itemId)!;
  const gaps = (i: ConformityItem) => i.links.filter((l) => l.kind === 'gap').map((l) => l.href);
  const at = (n: number) => `/incidents/${id[`i${n}`]}`;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
  });
  afterAll(() => app.close());

  it('before any incident, procedure or event entered by hand: the items are not met', async () => {
    const r = await report();
    for (const itemId of INCIDENT_ITEMS.slice(0, 4)) {
      expect(item(r, itemId).status, itemId).toBe('not_met');
      expect(item(r, itemId).guidance.text.en, itemId).not.toBe('');
    }
    expect(gaps(item(r, '4.2.2.g'))).toEqual(['/documents?type=procedure']);
    // Set-up may already have written automatic entries; none was entered by hand.
    expect(item(r, '4.2.3.f').status).not.toBe('met');
    expect(item(r, '4.2.3.f').data).toMatchObject({ enteredByHandLast12Months: 0 });
    expect(gaps(item(r, '4.2.3.f'))).toEqual(['/isms-events']);
    expect(item(r, '4.2.3.a.3').status).toBe('not_met');
  });

  it('reads incidents, their triage, recurrence actions and records into the rules', async () => {
    const db = app.database.db;
    const org = admin.organization.id;
    const handler = await createUserAndLogin(admin, { roles: ['staff'] });
    id = await seedIncidents(db, org, handler.user.id);
    await db.insert(schema.documents).values([
      {
        organizationId: org,
        code: 'PRC-IR',
        title: 'Incident response',
        type: 'procedure',
        status: 'issued',
        requirementIds: ['4.2.2.g'],
      },
      // A draft and a guideline do not count as the issued procedure.
      {
        organizationId: org,
        code: 'PRC-IR2',
        title: 'Incident response (draft)',
        type: 'procedure',
        requirementIds: ['4.2.2.g'],
      },
      {
        organizationId: org,
        code: 'GL-IR',
        title: 'Reporting guideline',
        type: 'guideline',
        status: 'issued',
        requirementIds: ['4.2.2.g'],
      },
    ]);

    const r = await report();
    const g = item(r, '4.2.2.g');
    expect(g.status).toBe('partly_met');
    expect(g.data).toMatchObject({
      procedures: ['PRC-IR'],
      incidentsRecorded: 7,
      reportsLast12Months: 6,
      triagedLast12Months: 4,
      waitingForTriagePastTarget: 1,
      openWithoutActivityFor30Days: 1,
    });
    expect(gaps(g)).toEqual([at(5), at(4)]);
    expect(g.links[0]).toMatchObject({ kind: 'evidence', href: '/documents?q=PRC-IR' });
    // Links name the reference and type, never a title (i4 is confidential).
    expect(g.links.find((l) => l.href === at(4))!.label).toEqual({
      ja: 'INC-0004（事件・事故の疑い）',
      en: 'INC-0004 (suspected incident)',
    });
    expect(g.links.find((l) => l.href === at(5))!.label.en).toBe('INC-0005 (near miss)');
    expect(JSON.stringify(r)).not.toContain('Named employee');

    const a1 = item(r, '4.2.3.a.1');
    expect(a1.status).toBe('met');
    expect(a1.data).toMatchObject({
      malfunctionsLast12Months: 1,
      monitoringToolReportsLast12Months: 1,
    });

    const a2 = item(r, '4.2.3.a.2');
    expect(a2.status).toBe('partly_met');
    expect(a2.data).toMatchObject({
      breachesLast12Months: 3,
      triageTargetHours: 8,
      triagedPastTarget: 1,
      waitingForTriagePastTarget: 1,
    });
    // i6 was triaged late too, but more than 12 months ago.
    expect(gaps(a2)).toEqual([at(5), at(3)]);

    const a4 = item(r, '4.2.3.a.4');
    expect(a4.status).toBe('partly_met');
    expect(a4.data).toEqual({
      closedIncidents: 3,
      closedWithNonconformityOrImprovement: 1,
      closedWithoutRecurrenceAction: 1,
    });
    expect(gaps(a4)).toEqual([at(3)]);

    const rec = item(r, '4.3.3');
    expect(rec.data).toMatchObject({ closedIncidents: 3, closedIncidentsWithoutRecord: 1 });
    expect(rec.status).toBe('partly_met');
    expect(gaps(rec)).toContain(at(2));
    expect(gaps(rec)).not.toContain(at(1));
    expect(rec.explanation.en).toContain('1 closed incident has no record kept.');
  });

  it('judges the event log by its entries of the year and those entered by hand', async () => {
    const db = app.database.db;
    const org = admin.organization.id;
    const entry = (source: 'auto' | 'manual', occurredAt: Date) => ({
      organizationId: org,
      occurredAt,
      source,
      category: 'organization',
      title: `${source} entry`,
    });
    const before = item(await report(), '4.2.3.f').data.eventLogEntriesLast12Months as number;
    // An old entry by hand is outside the 12 months.
    await db.insert(schema.ismsEvents).values([entry('auto', ago(30)), entry('manual', ago(500))]);
    const partly = item(await report(), '4.2.3.f');
    expect(partly.status).toBe('partly_met');
    expect(partly.data).toMatchObject({
      eventLogEntriesLast12Months: before + 1,
      enteredByHandLast12Months: 0,
    });
    expect(gaps(partly)).toEqual(['/isms-events']);

    await db.insert(schema.ismsEvents).values(entry('manual', ago(10)));
    const met = item(await report(), '4.2.3.f');
    expect(met.status).toBe('met');
    expect(met.data).toMatchObject({ enteredByHandLast12Months: 1 });
    const last = Date.parse(met.data.lastEnteredByHandAt as string);
    expect(Math.abs(last - ago(10).getTime())).toBeLessThan(120_000);
    expect(met.links).toContainEqual(
      expect.objectContaining({ kind: 'evidence', href: '/isms-events' }),
    );
  });

  it('closes gaps as the facts change: prevention decided, the record kept', async () => {
    const db = app.database.db;
    await db
      .update(schema.incidents)
      .set({ recurrencePrevention: 'Password vault for admin accounts' })
      .where(eq(schema.incidents.id, id.i3!));
    await keepRecord(db, admin.organization.id, id.rt!, id.i2!, 2);
    const r = await report();
    expect(item(r, '4.2.3.a.4').status).toBe('met');
    expect(gaps(item(r, '4.2.3.a.4'))).toEqual([]);
    const rec = item(r, '4.3.3');
    expect(rec.data).toMatchObject({ closedIncidentsWithoutRecord: 0 });
    expect(gaps(rec).filter((h) => h.startsWith('/incidents'))).toEqual([]);
  });

  it('keeps organizations apart', async () => {
    const { admin: other } = await addOrganization(app);
    const r = await report(other);
    for (const itemId of INCIDENT_ITEMS.slice(0, 4)) {
      expect(item(r, itemId).status, itemId).toBe('not_met');
    }
    expect(item(r, '4.2.2.g').data).toMatchObject({ procedures: [], incidentsRecorded: 0 });
    expect(item(r, '4.2.3.f').data).toMatchObject({ enteredByHandLast12Months: 0 });
    expect(item(r, '4.3.3').data).toMatchObject({ closedIncidents: 0 });
  });
});
