import ExcelJS from 'exceljs';
import type { MinutesDocument } from './export-content.ts';
import { MINUTES_TEXT } from './export-labels.ts';

/**
 * The minutes as a workbook: a cover sheet (facts, agenda, summary), one
 * sheet each for attendees, discussion and decisions, and the input pack as
 * the last sheet (per section its figures, then its items).
 */
export async function minutesXlsx(doc: MinutesDocument): Promise<Buffer> {
  const t = MINUTES_TEXT[doc.lang];
  const book = new ExcelJS.Workbook();
  book.creator = 'Mamoru';
  const bold = { bold: true };

  const cover = book.addWorksheet(t.sheetCover);
  cover.columns = [{ width: 28 }, { width: 80 }];
  cover.addRow([t.title]).font = { bold: true, size: 14 };
  if (doc.draft)
    cover.addRow([t.draftMark, t.draftNote]).font = { bold: true, color: { argb: 'FFC00000' } };
  for (const fact of doc.cover) cover.addRow(fact).getCell(1).font = bold;
  cover.addRow([]);
  cover.addRow([t.agenda]).font = bold;
  doc.agenda.forEach((line, i) => cover.addRow([i + 1, line]));
  cover.addRow([]);
  cover.addRow([t.summary, doc.summary || t.notRecorded]).getCell(1).font = bold;

  const attendees = book.addWorksheet(t.sheetAttendees, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  attendees.columns = [36, 24, 16].map((width) => ({ width }));
  attendees.addRow([...t.attendeeHeaders]).font = bold;
  for (const row of doc.attendees) attendees.addRow(row);

  const discussion = book.addWorksheet(t.sheetDiscussion, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  discussion.columns = [50, 90].map((width) => ({ width }));
  discussion.addRow([t.sectionColumn, t.discussion]).font = bold;
  for (const d of doc.discussion) discussion.addRow([d.heading, d.text]);

  const decisions = book.addWorksheet(t.sheetDecisions, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  decisions.columns = [8, 28, 60, 28, 20, 12, 24].map((width) => ({ width }));
  decisions.addRow([...t.decisionHeaders]).font = bold;
  for (const row of doc.decisions) decisions.addRow(row);

  const annex = book.addWorksheet(t.sheetAnnex);
  annex.columns = [30, 14, 50, 18, 12, 30].map((width) => ({ width }));
  annex.addRow([t.annex]).font = { bold: true, size: 12 };
  for (const fact of doc.annexFacts) annex.addRow(fact).getCell(1).font = bold;
  if (!doc.annex.length) annex.addRow([t.noPack]);
  for (const s of doc.annex) {
    annex.addRow([]);
    annex.addRow([s.heading]).font = { bold: true, size: 11 };
    if (s.note) annex.addRow([s.note]);
    if (s.figures.length) {
      annex.addRow([...t.figureHeaders]).font = bold;
      for (const f of s.figures) annex.addRow(f);
    }
    if (s.items.length) {
      annex.addRow([...t.itemHeaders]).font = bold;
      for (const item of s.items) annex.addRow(item);
    }
    if (s.omittedNote) annex.addRow([s.omittedNote]);
  }

  for (const sheet of [cover, attendees, discussion, decisions, annex]) {
    sheet.eachRow((row) => {
      row.alignment = { vertical: 'top', wrapText: true };
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
