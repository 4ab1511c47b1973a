import { schema, type Executor } from '@mamoru/db';

/**
 * Known incidents for the statistics, export, due-line and review-input
 * tests, inserted straight into the tables (the reporting and workflow
 * routes belong to another part of the area). Times are UTC; the
 * organization's zone is Asia/Tokyo, so #2, discovered on 31 March at 16:00
 * UTC, belongs to April.
 */

type NewIncident = typeof schema.incidents.$inferInsert;

const at = (iso: string) => new Date(iso);

export interface KnownIncidents {
  ids: string[];
  unitIds: [string, string];
}

export async function insertKnownIncidents(
  db: Executor,
  org: string,
  people: { reporterId: string; staffId: string },
): Promise<KnownIncidents> {
  const units = await db
    .insert(schema.orgUnits)
    .values([
      { organizationId: org, code: 'INC-U1', name: 'Sales' },
      { organizationId: org, code: 'INC-U2', name: 'Human resources' },
    ])
    .returning({ id: schema.orgUnits.id });
  const [u1, u2] = [units[0]!.id, units[1]!.id];
  await db.insert(schema.incidentSettings).values({
    organizationId: org,
    triageTargetHours: 24,
    timeZone: 'Asia/Tokyo',
  });
  const base = { organizationId: org, reporterId: people.reporterId };
  const rows: NewIncident[] = [
    {
      ...base,
      number: 1,
      type: 'incident',
      title: '顧客名簿の誤送信',
      discoveredAt: at('2026-01-10T03:00:00Z'),
      reportedAt: at('2026-01-10T04:00:00Z'),
      triagedAt: at('2026-01-10T06:00:00Z'),
      recoveredAt: at('2026-01-11T03:00:00Z'),
      closedAt: at('2026-01-20T00:00:00Z'),
      status: 'closed',
      severity: 'high',
      urgency: 'high',
      priority: 1,
      unitId: u1,
      personalData: true,
      personalRecords: 120,
      costResponse: 1000,
      costRecovery: 2000,
      costLoss: 3000,
      lessonsLearned: 'Check the address list before sending.',
    },
    {
      ...base,
      number: 2,
      type: 'weakness',
      title: 'Shared password on the NAS',
      discoveredAt: at('2026-03-31T16:00:00Z'),
      reportedAt: at('2026-03-31T17:00:00Z'),
      triagedAt: at('2026-04-02T17:00:00Z'),
      status: 'triaged',
      severity: 'low',
      urgency: 'low',
      priority: 4,
      unitId: u1,
      costResponse: 500,
    },
    {
      organizationId: org,
      reporterId: people.staffId,
      number: 3,
      type: 'malfunction',
      title: 'Printer prints blank pages',
      discoveredAt: at('2026-04-15T00:00:00Z'),
      reportedAt: at('2026-04-15T00:00:00Z'),
      status: 'reported',
    },
    {
      ...base,
      number: 4,
      type: 'incident',
      title: 'Confidential: an employee copied files',
      confidential: true,
      discoveredAt: at('2026-04-20T00:00:00Z'),
      reportedAt: at('2026-04-20T00:00:00Z'),
      triagedAt: at('2026-04-20T10:00:00Z'),
      status: 'contained',
      severity: 'critical',
      urgency: 'high',
      priority: 1,
      unitId: u2,
      costLoss: 100000,
    },
    {
      ...base,
      number: 5,
      type: 'near_miss',
      title: 'Laptop almost left on a train',
      discoveredAt: at('2025-06-01T00:00:00Z'),
      reportedAt: at('2025-06-01T00:00:00Z'),
      closedAt: at('2025-06-10T00:00:00Z'),
      status: 'closed',
      lessonsLearned: 'Keep bags on the lap.',
    },
  ];
  const ids = (
    await db.insert(schema.incidents).values(rows).returning({ id: schema.incidents.id })
  ).map((r) => r.id);
  // One clock long past (#1: personal data, nothing sent), one far ahead, one "promptly".
  await db.insert(schema.incidentObligations).values([
    {
      organizationId: org,
      name: '個人情報保護委員会への速報',
      appliesToTypes: ['incident'],
      requiresPersonalData: true,
      deadlineDays: 3,
    },
    {
      organizationId: org,
      name: 'Vendor notice',
      appliesToTypes: ['malfunction'],
      deadlineHours: 24 * 365 * 50,
    },
    { organizationId: org, name: 'Notice to the persons concerned', appliesToTypes: ['incident'] },
  ]);
  return { ids, unitIds: [u1, u2] };
}

/** Another organization's incident (unit, title, costs) that must never show in A's answers. */
export async function insertIncidentOfB(db: Executor, org: string) {
  const [unit] = await db
    .insert(schema.orgUnits)
    .values({ organizationId: org, code: 'INC-B', name: 'Unit of B incidents' })
    .returning({ id: schema.orgUnits.id });
  const [incident] = await db
    .insert(schema.incidents)
    .values({
      organizationId: org,
      number: 1,
      type: 'incident',
      title: 'Incident of B',
      discoveredAt: at('2026-04-10T00:00:00Z'),
      reportedAt: at('2026-04-10T00:00:00Z'),
      status: 'reported',
      unitId: unit!.id,
      personalData: true,
      costLoss: 777,
    })
    .returning({ id: schema.incidents.id });
  await db.insert(schema.incidentObligations).values({
    organizationId: org,
    name: 'Obligation of B',
    appliesToTypes: ['incident'],
    deadlineDays: 1,
  });
  return { incidentId: incident!.id, unitId: unit!.id };
}
