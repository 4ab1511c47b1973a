import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '@mamoru/db/testing';
import { queryRows, schema } from '@mamoru/db';
import {
  clockDueSql,
  obligationsOf,
  overdueClocksSql,
  timeZoneSql,
} from '@mamoru/db/repositories/incidents-clocks';
import { insertOrganization } from '@mamoru/db/repositories/organizations';
import { deadlineOf } from './clocks.ts';

const { incidentObligations, incidents, incidentNotifications, incidentSettings } = schema;

/** The SQL deadline (lists, dashboard, rules) must agree with the domain's to the millisecond. */
describeEachDatabase('notification clocks in SQL', (ctx) => {
  const db = () => ctx.database.db;
  let org: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    org = (await insertOrganization(db(), { name: 'Clock Co', defaultLocale: 'ja' })).id;
    await db().insert(incidentSettings).values({ organizationId: org, timeZone: 'Asia/Tokyo' });
    const [days, hours] = await db()
      .insert(incidentObligations)
      .values([
        {
          organizationId: org,
          name: '確報',
          appliesToTypes: ['incident'],
          requiresPersonalData: true,
          deadlineDays: 30,
          deadlineDaysWrongfulIntent: 60,
        },
        { organizationId: org, name: '72h', appliesToTypes: ['incident'], deadlineHours: 72 },
      ])
      .returning();
    ids.days = days!.id;
    ids.hours = hours!.id;
    const rows = await db()
      .insert(incidents)
      .values([
        // 23:30 JST on 1 April and 00:30 JST on 2 April.
        {
          organizationId: org,
          number: 1,
          type: 'incident',
          title: 'a',
          personalData: true,
          discoveredAt: new Date('2026-04-01T14:30:00Z'),
        },
        {
          organizationId: org,
          number: 2,
          type: 'incident',
          title: 'b',
          personalData: true,
          discoveredAt: new Date('2026-04-01T15:30:00Z'),
          wrongfulIntent: true,
        },
        {
          organizationId: org,
          number: 3,
          type: 'weakness',
          title: 'c',
          personalData: true,
          discoveredAt: new Date('2026-04-01T15:30:00Z'),
        },
      ])
      .returning();
    rows.forEach((r) => (ids[r.title] = r.id));
    await db()
      .insert(incidentNotifications)
      .values({
        organizationId: org,
        incidentId: ids.a!,
        obligationId: ids.days!,
        recipient: 'PPC',
        sentAt: new Date('2026-04-20T00:00:00Z'),
      });
  });

  it('computes the same deadlines as the domain', async () => {
    const rows = await queryRows<{
      incident: string;
      obligation: string;
      due: string | Date | null;
    }>(
      db(),
      sql`select i.title as incident, o.name as obligation,
          ${clockDueSql(sql`i`, sql`o`, timeZoneSql(org))} as due
        from incidents i cross join incident_obligations o
        where i.organization_id = ${org} and o.organization_id = ${org}
        order by i.number, o.name`,
    );
    const obligations = await obligationsOf(db(), org);
    const all = await db()
      .select()
      .from(incidents)
      .where(sql`organization_id = ${org}`);
    for (const r of rows) {
      const i = all.find((x) => x.title === r.incident)!;
      const o = obligations.find((x) => x.name === r.obligation)!;
      const expected = deadlineOf(o, { ...i, type: i.type as 'incident' }, 'Asia/Tokyo');
      expect(r.due === null ? null : new Date(r.due).toISOString()).toBe(
        expected?.toISOString() ?? null,
      );
    }
    expect(rows.find((r) => r.incident === 'a' && r.obligation === '確報')?.due).toBeTruthy();
    expect(
      new Date(rows.find((r) => r.incident === 'b' && r.obligation === '確報')!.due!).toISOString(),
    ).toBe('2026-06-01T14:59:59.999Z');
  });

  it('counts the overdue clocks with nothing sent, for applicable obligations only', async () => {
    const rows = await queryRows<{ title: string; overdue: number }>(
      db(),
      sql`select i.title, ${overdueClocksSql(sql`i`, timeZoneSql(org))} as overdue
        from incidents i where i.organization_id = ${org} order by i.number`,
    );
    // a: the 30-day report was sent, the 72-hour one not; b: neither; c: a weakness, none apply.
    expect(rows.map((r) => [r.title, r.overdue])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 0],
    ]);
  });
});
