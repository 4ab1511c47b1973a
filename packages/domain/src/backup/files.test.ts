import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFileName, listBackups, rotateBackups } from './files.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mamoru-backup-rotate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (day: number, hour = 18) => new Date(Date.UTC(2026, 11, day, hour, 0, 0));

describe('backup files', () => {
  it('are named after their UTC time to the second, and list newest first', async () => {
    expect(backupFileName(new Date('2026-12-07T18:00:05.123Z'))).toBe(
      'mamoru-backup-20261207T180005Z.zip',
    );
    for (const day of [3, 1, 2]) writeFileSync(join(dir, backupFileName(at(day))), 'x'.repeat(day));
    const listed = await listBackups(dir);
    expect(listed.map((f) => f.takenAt.toISOString())).toEqual([
      at(3).toISOString(),
      at(2).toISOString(),
      at(1).toISOString(),
    ]);
    expect(listed.map((f) => f.bytes)).toEqual([3, 2, 1]);
    expect(await listBackups(join(dir, 'missing'))).toEqual([]);
  });

  it('rotation keeps exactly the newest N and never touches other files', async () => {
    for (let day = 1; day <= 20; day++) writeFileSync(join(dir, backupFileName(at(day))), 'zip');
    const others = [
      'notes.txt',
      'mamoru-backup-latest.zip',
      'mamoru-backup-20261201T180000Z.zip.bak',
      'Mamoru-Backup-20261201T180000Z.zip',
      'mamoru-backup-20261201T180000Z.ZIP',
      'other-20261201T180000Z.zip',
      // An export still being written (fresh partial): left alone.
      `${backupFileName(at(21))}.partial`,
    ];
    for (const name of others) {
      writeFileSync(join(dir, name), 'keep me');
      utimesSync(join(dir, name), at(21), at(21));
    }
    const deleted = await rotateBackups(dir, 14, at(21, 19));
    expect(deleted).toHaveLength(6);
    const kept = (await listBackups(dir)).map((f) => f.name);
    expect(kept).toEqual(Array.from({ length: 14 }, (_, i) => backupFileName(at(20 - i))));
    expect(readdirSync(dir).sort()).toEqual([...kept, ...others].sort());
    // Again: nothing more to do.
    expect(await rotateBackups(dir, 14, at(21, 19))).toEqual([]);
    expect(await rotateBackups(dir, 1, at(21, 19))).toHaveLength(13);
    expect((await listBackups(dir)).map((f) => f.name)).toEqual([backupFileName(at(20))]);
  });

  it('removes a partial file of an export that died more than a day ago', async () => {
    const stale = `${backupFileName(at(1))}.partial`;
    writeFileSync(join(dir, stale), 'half');
    utimesSync(join(dir, stale), at(1), at(1));
    writeFileSync(join(dir, 'x.partial'), 'not ours');
    utimesSync(join(dir, 'x.partial'), at(1), at(1));
    expect(await rotateBackups(dir, 3, at(5))).toEqual([stale]);
    expect(readdirSync(dir)).toEqual(['x.partial']);
  });

  it('refuses to keep fewer than one', async () => {
    await expect(rotateBackups(dir, 0)).rejects.toThrow(/keep must be/);
  });
});
