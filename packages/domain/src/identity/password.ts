import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import type { FieldError } from '../errors.ts';

export const MIN_PASSWORD_LENGTH = 12;

let common: Set<string> | undefined;

/** The shipped list of common passwords, loaded once on first use. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('../../data/common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.trim().toLowerCase()),
  );
  return common;
}

/**
 * Password rules: at least 12 characters, not a common password (also not one
 * with digits or symbols tacked on), not the user's own email or name, and not
 * one repeated character.
 */
export function passwordProblems(
  password: string,
  field: string,
  context: { email?: string; displayName?: string } = {},
): FieldError[] {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return [{ field, code: 'password_too_short', params: { min: MIN_PASSWORD_LENGTH } }];
  }
  const lower = password.toLowerCase();
  const base = lower.replace(/[\d\W_]+$/u, '');
  const list = commonPasswords();
  if (list.has(lower) || (base.length >= 4 && list.has(base))) {
    return [{ field, code: 'password_common' }];
  }
  const personal = [context.email?.split('@')[0], context.displayName]
    .filter((s): s is string => Boolean(s && s.length >= 4))
    .map((s) => s.toLowerCase());
  if (personal.some((s) => lower.includes(s.replace(/\s+/g, '')))) {
    return [{ field, code: 'password_personal' }];
  }
  if (new Set(lower).size < 4) return [{ field, code: 'password_too_simple' }];
  return [];
}

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
