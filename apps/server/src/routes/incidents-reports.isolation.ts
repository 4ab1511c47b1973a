import { schema, type Executor } from '@mamoru/db';

/**
 * The incident statistics' lines of tenant-isolation.test.ts: an incident of
 * organization B in its unit, discovered now (inside A's default period), with
 * an overdue notification clock. Neither route takes an id; the register's
 * export (a binary file) is checked with exact counts in incidents-reports.test.ts.
 */
export interface IncidentReportsOfB {
  incidentId: string;
  /** Strings of B that must not appear in A's answers. */
  values: string[];
}

export async function createIncidentReportsOfB(
  db: Executor,
  organizationId: string,
  unitId: string,
): Promise<IncidentReportsOfB> {
  const now = new Date();
  const [incident] = await db
    .insert(schema.incidents)
    .values({
      organizationId,
      // Clear of the numbers other parts' fixtures give B's incidents.
      number: 9001,
      type: 'incident',
      title: 'Statistics incident of B',
      discoveredAt: now,
      reportedAt: now,
      unitId,
      costLoss: 4242,
    })
    .returning({ id: schema.incidents.id });
  await db.insert(schema.incidentObligations).values({
    organizationId,
    name: 'Statistics obligation of B',
    appliesToTypes: ['incident'],
    deadlineHours: 0,
  });
  return { incidentId: incident!.id, values: [incident!.id, 'Statistics incident of B'] };
}

/** Answers that must never count or name B's incidents (B's unit id is among B's values). */
export const INCIDENT_REPORT_LISTS = ['/api/v1/incident-statistics'];
