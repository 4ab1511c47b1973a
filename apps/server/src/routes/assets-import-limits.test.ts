import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import yazl from 'yazl';
import ExcelJS from 'exceljs';
import type { Job } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { login, setupOrganization, type Client } from '../testing/identity.ts';
import { runImport, upload, uniqueCode, waitForJob } from '../testing/isms.ts';
import { IMPORT_SYNC_MAX_BYTES } from './assets.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = 'Code,Name,Category,Owner,Confidentiality,Integrity,Availability';
const limits = { maxUncompressedBytes: 200_000, maxRows: 50, maxColumns: 20, maxCellChars: 100 };

/** A ZIP whose one part unpacks to `bytes` bytes, streamed: never that much in memory here. */
async function zipBomb(bytes: number): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  const part = Readable.from(
    (function* () {
      for (let left = bytes; left > 0; left -= chunk.length) {
        yield left >= chunk.length ? chunk : chunk.subarray(0, left);
      }
    })(),
  );
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('<?xml version="1.0"?><Types/>'), '[Content_Types].xml');
  zip.addReadStream(part, 'xl/sharedStrings.xml', { compressionLevel: 9 });
  zip.end();
  const out: Buffer[] = [];
  for await (const b of zip.outputStream) out.push(b as Buffer);
  return Buffer.concat(out);
}

/** The title of a problem, checked for placeholders left unfilled. */
function expectWorded(text: string) {
  expect(text).not.toMatch(/\{\w+\}/);
}

describeEachDatabase('what one import file may cost', (ctx) => {
  let app: App;
  let admin: Client;
  let defaults: App;
  /** The same administrator on a server with the default limits. */
  let plain: Client;
  let email: string;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database, { importLimits: limits });
    defaults = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    email = admin.user.email;
    plain = await login(defaults, email);
  });
  afterAll(async () => {
    await app.close();
    await defaults.close();
  });

  const row = (i: number, name = `Asset ${i}`) =>
    `${uniqueCode('LIM')},${name},information,${email},1,2,3`;

  it('a CSV with 1,000,000 columns is refused with 422 naming the column limit', async () => {
    const wide = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',') + '\r\n';
    for (const [client, limit] of [
      [admin, 20],
      [plain, 200],
    ] as const) {
      const res = await upload(client, '/api/v1/assets/import', wide);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'import_limit_columns' });
      expect(res.json<{ title: string }>().title).toContain(String(limit));
      expectWorded(res.json<{ title: string }>().title);
    }
  });

  it('a cell over the length limit is refused: 422 in the header, a failed job further down', async () => {
    const long = 'x'.repeat(101);
    const inHeader = await upload(admin, '/api/v1/assets/import', `${HEADER},${long}\r\n`);
    expect(inHeader.statusCode).toBe(422);
    expect(inHeader.json()).toMatchObject({ code: 'import_limit_cell' });

    const { job } = await runImport(admin, [HEADER, row(1), row(2, long)].join('\r\n'));
    expect(job).toMatchObject({ status: 'failed', error: { code: 'import_limit_cell' } });
    expect(job.error!.message).toContain('100');
    expect(job.error!.message).toContain('3'); // the row
    expectWorded(job.error!.message);
  });

  it('a background import that meets a limit fails its job with the limit named', async () => {
    const lines = [HEADER];
    let bytes = 0;
    for (let i = 0; bytes <= IMPORT_SYNC_MAX_BYTES; i++) {
      const line = row(i, 'n'.repeat(90));
      lines.push(line);
      bytes += line.length + 2;
    }
    lines.push(row(lines.length, 'z'.repeat(40_000)));
    const res = await upload(plain, '/api/v1/assets/import', lines.join('\r\n'));
    expect(res.statusCode).toBe(202);
    const job = await waitForJob(plain, res.json<Job>().id);
    expect(job).toMatchObject({ status: 'failed', error: { code: 'import_limit_cell' } });
    expect(job.error!.message).toContain('32767');
    expect(job.error!.message).toContain(String(lines.length));
    expectWorded(job.error!.message);
  });

  it('more rows than the limit fail the import, naming the limit', async () => {
    const rows = Array.from({ length: 51 }, (_, i) => row(i));
    const { job } = await runImport(admin, [HEADER, ...rows].join('\r\n'));
    expect(job).toMatchObject({ status: 'failed', error: { code: 'import_limit_rows' } });
    expect(job.error!.message).toContain('50');
  });

  it('an XLSX that unpacks past the limit is refused from its directory alone', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Assets');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([uniqueCode('X'), 'y'.repeat(250_000)]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const res = await upload(admin, '/api/v1/assets/import', file, XLSX);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'import_limit_uncompressed' });
    expectWorded(res.json<{ title: string }>().title);
  });

  it('a 300 MB cell in an XLSX is refused without the memory it would take', async () => {
    const file = await zipBomb(300 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const res = await upload(plain, '/api/v1/assets/import', file, XLSX);
    const grown = process.memoryUsage().rss - before;
    process.stdout.write(`\n  [${ctx.kind}] RSS grew ${Math.round(grown / 1048576)} MB\n`);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'import_limit_uncompressed' });
    expect(grown).toBeLessThan(100 * 1024 * 1024);
  }, 120_000);

  it('a CSV whose header has only unknown columns answers 422, small or large', async () => {
    const small = 'Foo,Bar,Baz\r\n1,2,3\r\n';
    const res = await upload(admin, '/api/v1/assets/import', small);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'import_no_known_columns' });
    const big = 'Foo,Bar\r\n' + '1,2\r\n'.repeat(IMPORT_SYNC_MAX_BYTES / 4);
    const validate = await upload(admin, '/api/v1/assets/import/validate', big);
    expect(validate.statusCode).toBe(422);
  });

  it('an unreadable file names its reason, never a literal {reason}', async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]);
    const res = await upload(admin, '/api/v1/assets/import', broken, XLSX);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'import_unreadable' });
    expectWorded(res.json<{ title: string }>().title);
  });
});
