import { hash, verify, type Options } from '@node-rs/argon2';

export { MIN_PASSWORD_LENGTH, passwordProblems, type PasswordContext } from './strength.ts';

/** undefined: argon2id with the library's defaults (19 MiB, 2 passes: the OWASP baseline). */
let hashOptions: Options | undefined;

/**
 * For the test suites only (packages/domain/src/testing/database-setup.ts):
 * thousands of accounts are created and signed in there, and at the production
 * cost a hash and its sign-in's verification cost ~47 ms of CPU. The product never calls this; verification
 * reads the cost from each stored hash, so production hashes verify as before.
 * Pass undefined to go back to the production cost; returns the cost it replaces.
 */
export function setPasswordHashCostForTests(
  options: Pick<Options, 'memoryCost' | 'timeCost'> | undefined,
): Options | undefined {
  const previous = hashOptions;
  hashOptions = options;
  dummyHash = undefined;
  return previous;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, hashOptions);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash to verify against when the account does not exist, so timing does not reveal it.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash('mamoru-not-a-real-password', hashOptions);
  return dummyHash;
}
