import ExcelJS from 'exceljs';
import type { TrainingReportDocument } from './report.ts';

/** The training records as a workbook: a cover sheet, then one sheet per table. */
export async function trainingReportXlsx(doc: TrainingReportDocument): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Mamoru';
  const bold = { bold: true };
  const cover = book.addWorksheet(doc.title.slice(0, 31));
  cover.columns = [{ width: 20 }, { width: 60 }];
  cover.addRow([doc.title]).font = { bold: true, size: 14 };
  for (const fact of doc.facts) cover.addRow(fact).getCell(1).font = bold;
  for (const s of doc.sections) {
    const sheet = book.addWorksheet(s.heading.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = s.widths.map((width) => ({ width }));
    sheet.addRow([...s.headers]).font = bold;
    for (const row of s.rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
