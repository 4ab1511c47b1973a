import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { DomainError } from '@mamoru/domain';

/**
 * Streaming readers of spreadsheet files, row by row, so a file of 100,000
 * rows never sits in memory. Each yields the spreadsheet row number (the
 * header is row 1) and the cells as text.
 */
export interface FileRow {
  row: number;
  cells: string[];
}

export type FileFormat = 'csv' | 'xlsx';

/**
 * What one import file may cost (MAMORU_IMPORT_MAX_*): without them a CSV of a
 * million columns or one 300-million-character cell takes gigabytes of memory.
 */
export interface ImportLimits {
  maxUncompressedBytes: number;
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
}

/** The defaults of the MAMORU_IMPORT_MAX_* settings. */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxRows: 1_000_000,
  maxColumns: 200,
  // Excel's own limit of characters in a cell.
  maxCellChars: 32_767,
};

const overLimit = (code: string, params: Record<string, number>) =>
  new DomainError('validation', code, params);

/** Refuses a row over the column or cell-length limit, or past the row limit. */
function checkRow(row: FileRow, limits: ImportLimits) {
  if (row.row > limits.maxRows + 1) {
    throw overLimit('import_limit_rows', { limit: limits.maxRows });
  }
  if (row.cells.length > limits.maxColumns) {
    throw overLimit('import_limit_columns', { row: row.row, limit: limits.maxColumns });
  }
  if (row.cells.some((cell) => cell.length > limits.maxCellChars)) {
    throw overLimit('import_limit_cell', { row: row.row, limit: limits.maxCellChars });
  }
}

async function head(path: string, bytes: number) {
  const file = await open(path);
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** An XLSX file is a ZIP archive ("PK\x03\x04"); anything else is read as CSV. */
export async function detectFormat(path: string): Promise<FileFormat> {
  const start = await head(path, 4);
  return start.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) ? 'xlsx' : 'csv';
}

const SNIFF_BYTES = 64 * 1024;

/**
 * UTF-8 (with or without BOM) or Shift_JIS: Excel in Japan saves CSV as
 * Shift_JIS (Windows-31J, which iconv-lite calls cp932). The first 64 KiB
 * decide; a multi-byte character cut by that boundary does not count.
 */
export async function detectCsvEncoding(path: string): Promise<'utf8' | 'cp932'> {
  const start = await head(path, SNIFF_BYTES);
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return 'utf8';
  for (let cut = 0; cut <= 3 && cut < start.length; cut += 1) {
    if (isUtf8(start.subarray(0, start.length - cut))) return 'utf8';
    if (start.length < SNIFF_BYTES) break;
  }
  return 'cp932';
}

export async function* readCsvRows(path: string, limits: ImportLimits): AsyncGenerator<FileRow> {
  const encoding = await detectCsvEncoding(path);
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    // A record can only be longer than this with a cell or a column count over
    // the limits; the parser stops there instead of buffering the rest.
    max_record_size: limits.maxColumns * (limits.maxCellChars + 3),
  });
  const done = pipeline(createReadStream(path), iconv.decodeStream(encoding), parser);
  done.catch(() => undefined); // surfaces through the parser below
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      const next = { row, cells: record };
      checkRow(next, limits);
      yield next;
    }
    await done;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const csv = error as { code?: string; column?: unknown };
    if (csv.code === 'CSV_MAX_RECORD_SIZE') {
      // `column` counts the fields of the record read so far: many short ones or one long one.
      const wide = typeof csv.column === 'number' && csv.column >= limits.maxColumns;
      throw wide
        ? overLimit('import_limit_columns', { row: row + 1, limit: limits.maxColumns })
        : overLimit('import_limit_cell', { row: row + 1, limit: limits.maxCellChars });
    }
    throw new DomainError('validation', 'import_unreadable', {
      reason: error instanceof Error ? error.message : String(error),
    });
  } finally {
    parser.destroy();
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell of any kind exceljs reads (rich text, links, formulas, dates) as text. */
export function cellToText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: string;
    };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellToText(v.result);
    if (v.text !== undefined) return cellToText(v.text);
    if (v.error) return v.error;
    return '';
  }
  return String(value);
}

/** The sum of the uncompressed sizes the ZIP's central directory declares. */
export function uncompressedSize(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error) return reject(error);
      let total = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        zip.readEntry();
      });
      zip.on('end', () => resolve(total));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/**
 * Refuses an XLSX whose parts unpack to more than the limit before a byte of
 * it is inflated: exceljs keeps shared strings and a cell's text in memory.
 */
export async function checkXlsxSize(path: string, limits: ImportLimits) {
  let total: number;
  try {
    total = await uncompressedSize(path);
  } catch (error) {
    throw new DomainError('validation', 'import_unreadable', {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  if (total > limits.maxUncompressedBytes) {
    throw overLimit('import_limit_uncompressed', { limit: limits.maxUncompressedBytes });
  }
}

const unreadable = (error: unknown) =>
  new DomainError('validation', 'import_unreadable', {
    reason: error instanceof Error ? error.message : String(error),
  });

function rowOf(number: number, values: unknown): FileRow {
  const list = (Array.isArray(values) ? values : []) as unknown[];
  // exceljs rows are 1-based: values[0] is always empty.
  const cells = Array.from({ length: Math.max(0, list.length - 1) }, (_, i) =>
    cellToText(list[i + 1]),
  );
  return { row: number, cells };
}

/** The first worksheet's rows, streamed with exceljs's WorkbookReader. */
async function* streamedXlsxRows(path: string): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // number formats tell dates from numbers
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const r of sheet) yield rowOf(r.number, r.values);
    break; // the register is the first sheet; others (notes) are ignored
  }
}

/** The first worksheet's rows from the whole workbook, read through the ZIP directory. */
async function loadedXlsxRows(path: string): Promise<FileRow[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const rows: FileRow[] = [];
  book.worksheets[0]?.eachRow((r, number) => rows.push(rowOf(number, r.values)));
  return rows;
}

/**
 * The first worksheet of an XLSX file. The streaming reader keeps memory flat,
 * but it reads the ZIP front to back and now and then fails on a file it
 * cannot follow that way (seen as "reading 'sheets'" on workbooks exceljs
 * itself wrote). Such a file, failing before its first row, is read again
 * whole, within the uncompressed size checked first.
 */
export async function* readXlsxRows(path: string, limits: ImportLimits): AsyncGenerator<FileRow> {
  await checkXlsxSize(path, limits);
  let yielded = 0;
  let fallback: FileRow[] | null = null;
  try {
    for await (const next of streamedXlsxRows(path)) {
      checkRow(next, limits);
      yielded += 1;
      yield next;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (yielded > 0) throw unreadable(error);
    fallback = await loadedXlsxRows(path).catch((again: unknown) => {
      throw unreadable(again);
    });
  }
  for (const next of fallback ?? []) {
    checkRow(next, limits);
    yield next;
  }
}

export function readRows(path: string, format: FileFormat, limits: ImportLimits) {
  return format === 'xlsx' ? readXlsxRows(path, limits) : readCsvRows(path, limits);
}

/**
 * The checks that answer within the request (422) before any job starts: an
 * XLSX's unpacked size, and the header row's columns and cell lengths. Later
 * rows over a limit fail the job with the same codes. Returns the header
 * (the first row with a value), or null for a file without one.
 */
export async function checkImportCost(
  path: string,
  format: FileFormat,
  limits: ImportLimits,
): Promise<string[] | null> {
  const rows = readRows(path, format, limits);
  try {
    for (;;) {
      const next = await rows.next();
      if (next.done) return null;
      if (next.value.cells.some((cell) => cell.trim() !== '')) return next.value.cells;
    }
  } finally {
    // Stops the reader and closes the file.
    await rows.return(undefined);
  }
}
