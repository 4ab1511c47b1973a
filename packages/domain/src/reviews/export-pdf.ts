import { coverPage, renderPdf, textTable } from '../reports/pdf.ts';
import type { MinutesDocument } from './export-content.ts';
import { MINUTES_TEXT } from './export-labels.ts';

/**
 * The minutes as a PDF: cover, attendees, agenda, summary, discussion per
 * input, decisions, then the input pack as an annex on its own pages. A draft
 * carries a watermark on every page and a note on the cover.
 */
export async function minutesPdf(doc: MinutesDocument, orgName: string): Promise<Buffer> {
  const t = MINUTES_TEXT[doc.lang];
  const content = coverPage({
    title: t.title,
    subtitle: `${doc.code} ${doc.title}`,
    facts: doc.cover,
  });
  // The draft note sits on the cover, above the facts table.
  if (doc.draft) content.splice(-1, 0, { text: t.draftNote, bold: true, margin: [0, 0, 0, 12] });
  content.push({ text: t.attendees, style: 'h1' });
  content.push(
    doc.attendees.length
      ? textTable(t.attendeeHeaders, doc.attendees, ['*', 120, 80])
      : { text: t.none },
  );
  content.push({ text: t.agenda, style: 'h1' });
  content.push(doc.agenda.length ? { ol: doc.agenda } : { text: t.none });
  content.push({ text: t.summary, style: 'h1' }, { text: doc.summary || t.notRecorded });
  content.push({ text: t.discussion, style: 'h1' });
  if (!doc.discussion.length) content.push({ text: t.noPack });
  for (const d of doc.discussion) content.push({ text: d.heading, style: 'h2' }, { text: d.text });
  content.push({ text: t.decisions, style: 'h1' });
  content.push(
    doc.decisions.length
      ? textTable(t.decisionHeaders, doc.decisions, [22, 70, '*', 70, 55, 50, 65])
      : { text: t.none },
  );
  content.push({ text: t.annex, style: 'h1', pageBreak: 'before' });
  content.push({
    table: {
      widths: [120, '*'],
      body: doc.annexFacts.map(([label, value]) => [{ text: label, bold: true }, value || '—']),
    },
    layout: 'lightHorizontalLines',
  });
  if (!doc.annex.length) content.push({ text: t.noPack, margin: [0, 8, 0, 0] });
  for (const s of doc.annex) {
    content.push({ text: s.heading, style: 'h2' });
    if (s.note) content.push({ text: s.note, style: 'muted', margin: [0, 0, 0, 4] });
    if (s.figures.length) content.push(textTable(t.figureHeaders, s.figures, ['*', 60]));
    if (s.figures.length && s.items.length) content.push({ text: ' ', fontSize: 4 });
    if (s.items.length) content.push(textTable(t.itemHeaders, s.items, [70, 55, '*', 60, 50, 80]));
    if (s.omittedNote) content.push({ text: s.omittedNote, style: 'muted' });
  }
  return renderPdf(content, {
    title: `${t.title} ${doc.code}`,
    footer: `${orgName} — ${t.title} ${doc.code}${doc.draft ? ` (${t.draftMark})` : ''}`,
    ...(doc.draft ? { watermark: t.draftMark } : {}),
  });
}
