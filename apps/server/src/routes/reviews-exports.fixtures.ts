import ExcelJS from 'exceljs';
import { execFileSync as run } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, schema, type Db } from '@mamoru/db';
import { nextReviewNumber, reviewCode } from '@mamoru/db/repositories/reviews-rows';

/**
 * Management reviews laid down row by row for the export tests: planning,
 * inputs and minutes belong to other parts of the area, so the rows are
 * inserted as those parts would leave them. Below them, readers of the
 * exported files (workbook cells, PDF text).
 */

export interface ReviewSeed {
  title?: string;
  status: 'planned' | 'inputs_prepared' | 'held' | 'submitted' | 'approved';
  heldOn?: string | null;
  summary?: string;
  agenda?: string[];
  approvedBy?: string | null;
  distributed?: boolean;
  preparedBy?: string | null;
  attendees?: { userId?: string; name?: string; role: string; attended: boolean | null }[];
  /** Input sections with their figures and items (discussion optional). */
  inputs?: {
    section: string;
    available?: boolean;
    figures?: Record<string, number>;
    items?: Record<string, unknown>[];
    omitted?: number;
    discussion?: string;
  }[];
  decisions?: {
    output: 'effectiveness' | 'procedure' | 'resources';
    procedureReason?: string | null;
    amount?: number | null;
    title: string;
    description?: string;
    inputSections?: string[];
    ownerId: string;
    dueDate: string;
    /** Create the tracked improvement (as approval would) with this status. */
    improvementStatus?: string;
  }[];
}

export interface SeededReview {
  id: string;
  code: string;
}

async function nextImprovementNumber(db: Db, org: string) {
  const [row] = await queryRows<{ next: number }>(
    db,
    sql`select coalesce(max(number), 0)::int + 1 as next from improvements
      where organization_id = ${org}`,
  );
  return row!.next;
}

export async function seedReview(db: Db, org: string, s: ReviewSeed): Promise<SeededReview> {
  const number = await nextReviewNumber(db, org);
  const [review] = await db
    .insert(schema.managementReviews)
    .values({
      organizationId: org,
      number,
      title: s.title ?? `マネジメントレビュー ${number}`,
      plannedOn: '2026-03-10',
      location: '本社 第1会議室',
      agenda: s.agenda ?? ['前回からの変化', '内部監査の結果', '決定事項の確認'],
      status: s.status,
      periodStart: s.status === 'planned' ? null : '2025-03-12',
      inputsPreparedAt: s.status === 'planned' ? null : new Date('2026-03-01T02:00:00Z'),
      inputsPreparedBy: s.preparedBy ?? null,
      heldOn: s.heldOn === undefined ? null : s.heldOn,
      minutesSummary: s.summary ?? '',
      approvedAt: s.approvedBy ? new Date('2026-03-20T05:00:00Z') : null,
      approvedBy: s.approvedBy ?? null,
      distributedAt: s.distributed ? new Date('2026-03-21T05:00:00Z') : null,
    })
    .returning();
  const id = review!.id;
  if (s.attendees?.length) {
    await db.insert(schema.managementReviewAttendees).values(
      s.attendees.map((a, position) => ({
        organizationId: org,
        reviewId: id,
        userId: a.userId ?? null,
        name: a.name ?? '',
        role: a.role,
        attended: a.attended,
        position,
      })),
    );
  }
  if (s.inputs?.length) {
    await db.insert(schema.managementReviewInputs).values(
      s.inputs.map((i) => ({
        organizationId: org,
        reviewId: id,
        section: i.section,
        available: i.available ?? true,
        figures: i.figures ?? {},
        items: i.items ?? [],
        omitted: i.omitted ?? 0,
        discussion: i.discussion ?? '',
      })),
    );
  }
  let decisionNumber = 0;
  for (const d of s.decisions ?? []) {
    let improvementId: string | null = null;
    if (d.improvementStatus) {
      const [imp] = await db
        .insert(schema.improvements)
        .values({
          organizationId: org,
          number: await nextImprovementNumber(db, org),
          source: 'management_review',
          sourceLink: { type: 'management_review', id, label: reviewCode(number) },
          title: d.title,
          status: d.improvementStatus,
          ownerId: d.ownerId,
          dueDate: d.dueDate,
        })
        .returning();
      improvementId = imp!.id;
    }
    await db.insert(schema.managementReviewDecisions).values({
      organizationId: org,
      reviewId: id,
      number: ++decisionNumber,
      output: d.output,
      procedureReason: d.procedureReason ?? null,
      amount: d.amount ?? null,
      title: d.title,
      description: d.description ?? '',
      inputSections: d.inputSections ?? [],
      ownerId: d.ownerId,
      dueDate: d.dueDate,
      improvementId,
    });
  }
  return { id, code: reviewCode(number) };
}

/** pdftotext (poppler-utils) reads the PDFs back; the PDF tests skip without it. */
export const hasPdftotext = (() => {
  try {
    run('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * The PDF's text in content order with all white space removed: table cells
 * wrap across lines, so a phrase is found whatever the column width.
 */
export function pdfWords(bytes: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'mamoru-minutes-'));
  try {
    writeFileSync(join(dir, 'm.pdf'), bytes);
    const text = run('pdftotext', ['-raw', join(dir, 'm.pdf'), '-'], { encoding: 'utf8' });
    return text.replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
export const words = (s: string) => s.replace(/\s+/g, '');

/** Every string cell of every sheet, by sheet name. */
export async function workbookText(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheets: Record<string, string[]> = {};
  for (const sheet of book.worksheets) {
    sheets[sheet.name] = [];
    sheet.eachRow((row) => {
      const cells = (row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
      sheets[sheet.name]!.push(cells.join(' | '));
    });
  }
  return { names: book.worksheets.map((s) => s.name), sheets };
}
