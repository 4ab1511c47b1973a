import type { Db } from '@mamoru/db';
import * as sessionsRepo from '@mamoru/db/repositories/sessions';
import { DomainError } from '../errors.ts';

/**
 * Password-guessing limits, shared by log-in and the password change (both
 * check a password, so both spend the same budget).
 *
 * - Per account and address pair: after `maxFailuresPerPair` wrong passwords
 *   inside the window, that pair is refused (429) until the oldest failure
 *   leaves the window. Another address is not affected, so an attacker cannot
 *   lock the owner out by failing on purpose.
 * - Per address: `maxFailuresPerAddress` failures over any accounts (spraying).
 * - Per account: a growing delay before the password is checked, once the
 *   account has `maxFailuresPerPair` failures from any addresses, doubling with
 *   each further failure up to `maxDelaySeconds`. It slows guessing spread over
 *   many addresses but never refuses: the owner's right password from another
 *   address is at worst answered `maxDelaySeconds` late.
 */
export interface ThrottleSettings {
  maxFailuresPerPair: number;
  maxFailuresPerAddress: number;
  failureWindowSeconds: number;
  maxDelaySeconds: number;
  /** Waits the delay; tests pass a recorder instead of the clock. */
  wait?: (ms: number) => Promise<void>;
}

const BASE_DELAY_MS = 500;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The delay before checking a password, from the failures already recorded. */
export function attemptDelayMs(
  pairFailures: number,
  accountFailures: number,
  s: Pick<ThrottleSettings, 'maxFailuresPerPair' | 'maxDelaySeconds'>,
): number {
  const grow = (n: number) => (n <= 0 ? 0 : BASE_DELAY_MS * 2 ** (n - 1));
  const excess = Math.max(pairFailures, accountFailures - s.maxFailuresPerPair + 1);
  return Math.min(s.maxDelaySeconds * 1000, grow(excess));
}

export interface AttemptKeys {
  /** The account guessed at (lower-cased email). */
  account: string;
  /** The client address as the trusted proxy reports it. */
  address: string | null;
}

const throttled = (retryAfterSeconds: number) =>
  new DomainError('too_many_requests', 'login_throttled', {
    seconds: Math.max(1, retryAfterSeconds),
  });

/**
 * Records a password attempt before the password is checked, so guesses sent
 * in parallel each see the ones before them; refuses it (and takes it back)
 * when a limit is reached, else waits the account's delay. The caller calls
 * `succeeded()` after the right password; a failed attempt stays recorded.
 */
export async function beginAttempt(db: Db, keys: AttemptKeys, s: ThrottleSettings) {
  const account = `account:${keys.account.toLowerCase()}`;
  const address = `address:${keys.address ?? 'unknown'}`;
  const pair = `pair:${keys.account.toLowerCase()}|${keys.address ?? 'unknown'}`;
  const ids = await sessionsRepo.recordLoginFailures(db, [pair, account, address]);
  const stats = await sessionsRepo.loginFailureStats(
    db,
    [pair, account, address],
    s.failureWindowSeconds,
  );
  // Each count includes this attempt.
  for (const [key, max] of [
    [pair, s.maxFailuresPerPair],
    [address, s.maxFailuresPerAddress],
  ] as const) {
    if (stats(key).count > max) {
      await sessionsRepo.deleteLoginFailures(db, ids);
      throw throttled(stats(key).retryAfterSeconds);
    }
  }
  const delay = attemptDelayMs(stats(pair).count - 1, stats(account).count - 1, s);
  if (delay > 0) await (s.wait ?? sleep)(delay);
  return {
    /** The right password: this attempt was no failure, and the pair starts afresh. */
    async succeeded() {
      await sessionsRepo.deleteLoginFailures(db, ids);
      await sessionsRepo.clearLoginFailures(db, pair);
    },
  };
}
