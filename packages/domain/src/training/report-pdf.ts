import type { Content } from 'pdfmake/interfaces';
import { renderPdf, textTable } from '../reports/pdf.ts';
import type { TrainingReportDocument } from './report.ts';
import { REPORT_TEXT } from './report-labels.ts';

/** The training records as a landscape PDF: the facts, then each table under its heading. */
export async function trainingReportPdf(
  doc: TrainingReportDocument,
  orgName: string,
): Promise<Buffer> {
  const t = REPORT_TEXT[doc.lang];
  const content: Content[] = [
    { text: doc.title, style: 'h1' },
    {
      table: {
        widths: [100, '*'],
        body: doc.facts.map(([label, value]) => [{ text: label, bold: true }, value || '—']),
      },
      layout: 'lightHorizontalLines',
    },
  ];
  for (const s of doc.sections) {
    // Shares of the page width, in the proportions of the XLSX columns.
    const sum = s.widths.reduce((a, b) => a + b, 0);
    const widths = s.widths.map((w) => `${((w * 100) / sum).toFixed(2)}%`);
    content.push({ text: s.heading, style: 'h1' });
    content.push(s.rows.length ? textTable(s.headers, s.rows, widths) : { text: t.none });
  }
  return renderPdf(content, {
    title: doc.title,
    footer: `${orgName} — ${doc.title}`,
    orientation: 'landscape',
  });
}
