import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS, readXlsxRows } from './read.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mamoru-xlsx-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Every entry of a ZIP, uncompressed, in its stored order. */
function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}

/** A ZIP of stored (uncompressed) entries in exactly the given order. */
function zip(entries: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A workbook exceljs wrote, re-zipped with relationships and shared strings
 * first, the worksheet next and the workbook part last (`workbook` replaces
 * that part's content when given).
 */
async function reorderedWorkbook(name: string, workbook?: string) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Assets');
  sheet.addRow(['code', 'name']);
  sheet.addRow(['A-1', '給与計算']);
  sheet.addRow(['A-2', 'Payroll']);
  const parts = await unzip(Buffer.from(await book.xlsx.writeBuffer()));
  const first = ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'];
  const last = workbook === undefined ? parts.get('xl/workbook.xml')! : Buffer.from(workbook);
  const ordered: [string, Buffer][] = [
    ...first.map((part): [string, Buffer] => [part, parts.get(part)!]),
    ...[...parts].filter(([part]) => !first.includes(part) && part !== 'xl/workbook.xml'),
    ['xl/workbook.xml', last],
  ];
  const path = join(dir, name);
  await writeFile(path, zip(ordered));
  return path;
}

describe('XLSX files the streaming reader cannot follow', () => {
  it('are read whole when the worksheet comes before the workbook part', async () => {
    const path = await reorderedWorkbook('reordered.xlsx');

    // The streaming reader alone fails on this order…
    const streaming = async () => {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit' });
      for await (const ws of reader) for await (const _row of ws) void _row;
    };
    await expect(streaming()).rejects.toThrow(/sheets/);

    // …and the import reads every row all the same.
    const rows: { row: number; cells: string[] }[] = [];
    for await (const r of readXlsxRows(path, DEFAULT_IMPORT_LIMITS)) rows.push(r);
    expect(rows).toEqual([
      { row: 1, cells: ['code', 'name'] },
      { row: 2, cells: ['A-1', '給与計算'] },
      { row: 3, cells: ['A-2', 'Payroll'] },
    ]);
  });

  it('answers import_unreadable when the whole read fails too', async () => {
    const path = await reorderedWorkbook('broken.xlsx', '<workbook');
    const read = async () => {
      for await (const _row of readXlsxRows(path, DEFAULT_IMPORT_LIMITS)) void _row;
    };
    await expect(read()).rejects.toMatchObject({ code: 'import_unreadable' });
  });
});
