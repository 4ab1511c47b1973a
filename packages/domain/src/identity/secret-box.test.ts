import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { openSecret, sealSecret, useSecretKey } from './secret-box.ts';

describe('secret box', () => {
  afterEach(() => useSecretKey(null));

  it('keeps a secret as plain text without a key, and says so', () => {
    expect(sealSecret('abc')).toBe('plain:abc');
    expect(openSecret('plain:abc')).toBe('abc');
  });

  it('seals with the key: the text is not readable, opens back, and a tampered value fails', () => {
    useSecretKey(randomBytes(32));
    const sealed = sealSecret('JBSWY3DPEHPK3PXP');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealSecret('JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    expect(openSecret(sealed)).toBe('JBSWY3DPEHPK3PXP');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => openSecret(tampered)).toThrow();
  });

  it('refuses to open a sealed secret under another key', () => {
    useSecretKey(randomBytes(32));
    const sealed = sealSecret('x');
    useSecretKey(randomBytes(32));
    expect(() => openSecret(sealed)).toThrow();
  });
});
