import { PassThrough, Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FileFormat } from './read.ts';
import { neutralize } from '@mamoru/domain';

/**
 * Streaming writers of spreadsheet files: rows go out as they are produced,
 * so an export of 100,000 assets never sits in memory.
 */
export type Cell = string | number | null;

// CSV injection: formula-like text gets a leading apostrophe (one rule with the domain's exports).
export { neutralize };
const safe = (cell: Cell) => (typeof cell === 'string' ? neutralize(cell) : cell);

export interface Sheet {
  name: string;
  header: string[];
  rows: AsyncIterable<Cell[]> | Iterable<Cell[]>;
}

async function* csvRecords(sheet: Sheet) {
  yield sheet.header.map((h) => safe(h));
  for await (const row of sheet.rows) yield row.map((c) => safe(c) ?? '');
}

/** CSV in UTF-8 with a BOM, so Excel opens Japanese text correctly. Only the first sheet. */
async function writeCsv(sheet: Sheet, out: Writable) {
  await pipeline(Readable.from(csvRecords(sheet)), stringify({ bom: true }), out);
}

/** XLSX through exceljs's streaming WorkbookWriter (inline strings, rows committed one by one). */
async function writeXlsx(sheets: Sheet[], out: Writable) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    const header = worksheet.addRow(sheet.header.map((h) => safe(h)));
    header.font = { bold: true };
    header.commit();
    for await (const row of sheet.rows) worksheet.addRow(row.map(safe)).commit();
    worksheet.commit();
  }
  await workbook.commit();
}

const MIME: Record<FileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Sends sheets as a download, streaming. A failure half-way (the database went
 * away) ends the response instead of hanging it, and is logged.
 */
export function sendSpreadsheet(
  request: FastifyRequest,
  reply: FastifyReply,
  format: FileFormat,
  filename: string,
  sheets: Sheet[],
) {
  const body = new PassThrough();
  const written = format === 'xlsx' ? writeXlsx(sheets, body) : writeCsv(sheets[0]!, body);
  written.catch((err: unknown) => {
    request.log.error({ err }, `${filename} export failed`);
    body.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return reply
    .type(MIME[format])
    .header('content-disposition', `attachment; filename="${filename}.${format}"`)
    .send(body);
}
