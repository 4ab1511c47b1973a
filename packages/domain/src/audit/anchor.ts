import { readFileSync } from 'node:fs';
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/audit';
import { GENESIS_HASH } from './hash.ts';
import { verifyAuditChain } from './trail.ts';

/**
 * Anchors of the audit chain outside the database: the head's sequence
 * number and hash, signed with an Ed25519 key the database never sees
 * (MAMORU_AUDIT_SIGNING_KEY, a PEM file). Whoever rewrites events before an
 * anchor, even a database superuser recomputing every hash, changes the hash
 * at the anchored sequence number; without the key they cannot sign a new anchor.
 */

export const ANCHOR_FORMAT = 'mamoru-audit-anchor/1';

export interface AuditAnchor {
  format: typeof ANCHOR_FORMAT;
  organizationId: string;
  seq: number;
  hash: string;
  anchoredAt: string;
  /** Base64 Ed25519 signature of the fields above; null when no key is configured. */
  signature: string | null;
  /** The signing key's public half (SPKI PEM), to recognise it; never trusted by itself. */
  publicKey: string | null;
}

/** Reads an Ed25519 private key (PEM); anything else is refused at start-up. */
export function loadSigningKey(path: string): KeyObject {
  const key = createPrivateKey(readFileSync(path));
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${path}: the audit signing key must be an Ed25519 private key (PEM)`);
  }
  return key;
}

/** A public key (PEM) or the public half of a private one, for verification. */
export function loadVerifyKey(path: string): KeyObject {
  const pem = readFileSync(path);
  const key = pem.includes('PRIVATE KEY')
    ? createPublicKey(createPrivateKey(pem))
    : createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${path}: not an Ed25519 key`);
  return key;
}

let signingKey: KeyObject | null = null;
/** Set once at start-up from the configuration; null leaves anchors unsigned. */
export function useAuditSigningKey(key: KeyObject | null) {
  signingKey = key;
}

const signedBytes = (a: Pick<AuditAnchor, 'organizationId' | 'seq' | 'hash' | 'anchoredAt'>) =>
  Buffer.from([ANCHOR_FORMAT, a.organizationId, a.seq, a.hash, a.anchoredAt].join('\n'), 'utf8');

/** The organization's chain head now, signed when a key is configured. */
export async function createAnchor(
  db: Executor,
  organizationId: string,
  key: KeyObject | null = signingKey,
): Promise<AuditAnchor> {
  const head = await repo.getAuditHead(db, organizationId);
  const fields = {
    organizationId,
    seq: head?.lastSeq ?? 0,
    hash: head?.lastHash ?? GENESIS_HASH,
    anchoredAt: new Date().toISOString(),
  };
  return {
    format: ANCHOR_FORMAT,
    ...fields,
    signature: key ? sign(null, signedBytes(fields), key).toString('base64') : null,
    publicKey: key
      ? String(createPublicKey(key).export({ type: 'spki', format: 'pem' })).trim()
      : null,
  };
}

export type AnchorProblem =
  | 'signature_missing'
  | 'signature_invalid'
  | 'chain_broken'
  | 'anchored_event_missing'
  | 'anchored_event_rewritten';

export interface AnchorCheck {
  ok: boolean;
  signatureChecked: boolean;
  problem?: AnchorProblem;
  /** The first event that does not verify, when the problem lies in the chain. */
  seq?: number;
}

/**
 * Proves the chain up to the anchor is what it was when anchored: the
 * signature (with the key the caller trusts), the chain up to there, and the
 * anchored event's hash. Without a key only the hashes are compared.
 */
export async function checkAnchor(
  db: Executor,
  anchor: AuditAnchor,
  publicKey: KeyObject | null,
): Promise<AnchorCheck> {
  const signatureChecked = publicKey !== null;
  if (publicKey) {
    if (!anchor.signature) return { ok: false, signatureChecked, problem: 'signature_missing' };
    const valid = verify(
      null,
      signedBytes(anchor),
      publicKey,
      Buffer.from(anchor.signature, 'base64'),
    );
    if (!valid) return { ok: false, signatureChecked, problem: 'signature_invalid' };
  }
  const chain = await verifyAuditChain(db, anchor.organizationId);
  if (chain.broken && chain.broken.seq <= anchor.seq) {
    return { ok: false, signatureChecked, problem: 'chain_broken', seq: chain.broken.seq };
  }
  if (anchor.seq === 0) return { ok: true, signatureChecked };
  const event = await repo.auditEventAt(db, anchor.organizationId, anchor.seq);
  if (!event)
    return { ok: false, signatureChecked, problem: 'anchored_event_missing', seq: anchor.seq };
  if (event.hash !== anchor.hash) {
    return { ok: false, signatureChecked, problem: 'anchored_event_rewritten', seq: anchor.seq };
  }
  return { ok: true, signatureChecked };
}

export const publicKeyOf = (key: KeyObject) => createPublicKey(key);
