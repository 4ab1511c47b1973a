import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, normalizeRecoveryCode } from './recovery.ts';
import { withinStepUp } from './step-up.ts';
import { totpStepOf } from './totp.ts';

const secret = new Secret({ size: 20 }).base32;
const app = new TOTP({
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  secret: Secret.fromBase32(secret),
});
const at = (ms: number) => app.generate({ timestamp: ms });

describe('TOTP codes', () => {
  const now = 1_767_225_600_000; // a step boundary: 30 s × 58 907 520
  const step = Math.floor(now / 30_000);

  it('accepts the current code and one step either side, naming the step it belongs to', () => {
    expect(totpStepOf(secret, at(now), now)).toBe(step);
    expect(totpStepOf(secret, at(now - 30_000), now)).toBe(step - 1);
    expect(totpStepOf(secret, at(now + 30_000), now)).toBe(step + 1);
  });

  it('refuses codes two steps away and codes of another seed', () => {
    expect(totpStepOf(secret, at(now - 60_000), now)).toBeNull();
    expect(totpStepOf(secret, at(now + 60_000), now)).toBeNull();
    const other = new Secret({ size: 20 }).base32;
    expect(totpStepOf(other, at(now), now)).toBeNull();
  });
});

describe('recovery codes', () => {
  it('compare as people type them: case, spaces and dashes do not matter', () => {
    expect(normalizeRecoveryCode(' abcde-fghjk ')).toBe('ABCDEFGHJK');
    expect(hashRecoveryCode('abcde fghjk')).toBe(hashRecoveryCode('ABCDE-FGHJK'));
    expect(hashRecoveryCode('ABCDE-FGHJK')).not.toBe(hashRecoveryCode('ABCDE-FGHJM'));
  });
});

describe('step-up window', () => {
  it('holds for the policy minutes after the last authentication, then lapses', () => {
    const t = Date.parse('2026-01-05T09:00:00Z');
    expect(withinStepUp(new Date(t), 10, t + 10 * 60_000)).toBe(true);
    expect(withinStepUp(new Date(t), 10, t + 10 * 60_000 + 1)).toBe(false);
  });
});
