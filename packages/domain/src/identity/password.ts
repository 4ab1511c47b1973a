import { hash, verify } from '@node-rs/argon2';

export { MIN_PASSWORD_LENGTH, passwordProblems, type PasswordContext } from './strength.ts';

/** argon2id with the library's defaults (19 MiB, 2 passes: the OWASP baseline). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
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
  dummyHash ??= hash('mamoru-not-a-real-password');
  return dummyHash;
}
