import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { insertOrganization } from '@mamoru/db/repositories/organizations';
import { insertUser } from '@mamoru/db/repositories/users';
import { DomainError } from '../errors.ts';
import { hashPassword } from './password.ts';
import { login, type AuthSettings } from './sessions.ts';
import { attemptDelayMs } from './throttle.ts';

describe('attemptDelayMs', () => {
  const s = { maxFailuresPerPair: 5, maxDelaySeconds: 8 };
  it('grows with the failures of the pair, from the first one', () => {
    expect([0, 1, 2, 3, 4].map((n) => attemptDelayMs(n, n, s))).toEqual([0, 500, 1000, 2000, 4000]);
  });
  it('grows with the failures of the account from every address only past the pair limit', () => {
    expect([0, 4, 5, 6, 7].map((n) => attemptDelayMs(0, n, s))).toEqual([0, 0, 500, 1000, 2000]);
  });
  it('never exceeds the configured bound, however many failures', () => {
    expect(attemptDelayMs(0, 10_000, s)).toBe(8000);
    expect(attemptDelayMs(40, 40, { ...s, maxDelaySeconds: 0 })).toBe(0);
  });
});

describeEachDatabase('log-in throttle', (ctx) => {
  const PASSWORD = 'Velvet-Orbit-Lantern-7319';
  const email = 'throttle-owner@example.test';
  const waits: number[] = [];
  const settings: AuthSettings = {
    sessionIdleSeconds: 600,
    sessionMaxSeconds: 3600,
    maxFailuresPerPair: 3,
    maxFailuresPerAddress: 100,
    failureWindowSeconds: 900,
    maxDelaySeconds: 4,
    wait: async (ms) => {
      waits.push(ms);
    },
  };
  const attempt = (password: string, ipAddress: string) =>
    login(
      ctx.database.db,
      email,
      password,
      { ipAddress, userAgent: null, requestId: null },
      settings,
    ).then(
      () => 'ok',
      (e: unknown) => (e instanceof DomainError ? e.code : 'error'),
    );

  beforeAll(async () => {
    const org = await insertOrganization(ctx.database.db, {
      name: 'Throttle Org',
      defaultLocale: 'en',
    });
    await insertUser(ctx.database.db, {
      organizationId: org.id,
      email,
      displayName: 'Owner',
      passwordHash: await hashPassword(PASSWORD),
      roles: ['staff'],
    });
  });

  it('delays each guess more, refuses the guessing pair, and only delays (never refuses) the owner elsewhere', async () => {
    const results: string[] = [];
    for (let i = 0; i < 4; i += 1)
      results.push(await attempt(`Wrong-Guess-${i}-xyz`, '198.51.100.1'));
    expect(results).toEqual(['login_failed', 'login_failed', 'login_failed', 'login_throttled']);
    // Guesses 2 and 3 waited; the refused fourth did not reach the wait.
    expect(waits).toEqual([500, 1000]);

    // Other addresses guess too: the account now has more failures than one pair may.
    waits.length = 0;
    for (const host of [2, 3, 4, 5]) {
      expect(await attempt(`Wrong-Guess-${host}-abc`, `198.51.100.${host}`)).toBe('login_failed');
    }
    expect(waits).toEqual([500, 1000, 2000, 4000]);

    // The owner's right password from a fresh address: delayed (bounded), never refused.
    waits.length = 0;
    expect(await attempt(PASSWORD, '203.0.113.9')).toBe('ok');
    // Seven failures would mean 8 s; the bound is 4 s.
    expect(waits).toEqual([4000]);
  });
});
