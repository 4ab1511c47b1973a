import { sql } from 'drizzle-orm';
import { schema } from '@mamoru/db';
import type { Client } from '../testing/identity.ts';
import { createAsset } from '../testing/isms.ts';

/**
 * Fixtures of the respond tests. Incidents are inserted straight into their
 * table: reporting and triage are another part's routes, and these services
 * read only the row.
 */

export const etag = (r: { version: number }) => ({ headers: { 'if-match': `"${r.version}"` } });

export type NewIncident = Partial<typeof schema.incidents.$inferInsert>;

/** An incident of the client's organization (a personal data breach unless told otherwise). */
export async function insertIncident(client: Client, values: NewIncident = {}) {
  const db = client.app.database.db;
  const organizationId = client.organization.id;
  const [row] = await db
    .insert(schema.incidents)
    .values({
      organizationId,
      number: sql`(select coalesce(max(number), 0) + 1 from incidents where organization_id = ${organizationId})`,
      type: 'incident',
      title: 'Laptop with customer list lost',
      description: 'A laptop was left on a train.',
      discoveredAt: new Date('2026-04-01T14:30:00Z'), // 23:30 JST
      reporterId: client.user.id,
      status: 'triaged',
      personalData: true,
      ...values,
    })
    .returning();
  return row!;
}

/** `count` risks of the organization, generated for a fresh information asset. */
export async function someRiskIds(client: Client, count: number) {
  const asset = await createAsset(client, { confidentiality: 3, integrity: 3, availability: 3 });
  const generated = await client.post('/api/v1/risks/generate', { assetIds: [asset.id] });
  if (generated.statusCode !== 200) throw new Error(generated.body);
  const rows = await client.app.database.db
    .select({ id: schema.risks.id })
    .from(schema.risks)
    .where(sql`${schema.risks.organizationId} = ${client.organization.id}`)
    .orderBy(schema.risks.code)
    .limit(count);
  if (rows.length < count) throw new Error(`only ${rows.length} risks generated`);
  return rows.map((r) => r.id);
}
