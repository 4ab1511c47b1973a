import { expect } from 'vitest';
import { schema } from '@mamoru/db';
import type { NonconformityDetail } from '@mamoru/contracts';
import type { Client } from '../testing/identity.ts';

/**
 * Fixtures of the improvement tests. Audits and their findings are inserted
 * straight into their tables: the audit routes come with another area, and the
 * takeover only reads what those tables hold.
 */

export const today = () => new Date().toISOString().slice(0, 10);
export const etag = (r: { version: number }) => ({ headers: { 'if-match': `"${r.version}"` } });

let auditCounter = 0;

/** An audit with one finding of each kind (major, minor, observation, OFI). */
export async function insertAuditWithFindings(client: Client) {
  const db = client.app.database.db;
  const organizationId = client.organization.id;
  const [audit] = await db
    .insert(schema.audits)
    .values({
      organizationId,
      fiscalYear: 2026,
      code: `IA-2026-${String(++auditCounter).padStart(2, '0')}-${organizationId.slice(0, 4)}`,
      title: 'Internal audit of the sales unit',
      plannedStart: '2026-06-01',
      plannedEnd: '2026-06-05',
      status: 'in_progress',
    })
    .returning();
  const kinds = ['major_nc', 'minor_nc', 'observation', 'ofi'] as const;
  const findings = await db
    .insert(schema.auditFindings)
    .values(
      kinds.map((kind, i) => ({
        organizationId,
        auditId: audit!.id,
        number: i + 1,
        kind,
        requirementId: kind === 'major_nc' ? '4.2.3.d' : null,
        controlId: kind === 'minor_nc' ? '9.2.1' : null,
        description: `Finding ${kind}\nmore detail`,
        createdBy: client.user.id,
      })),
    )
    .returning();
  return { audit: audit!, findings };
}

/** POST /api/v1/nonconformities with defaults. */
export async function createNonconformity(client: Client, input: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/nonconformities', {
    source: 'self_identified',
    title: 'Backup not verified',
    severity: 'minor',
    detectedOn: today(),
    ...input,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<NonconformityDetail>();
}

/** Walks a nonconformity to 'in_action' with one action owned by ownerId. */
export async function withAction(
  manager: Client,
  ownerId: string,
  action: Record<string, unknown> = {},
) {
  let nc = await createNonconformity(manager);
  const step = async (path: string, body: unknown) => {
    const res = await manager.post(`/api/v1/nonconformities/${nc.id}/${path}`, body, etag(nc));
    expect(res.statusCode, res.body).toBe(200);
    nc = res.json<NonconformityDetail>();
  };
  await step('containment', { containment: 'Ran the backup by hand and checked it.' });
  await step('analysis', {
    whySteps: ['The restore test was skipped', 'No one was assigned'],
    fishboneCategory: 'process',
    rootCause: 'The backup procedure names no owner of the restore test.',
  });
  await step('evaluation', { actionNeeded: true, reason: 'It can happen again.' });
  await step('actions', {
    title: 'Name an owner of the monthly restore test',
    ownerId,
    dueDate: today(),
    resources: 'Two hours',
    reviewIntervalDays: 0,
    ...action,
  });
  return nc;
}
