import ExcelJS from 'exceljs';
import { neutralize } from './cells.ts';

/** A sheet as the areas' exports describe it (the server streams the same shape). */
export interface WorkbookSheet {
  name: string;
  header: string[];
  rows: Iterable<(string | number | null)[]>;
}

const safe = (cell: string | number | null) => (typeof cell === 'string' ? neutralize(cell) : cell);

/**
 * Sheets as one XLSX file in memory, for the command line (the server streams
 * its own). Formula-like text is kept as text, as in every export.
 */
export async function sheetsXlsx(sheets: readonly WorkbookSheet[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Mamoru';
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(s.header.map((h) => safe(h))).font = { bold: true };
    for (const row of s.rows) sheet.addRow(row.map(safe));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
