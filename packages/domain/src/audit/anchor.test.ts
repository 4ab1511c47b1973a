import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '@mamoru/db/testing';
import * as repo from '@mamoru/db/repositories/audit';
import { insertOrganization } from '@mamoru/db/repositories/organizations';
import { systemActor } from '../identity/actor.ts';
import { checkAnchor, createAnchor } from './anchor.ts';
import { hashEvent } from './hash.ts';
import { recordAudit, verifyAuditChain } from './trail.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');

describeEachDatabase('audit chain anchors', (ctx) => {
  const db = () => ctx.database.db;
  let org: string;

  const append = (n: number) =>
    db().transaction((tx) =>
      recordAudit(
        tx,
        { actor: systemActor(org), requestId: null },
        Array.from({ length: n }, (_, i) => ({
          action: 'organization.updated' as const,
          entityType: 'organization' as const,
          entityId: String(i),
          after: { i },
        })),
      ),
    );

  /** What a database superuser can do: rewrite an event and recompute every hash after it. */
  async function rewriteAndRehash(seq: number) {
    await db().transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
      const rows = await repo.auditEventsAfter(tx, org, seq - 1, 1000);
      let prevHash = rows[0]!.prevHash;
      for (const row of rows) {
        const { hash: _old, ...event } = row;
        const rewritten = {
          ...event,
          prevHash,
          after: row.seq === seq ? { i: 'forged' } : event.after,
        };
        const hash = hashEvent(rewritten);
        await tx.execute(sql`update audit_events set after = ${JSON.stringify(rewritten.after)}::jsonb,
          prev_hash = ${prevHash}, hash = ${hash} where organization_id = ${org} and seq = ${row.seq}`);
        prevHash = hash;
      }
      await tx.execute(
        sql`update audit_heads set last_hash = ${prevHash} where organization_id = ${org}`,
      );
      await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    });
  }

  beforeAll(async () => {
    org = (await insertOrganization(db(), { name: 'Anchored', defaultLocale: 'en' })).id;
    await append(5);
  });

  it('signs the head and proves later appends leave it intact', async () => {
    const anchor = await createAnchor(db(), org, privateKey);
    expect(anchor).toMatchObject({ seq: 5, format: 'mamoru-audit-anchor/1' });
    expect(anchor.signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    await append(2);
    expect(await checkAnchor(db(), anchor, publicKey)).toEqual({
      ok: true,
      signatureChecked: true,
    });
    // Another key, or an edited anchor, does not verify.
    expect((await checkAnchor(db(), anchor, other.publicKey)).problem).toBe('signature_invalid');
    const edited = { ...anchor, seq: 6 };
    expect((await checkAnchor(db(), edited, publicKey)).problem).toBe('signature_invalid');
    const unsigned = await createAnchor(db(), org, null);
    expect(unsigned.signature).toBeNull();
    expect((await checkAnchor(db(), unsigned, publicKey)).problem).toBe('signature_missing');
  });

  it('catches a rewrite before the anchor even when every hash was recomputed', async () => {
    const anchor = await createAnchor(db(), org, privateKey);
    await rewriteAndRehash(3);
    // The chain alone cannot tell: it is consistent again.
    expect((await verifyAuditChain(db(), org)).ok).toBe(true);
    expect(await checkAnchor(db(), anchor, publicKey)).toMatchObject({
      ok: false,
      problem: 'anchored_event_rewritten',
      seq: anchor.seq,
    });
  });
});
