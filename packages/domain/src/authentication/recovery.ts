import { randomInt } from 'node:crypto';
import type { Executor } from '@mamoru/db';
import * as authRepo from '@mamoru/db/repositories/authentication';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { sha256 } from '../identity/secrets.ts';

export const RECOVERY_CODE_COUNT = 10;
// No 0/O, 1/I/L: codes are read off paper and typed in.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** `XXXXX-XXXXX`: 10 characters of 31, about 49 bits, enough for a single-use code. */
function newRecoveryCode(): string {
  let out = '';
  for (let i = 0; i < 10; i += 1) {
    if (i === 5) out += '-';
    out += ALPHABET[randomInt(ALPHABET.length)];
  }
  return out;
}

/** Codes are compared without case, spaces or dashes, as people type them. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function hashRecoveryCode(code: string): string {
  return sha256(`recovery:${normalizeRecoveryCode(code)}`);
}

/**
 * Replaces the user's recovery codes with a fresh set inside the caller's
 * transaction (old ones void) and returns the codes in clear, to be shown
 * once: only their hashes are kept. Audited as `recovery_codes.generated`.
 */
export async function issueRecoveryCodes(
  tx: Executor,
  ctx: RequestContext,
  userId: string,
): Promise<string[]> {
  const organizationId = ctx.actor.organizationId;
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await authRepo.deleteRecoveryCodes(tx, organizationId, userId);
  await authRepo.insertRecoveryCodes(tx, organizationId, userId, codes.map(hashRecoveryCode));
  await recordAudit(tx, ctx, [
    {
      action: 'recovery_codes.generated',
      entityType: 'user',
      entityId: userId,
      after: { count: codes.length },
    },
  ]);
  return codes;
}

/** Spends one unused recovery code of the user; false when it is wrong or already used. */
export async function spendRecoveryCode(
  tx: Executor,
  organizationId: string,
  userId: string,
  code: string,
): Promise<boolean> {
  if (normalizeRecoveryCode(code).length !== 10) return false;
  return authRepo.useRecoveryCode(tx, organizationId, userId, hashRecoveryCode(code));
}
