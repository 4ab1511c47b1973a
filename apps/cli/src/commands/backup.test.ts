import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fillDataDirFromTemplate } from '@mamoru/db/testing';
import { run } from '../program.ts';
import { captureOutput } from '../testing/output.ts';

let io: ReturnType<typeof captureOutput>;
beforeEach(() => {
  io = captureOutput();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const SLOW = 180_000;

/**
 * The offset of the middle byte of the largest entry's stored data, from the
 * ZIP's central directory. (The middle of the whole file may fall on an empty
 * part's two-byte deflate stream, where a flipped padding bit changes nothing.)
 */
function middleOfLargestPart(zip: Buffer): number {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  let best = { offset: 0, compressed: -1 };
  while (at < end && zip.readUInt32LE(at) === 0x02014b50) {
    const compressed = zip.readUInt32LE(at + 20);
    const local = zip.readUInt32LE(at + 42);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (compressed > best.compressed)
      best = { offset: data + Math.floor(compressed / 2), compressed };
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return best.offset;
}

describe('mamoru backup (embedded database)', () => {
  let root: string;
  let backups: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'mamoru-backup-cli-'));
    backups = join(root, 'backups');
    await fillDataDirFromTemplate(join(root, 'data'));
  }, SLOW);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeEach(() => {
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('MAMORU_DATA_DIR', join(root, 'data'));
    vi.stubEnv('MAMORU_BACKUP_DIR', '');
  });

  it('asks for a folder when none is configured', async () => {
    expect(await run(['backup', 'run'])).toBe(1);
    expect(io.stderr()).toMatch(/no backup folder: pass --dir DIR or set MAMORU_BACKUP_DIR/);
    expect(await run(['backup', 'run', '--dir', backups, '--keep', '0'])).toBe(2);
  });

  it(
    'runs a backup now, lists it, verifies it, and refuses a damaged copy',
    async () => {
      const admin = ['admin', 'create', '--organization', 'Backup CLI Co', '--name', 'Admin'];
      const who = ['--email', 'admin@backup-cli.example'];
      expect(await run([...admin, ...who, '--password', 'Sakura-Tsuki-Kaze-Passphrase-9'])).toBe(0);
      io.clear();
      vi.stubEnv('MAMORU_BACKUP_DIR', backups);
      expect(await run(['backup', 'run']), io.stderr()).toBe(0);
      expect(io.stdout()).toMatch(
        /1 organization\(s\) backed up to .*mamoru-backup-\d{8}T\d{6}Z\.zip \(/,
      );
      const [file] = readdirSync(backups);
      expect(file).toMatch(/^mamoru-backup-\d{8}T\d{6}Z\.zip$/);
      io.clear();
      expect(await run(['backup', 'list', '--verify']), io.stderr()).toBe(0);
      expect(io.stdout()).toMatch(new RegExp(`^${file} .* verified$`, 'm'));
      io.clear();
      const path = join(backups, file!);
      expect(await run(['backup', 'verify', path]), io.stderr()).toBe(0);
      expect(io.stdout()).toMatch(/1 organization\(s\) \(Backup CLI Co\)/);

      // One byte flipped in the middle of the largest part: verify names the problem, exits 1.
      const damaged = join(root, 'damaged.zip');
      const bytes = readFileSync(path);
      bytes[middleOfLargestPart(bytes)]! ^= 0xff;
      writeFileSync(damaged, bytes);
      io.clear();
      expect(await run(['backup', 'verify', damaged])).toBe(1);
      expect(io.stderr()).toMatch(/does not verify: do not restore from it/);
      expect(io.stderr().split('\n').length).toBeGreaterThan(2);
      // Cut short: the same.
      writeFileSync(damaged, bytes.subarray(0, bytes.length - 100));
      io.clear();
      expect(await run(['backup', 'verify', damaged])).toBe(1);
      // In the folder, the list flags it.
      copyFileSync(damaged, join(backups, 'mamoru-backup-20200101T000000Z.zip'));
      io.clear();
      expect(await run(['backup', 'list', '--verify'])).toBe(1);
      expect(io.stdout()).toMatch(/^mamoru-backup-20200101T000000Z\.zip .* FAILS VERIFICATION$/m);
      expect(io.stderr()).toMatch(/1 of 2 backup\(s\) fail verification/);
    },
    SLOW,
  );
});
