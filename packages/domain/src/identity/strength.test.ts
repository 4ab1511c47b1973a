import { describe, expect, it } from 'vitest';
import { passwordProblems } from './strength.ts';

const codes = async (p: string, ctx = {}) =>
  (await passwordProblems(p, 'password', ctx)).map((e) => e.code);

describe('passwordProblems', () => {
  it('requires 12 characters', async () => {
    expect(await codes('Short1!')).toEqual(['password_too_short']);
    expect(await codes('Kx8vQ2rLm7sT')).toEqual([]);
  });

  it('refuses common passwords, with digit tails, repetition or keyboard walks', async () => {
    for (const weak of [
      '123456789012',
      'passwordpassword',
      'password1234',
      'Password1234!!',
      '1qaz2wsx3edc',
      'qwertyuiop123',
      'abababababababab',
      'aaaaaaaaaaaaaaab',
      'Summer2026!!!',
      'Sakura123456!',
      'daisukidaisuki',
      'tanaka19850101',
    ]) {
      expect(await codes(weak), weak).toEqual(['password_weak']);
    }
  });

  it('accepts passphrases of unrelated words', async () => {
    for (const strong of [
      'Velvet-Orbit-Lantern-7319',
      'Nagoya-Hikari-17',
      'Kumo-no-ue 2718 tsuru',
    ]) {
      expect(await codes(strong), strong).toEqual([]);
    }
  });

  it("refuses the product's name, also in l33t spelling", async () => {
    expect(await codes('mamoru-Orbit-7319-x')).toEqual(['password_personal']);
    expect(await codes('M4moru-Lantern-2026')).toEqual(['password_personal']);
  });

  it("refuses the organization's name and the user's own email or name", async () => {
    const org = { organizationName: 'Hoshizora Logistics' };
    expect(await codes('Hoshizora-Velvet-7319', org)).toEqual(['password_personal']);
    expect(await codes('xx-Logistics-Orbit-88', org)).toEqual(['password_personal']);
    expect(await codes('Hoshizora-Velvet-7319')).toEqual([]);
    expect(await codes('hanako.sato-Orbit-2026', { email: 'hanako.sato@example.jp' })).toEqual([
      'password_personal',
    ]);
    expect(await codes('Velvet-Tanabe-Orbit-71', { displayName: 'Kenji Tanabe' })).toEqual([
      'password_personal',
    ]);
  });
});
