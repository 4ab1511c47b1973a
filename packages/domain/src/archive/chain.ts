// The audit chains inside an archive, checked from its audit_events part alone
// (no database): the same rules as audit.verifyAuditChain.
import { GENESIS_HASH, hashEvent } from '../audit/hash.ts';

interface ChainState {
  lastSeq: number;
  prevHash: string;
  broken: string | null;
}

/** Feed it the rows of the audit_events part in order; then ask for each organization's result. */
export class ArchiveChains {
  private readonly chains = new Map<string, ChainState>();

  add(row: Record<string, unknown>) {
    const org = String(row.organization_id);
    let chain = this.chains.get(org);
    if (!chain) {
      chain = { lastSeq: 0, prevHash: GENESIS_HASH, broken: null };
      this.chains.set(org, chain);
    }
    if (chain.broken) return;
    const seq = Number(row.seq);
    if (seq !== chain.lastSeq + 1) {
      chain.broken = `event #${chain.lastSeq + 1}: gap`;
      return;
    }
    if (row.prev_hash !== chain.prevHash) {
      chain.broken = `event #${seq}: link_mismatch`;
      return;
    }
    const hash = hashEvent({
      organizationId: org,
      seq,
      occurredAt: new Date(String(row.occurred_at)),
      actorId: (row.actor_id as string | null) ?? null,
      actorName: String(row.actor_name),
      action: String(row.action),
      entityType: String(row.entity_type),
      entityId: String(row.entity_id),
      before: row.before ?? null,
      after: row.after ?? null,
      requestId: (row.request_id as string | null) ?? null,
      prevHash: String(row.prev_hash),
    });
    if (hash !== row.hash) {
      chain.broken = `event #${seq}: hash_mismatch`;
      return;
    }
    chain.lastSeq = seq;
    chain.prevHash = hash;
  }

  /** Why the organization's chain does not end at the expected head, or null when it does. */
  problem(organizationId: string, head: { seq: number; hash: string } | null): string | null {
    const chain = this.chains.get(organizationId);
    if (chain?.broken) return chain.broken;
    const seq = chain?.lastSeq ?? 0;
    const hash = chain?.prevHash ?? GENESIS_HASH;
    if (!head)
      return seq === 0 ? null : `the chain has ${seq} events but the manifest names no head`;
    if (head.seq !== seq || head.hash !== hash) {
      return `the chain ends at event #${seq}, the manifest's head is #${head.seq}: head_mismatch`;
    }
    return null;
  }

  organizations(): string[] {
    return [...this.chains.keys()];
  }
}
