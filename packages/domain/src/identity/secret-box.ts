import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Secrets the server must read back (TOTP seeds, OIDC client secrets) are
 * sealed with AES-256-GCM under the key of MAMORU_SECRET_KEY (a file of 32
 * bytes, or 64 hex / 44 base64 characters). Without a key they are kept as
 * `plain:` text, so a database copy reveals them: the README says to set one.
 * Sealed values name their scheme, so a key added later still opens old rows.
 */
let key: Buffer | null = null;

export function loadSecretKey(path: string): Buffer {
  const raw = readFileSync(path);
  if (raw.length === 32) return raw;
  const text = raw.toString('utf8').trim();
  const decoded = /^[0-9a-f]{64}$/i.test(text)
    ? Buffer.from(text, 'hex')
    : Buffer.from(text, 'base64');
  if (decoded.length !== 32) throw new Error(`MAMORU_SECRET_KEY: ${path} does not hold 32 bytes`);
  return decoded;
}

/** Set once at start (app.ts); null forgets the key (tests). */
export function useSecretKey(value: Buffer | null) {
  key = value;
}

export function secretKeyConfigured(): boolean {
  return key !== null;
}

export function sealSecret(plain: string): string {
  if (!key) return `plain:${plain}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function openSecret(sealed: string): string {
  if (sealed.startsWith('plain:')) return sealed.slice(6);
  if (!sealed.startsWith('v1:')) throw new Error('unknown secret scheme');
  if (!key) throw new Error('MAMORU_SECRET_KEY is needed to read a sealed secret');
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
