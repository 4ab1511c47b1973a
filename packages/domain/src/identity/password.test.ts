import { parseOptions } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, setPasswordHashCostForTests, verifyPassword } from './password.ts';

describe('argon2id', () => {
  // The test setup file lowers the cost for the other suites; this one checks production's.
  let testCost: ReturnType<typeof setPasswordHashCostForTests>;
  beforeAll(() => {
    testCost = setPasswordHashCostForTests(undefined);
  });
  afterAll(() => {
    setPasswordHashCostForTests(testCost);
  });

  it('hashes with argon2id and verifies only the right password', async () => {
    const h = await hashPassword('correct horse battery');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(h, 'wrong horse battery')).toBe(false);
  });

  it('hashes at the OWASP baseline cost: 19 MiB, 2 passes, 1 lane', async () => {
    expect(parseOptions(await hashPassword('correct horse battery'))).toMatchObject({
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
    });
  });
});
