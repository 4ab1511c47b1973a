import type { Db } from '@mamoru/db';
import { attendeesOf } from '@mamoru/db/repositories/reviews';
import { getOrganization } from '@mamoru/db/repositories/organizations';
import { listInputRows } from '@mamoru/db/repositories/reviews-inputs';
import { allDecisionViews } from '@mamoru/db/repositories/reviews-minutes';
import { displayNames } from '@mamoru/db/repositories/users';
import { reviewCode } from '@mamoru/db/repositories/reviews-rows';
import type { RequestContext } from '../audit/trail.ts';
import { conflict } from '../errors.ts';
import { readableReview } from './access.ts';
import { buildMinutesDocument } from './export-content.ts';
import type { ExportLang } from './export-labels.ts';
import { minutesPdf } from './export-pdf.ts';
import { minutesXlsx } from './export-xlsx.ts';

/**
 * The minutes of a management review as PDF or XLSX, in Japanese or English,
 * with the frozen input pack as an annex. Minutes exist once the review has
 * been held; until top management approves them the file is marked a draft.
 */

/** Statuses in which there are minutes to print. */
const WITH_MINUTES = new Set(['held', 'submitted', 'approved']);

export interface MinutesFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

export async function exportReviewMinutes(
  db: Db,
  ctx: RequestContext,
  reviewId: string,
  q: { format: 'pdf' | 'xlsx'; lang: ExportLang },
): Promise<MinutesFile> {
  const review = await readableReview(db, ctx, reviewId);
  if (!WITH_MINUTES.has(review.status)) throw conflict('review_minutes_not_started');
  const org = ctx.actor.organizationId;
  const [organization, attendees, decisions, inputs, names] = await Promise.all([
    getOrganization(db, org),
    attendeesOf(db, org, [review.id]),
    allDecisionViews(db, org, review.id),
    listInputRows(db, org, review.id),
    displayNames(
      db,
      org,
      [review.approvedBy, review.inputsPreparedBy].filter((id): id is string => id !== null),
    ),
  ]);
  const orgName = organization?.name ?? '';
  const doc = buildMinutesDocument(
    {
      review,
      orgName,
      names,
      attendees: attendees.map((a) => ({ ...a, name: a.userName ?? a.name })),
      decisions,
      inputs,
      issuedOn: new Date().toISOString().slice(0, 10),
    },
    q.lang,
  );
  const filename = `management-review-${reviewCode(review.number)}-${q.lang}.${q.format}`;
  if (q.format === 'xlsx') {
    return {
      filename,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await minutesXlsx(doc),
    };
  }
  return { filename, contentType: 'application/pdf', body: await minutesPdf(doc, orgName) };
}
