import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { removeLeftoverUploads, spool } from './upload.ts';

const dir = mkdtempSync(join(tmpdir(), 'mamoru-upload-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('spooled uploads', () => {
  it('are created readable by the owner only, and removed', async () => {
    const file = await spool(Readable.from([Buffer.from('Code,Name\r\n')]), 1000, dir);
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    await file.remove();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('are removed when the body is over the limit', async () => {
    await expect(spool(Readable.from([Buffer.alloc(2000)]), 1000, dir)).rejects.toMatchObject({
      statusCode: 413,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("of a process that died are removed at the next start, a live process's are kept", () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
    writeFileSync(join(dir, `upload-${dead}-x`), 'asset data');
    writeFileSync(join(dir, `upload-${process.pid}-y`), 'asset data');
    expect(removeLeftoverUploads(dir)).toBe(1);
    expect(readdirSync(dir)).toEqual([`upload-${process.pid}-y`]);
    rmSync(join(dir, `upload-${process.pid}-y`));
  });

  it('still open when the process exits (a shutdown timeout) are removed on exit', () => {
    const module = fileURLToPath(new URL('./upload.ts', import.meta.url));
    const script = `
      import { Readable } from 'node:stream';
      import { spool } from ${JSON.stringify(module)};
      await spool(Readable.from([Buffer.from('x')]), 10, ${JSON.stringify(dir)});
      process.exit(1);
    `;
    const run = spawnSync(process.execPath, [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      script,
    ]);
    expect(run.status, run.stderr.toString()).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});
