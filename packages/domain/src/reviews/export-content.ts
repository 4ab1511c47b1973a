import { REVIEW_INPUT_SECTIONS, reviewInputItemSchema } from '@mamoru/contracts';
import type { ReviewRow } from '@mamoru/db/repositories/reviews-rows';
import { reviewCode } from '@mamoru/db/repositories/reviews-rows';
import { improvementCode } from '../improvement/improvements-presenters.ts';
import { changeText, kindText, statusText } from './export-item-labels.ts';
import {
  ATTENDANCE_TEXT,
  ATTENDEE_ROLE_TEXT,
  FIGURE_TEXT,
  MINUTES_TEXT,
  OUTPUT_TEXT,
  REASON_TEXT,
  REVIEW_STATUS_TEXT,
  SECTION_TEXT,
  type ExportLang,
} from './export-labels.ts';

/** What the export reads besides the review row (from the area's repositories). */
export interface ExportAttendeeRow {
  id: string;
  name: string;
  role: string;
  attended: boolean | null;
}

export interface ExportDecisionRow {
  number: number;
  output: string;
  procedureReason: string | null;
  amount: number | null;
  currency: string;
  title: string;
  description: string;
  inputSections: string[];
  ownerName: string | null;
  dueDate: string;
  improvementNumber: number | null;
  improvementStatus: string | null;
}

export interface ExportInputRow {
  section: string;
  available: boolean;
  figures: Record<string, number>;
  items: unknown[];
  omitted: number;
  discussion: string;
}

/**
 * The minutes as one language-resolved document, built by pure functions from
 * the review's rows; the PDF and XLSX renderers only lay it out, so both
 * formats always say the same thing.
 */

export type Cell = string | number;

export interface AnnexSection {
  key: string;
  heading: string;
  /** Why the section has no content: the area is missing, or the period was empty. */
  note: string | null;
  figures: [string, number][];
  items: Cell[][];
  omittedNote: string | null;
}

export interface MinutesDocument {
  lang: ExportLang;
  code: string;
  title: string;
  draft: boolean;
  cover: [string, string][];
  attendees: Cell[][];
  agenda: string[];
  summary: string;
  discussion: { key: string; heading: string; text: string }[];
  decisions: Cell[][];
  annexFacts: [string, string][];
  annex: AnnexSection[];
}

export interface MinutesSource {
  review: ReviewRow;
  orgName: string;
  /** Display names of the users the review row points at. */
  names: Map<string, string>;
  attendees: ExportAttendeeRow[];
  decisions: ExportDecisionRow[];
  inputs: ExportInputRow[];
  /** The date the file is produced (printed on the cover). */
  issuedOn: string;
}

const day = (d: Date | string | null | undefined) =>
  d ? (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10)) : '';
const minute = (d: Date | null) =>
  d ? d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '';

function figureLabel(lang: ExportLang, key: string) {
  // A key added after this table was written still reads as words, not as camelCase.
  return FIGURE_TEXT[lang][key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Figures in the order the labels list them; keys we do not know yet follow. */
function orderedFigures(lang: ExportLang, figures: Record<string, number>): [string, number][] {
  const known = Object.keys(FIGURE_TEXT.en);
  const keys = Object.keys(figures).sort((a, b) => {
    const [ia, ib] = [known.indexOf(a), known.indexOf(b)];
    return (ia < 0 ? known.length : ia) - (ib < 0 ? known.length : ib) || a.localeCompare(b);
  });
  return keys.map((k) => [figureLabel(lang, k), figures[k]!]);
}

export function formatAmount(lang: ExportLang, amount: number, currency: string) {
  try {
    return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    return `${amount.toLocaleString('en-US')} ${currency}`;
  }
}

/** From the period start to the meeting (or to the pack's compilation before it met). */
const periodOf = (r: ReviewRow) =>
  r.periodStart ? `${r.periodStart} – ${r.heldOn ?? day(r.inputsPreparedAt)}` : '';

function coverFacts(s: MinutesSource, lang: ExportLang): [string, string][] {
  const t = MINUTES_TEXT[lang];
  const r = s.review;
  const person = (id: string | null) => (id ? (s.names.get(id) ?? '') : '');
  return [
    [t.organization, s.orgName],
    [t.review, `${reviewCode(r.number)} ${r.title}`],
    [t.plannedOn, r.plannedOn],
    [t.heldOn, r.heldOn ?? ''],
    [t.location, r.location],
    [t.status, REVIEW_STATUS_TEXT[lang][r.status] ?? ''],
    [t.period, periodOf(r)],
    [t.approvedBy, person(r.approvedBy)],
    [t.approvedOn, day(r.approvedAt)],
    [t.distributedOn, day(r.distributedAt)],
    [t.issued, s.issuedOn],
  ];
}

/** The input sections a decision answers, by their letters (readiness etc. by name). */
function answered(sections: string[], lang: ExportLang) {
  if (!sections.length) return '';
  const names = sections.map((s) => (s.length === 1 ? s : (SECTION_TEXT[lang][s] ?? s)));
  return MINUTES_TEXT[lang].answers(names.join(lang === 'ja' ? '、' : ', '));
}

function decisionRow(d: ExportDecisionRow, lang: ExportLang, approved: boolean): Cell[] {
  const t = MINUTES_TEXT[lang];
  const why =
    d.output === 'procedure' && d.procedureReason
      ? (REASON_TEXT[lang][d.procedureReason] ?? '')
      : d.output === 'resources' && d.amount !== null
        ? formatAmount(lang, d.amount, d.currency)
        : '';
  const tracked =
    d.improvementNumber !== null
      ? `${improvementCode(d.improvementNumber)} ${statusText(lang, 'improvement', d.improvementStatus)}`
      : approved
        ? ''
        : t.trackedOnApproval;
  return [
    d.number,
    OUTPUT_TEXT[lang][d.output] ?? '',
    [d.title, d.description, answered(d.inputSections, lang)].filter(Boolean).join('\n'),
    why,
    d.ownerName ?? '',
    d.dueDate,
    tracked,
  ];
}

function annexSection(row: ExportInputRow, lang: ExportLang): AnnexSection {
  const t = MINUTES_TEXT[lang];
  const figures = orderedFigures(lang, row.figures ?? {});
  const items = (row.items ?? []).flatMap((raw) => {
    const parsed = reviewInputItemSchema.safeParse(raw);
    if (!parsed.success) return [];
    const i = parsed.data;
    const detail = [changeText(lang, i.change), i.detail ?? ''].filter(Boolean).join(' / ');
    return [
      [
        kindText(lang, i.kind),
        i.ref ?? '',
        i.title,
        statusText(lang, i.kind, i.status),
        i.date ?? '',
        detail,
      ],
    ];
  });
  const empty = figures.every(([, n]) => n === 0) && items.length === 0 && row.omitted === 0;
  return {
    key: row.section,
    heading: SECTION_TEXT[lang][row.section] ?? row.section,
    note: !row.available ? t.notAvailable : empty ? t.emptySection : null,
    figures,
    items,
    omittedNote: row.omitted > 0 ? t.omitted(row.omitted) : null,
  };
}

const bySection = (a: { section: string }, b: { section: string }) =>
  REVIEW_INPUT_SECTIONS.indexOf(a.section as never) -
  REVIEW_INPUT_SECTIONS.indexOf(b.section as never);

export function buildMinutesDocument(s: MinutesSource, lang: ExportLang): MinutesDocument {
  const t = MINUTES_TEXT[lang];
  const r = s.review;
  const approved = r.status === 'approved';
  const attendance = ATTENDANCE_TEXT[lang];
  const inputs = [...s.inputs].sort(bySection);
  return {
    lang,
    code: reviewCode(r.number),
    title: r.title,
    draft: !approved,
    cover: coverFacts(s, lang),
    attendees: s.attendees.map((a) => [
      a.name,
      ATTENDEE_ROLE_TEXT[lang][a.role] ?? '',
      a.attended === null ? attendance.unknown : a.attended ? attendance.yes : attendance.no,
    ]),
    agenda: r.agenda,
    summary: r.minutesSummary,
    // A section no area feeds yet was not discussed unless the minutes say otherwise.
    discussion: inputs
      .filter((i) => i.available || i.discussion)
      .map((i) => ({
        key: i.section,
        heading: SECTION_TEXT[lang][i.section] ?? i.section,
        text: i.discussion || t.notRecorded,
      })),
    decisions: s.decisions.map((d) => decisionRow(d, lang, approved)),
    annexFacts: [
      [t.period, periodOf(r)],
      [t.preparedAt, minute(r.inputsPreparedAt)],
      [t.preparedBy, r.inputsPreparedBy ? (s.names.get(r.inputsPreparedBy) ?? '') : ''],
    ],
    annex: inputs.map((i) => annexSection(i, lang)),
  };
}
