import { eq } from 'drizzle-orm';
import { schema, type Db } from '@mamoru/db';

/**
 * The incident data of the conformity test, made straight in the tables (the
 * incidents area's own routes come from other branches). Ids are keyed by the
 * incident number: i1…i7, and the record type `rt`.
 */

const HOUR = 3_600_000;
/** `days` (and `hours`) before now. */
export const ago = (days: number, hours = 0) =>
  new Date(Date.now() - days * 24 * HOUR - hours * HOUR);
const plus = (d: Date, hours: number) => new Date(d.getTime() + hours * HOUR);

/** An incident row without the organization; discovered when reported. */
type NewIncident = Omit<typeof schema.incidents.$inferInsert, 'organizationId' | 'discoveredAt'> & {
  reportedAt: Date;
};

/**
 * Seven incidents against a triage target of 8 hours:
 * - i1 incident, closed, raised a nonconformity, its record kept;
 * - i2 malfunction from a monitoring tool, closed with prevention written, no record;
 * - i3 weakness triaged after 30 hours, closed with nothing decided against recurrence;
 * - i4 confidential suspected incident, contained 45 days ago and idle since;
 * - i5 near miss reported two days ago, still waiting for triage;
 * - i6 incident of last year (triaged late then, outside the 12 months), worked on 3 days ago;
 * - i7 near miss reported an hour ago (within the target).
 */
export async function seedIncidents(db: Db, org: string, handler: string) {
  await db.insert(schema.incidentSettings).values({ organizationId: org, triageTargetHours: 8 });
  const reported = { i1: ago(200), i2: ago(100), i3: ago(60), i4: ago(50), i6: ago(400) };
  const closed = (at: Date, lessons: string) => ({
    status: 'closed',
    closedAt: at,
    closedBy: handler,
    lessonsLearned: lessons,
  });
  const rows: NewIncident[] = [
    {
      number: 1,
      type: 'incident',
      title: 'Laptop lost',
      reportedAt: reported.i1,
      triagedAt: plus(reported.i1, 2),
      ...closed(ago(180), 'Encrypt every laptop'),
    },
    {
      number: 2,
      type: 'malfunction',
      channel: 'api',
      externalRef: 'mon-42',
      title: 'Backup job failed',
      reportedAt: reported.i2,
      triagedAt: plus(reported.i2, 3),
      recurrencePrevention: 'Alert on every failed job',
      ...closed(ago(90), 'Nobody read the job log'),
    },
    {
      number: 3,
      type: 'weakness',
      title: 'Shared admin password',
      reportedAt: reported.i3,
      triagedAt: plus(reported.i3, 30),
      ...closed(ago(40), 'Passwords were shared by habit'),
    },
    {
      number: 4,
      type: 'suspected',
      title: 'Named employee copied files',
      confidential: true,
      status: 'contained',
      reportedAt: reported.i4,
      triagedAt: plus(reported.i4, 1),
      containedAt: ago(45),
    },
    { number: 5, type: 'near_miss', title: 'Door left open', reportedAt: ago(2) },
    {
      number: 6,
      type: 'incident',
      title: 'Phishing mail opened',
      status: 'triaged',
      reportedAt: reported.i6,
      triagedAt: plus(reported.i6, 50),
    },
    { number: 7, type: 'near_miss', title: 'Visitor unescorted', reportedAt: ago(0, 1) },
  ];
  const inserted = await db
    .insert(schema.incidents)
    .values(rows.map((r) => ({ ...r, organizationId: org, discoveredAt: r.reportedAt })))
    .returning({ id: schema.incidents.id, number: schema.incidents.number });
  const id: Record<string, string> = {};
  for (const r of inserted) id[`i${r.number}`] = r.id;

  // i6 is still worked on: an action three days ago keeps it from counting as idle.
  await db.insert(schema.incidentTimeline).values({
    organizationId: org,
    incidentId: id.i6!,
    kind: 'action',
    at: ago(3),
    actorId: handler,
    text: 'Mailbox rules checked',
  });
  await db.insert(schema.nonconformities).values({
    organizationId: org,
    number: 901,
    source: 'incident',
    sourceLink: { type: 'incident', id: id.i1!, label: 'INC-0001 Laptop lost' },
    title: 'Laptops not encrypted',
    detectedOn: ago(190).toISOString().slice(0, 10),
  });

  const [rt] = await db
    .insert(schema.recordTypes)
    .values({
      organizationId: org,
      code: 'INC-REC',
      nameJa: 'インシデント記録',
      nameEn: 'Incident records',
      retentionValue: 3,
      retentionUnit: 'years',
      storageLocation: 'Mamoru',
    })
    .returning();
  id.rt = rt!.id;
  for (const n of [1, 3]) await keepRecord(db, org, id.rt, id[`i${n}`]!, n);
  return id;
}

/** The record made at closing, and the incident pointing to it. */
export async function keepRecord(db: Db, org: string, typeId: string, incident: string, n: number) {
  const [rec] = await db
    .insert(schema.records)
    .values({
      organizationId: org,
      typeId,
      title: `INC-000${n}`,
      links: [{ type: 'incident', id: incident, label: `INC-000${n}` }],
      recordDate: ago(30).toISOString().slice(0, 10),
      retentionEnd: '2099-12-31',
    })
    .returning();
  await db
    .update(schema.incidents)
    .set({ recordId: rec!.id })
    .where(eq(schema.incidents.id, incident));
}
