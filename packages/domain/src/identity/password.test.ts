import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblems, verifyPassword } from './password.ts';

const codes = (p: string, ctx = {}) => passwordProblems(p, 'password', ctx).map((e) => e.code);

describe('passwordProblems', () => {
  it('requires 12 characters', () => {
    expect(codes('Short1!')).toEqual(['password_too_short']);
    expect(codes('kx8-Vq2r-Lm7s')).toEqual([]);
  });
  it('refuses common passwords from the shipped list, also with a suffix', () => {
    expect(codes('1qaz2wsx3edc')).toEqual(['password_common']);
    expect(codes('password1234')).toEqual(['password_common']);
    expect(codes('Dragon123456!')).toEqual(['password_common']);
  });
  it("refuses the user's own email or name", () => {
    expect(codes('hanako.sato2026', { email: 'hanako.sato@example.jp' })).toEqual([
      'password_personal',
    ]);
  });
  it('refuses a repeated character', () => {
    expect(codes('aaaaaaaaaaaaaaab')).toEqual(['password_too_simple']);
  });
});

describe('argon2id', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const h = await hashPassword('correct horse battery');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(h, 'wrong horse battery')).toBe(false);
  });
});
