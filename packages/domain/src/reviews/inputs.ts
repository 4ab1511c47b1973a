import type { Db, Executor } from '@mamoru/db';
import {
  insertInputRows,
  listInputRows,
  previousApprovedReview,
  type InputRow,
} from '@mamoru/db/repositories/reviews-inputs';
import { getReviewSettings } from '@mamoru/db/repositories/reviews';
import { updateReviewRow, type ReviewRow } from '@mamoru/db/repositories/reviews-rows';
import {
  REVIEW_INPUT_FIGURES,
  REVIEW_INPUT_SECTIONS,
  type ReviewInputItem,
  type ReviewInputSectionKey,
  type ReviewInputPack,
  type ReviewInputSection,
} from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { addMonths } from '../documents/rules.ts';
import { conflict, staleVersion } from '../errors.ts';
import { lockReviewForManage, readableReview, REVIEW_ENTITY } from './access.ts';
import { compileInputPack, isEmptySection, type CompiledSection } from './inputs-sections.ts';
import { DEFAULT_REVIEW_INTERVAL_MONTHS } from './settings.ts';

/**
 * The input pack of a management review (6.2): compiled from the registers
 * when the ISMS manager prepares the inputs and frozen from then on, so the
 * minutes always rest on what the ISMS showed that day. Before that, reading
 * the pack gives a live preview that is not stored.
 */

export { compileInputPack, isEmptySection } from './inputs-sections.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Where the period of the inputs starts: the previous approved review's date,
 * else one review interval (review_settings, 12 months by default) before
 * `asOf`; with the previous review, whose decisions input f follows.
 */
export async function inputPeriodStart(db: Executor, org: string, reviewId: string, asOf: string) {
  const previous = await previousApprovedReview(db, org, reviewId);
  if (previous) return { periodStart: previous.held_on, previousReviewId: previous.id };
  const settings = await getReviewSettings(db, org);
  const months = settings?.intervalMonths ?? DEFAULT_REVIEW_INTERVAL_MONTHS;
  return { periodStart: addMonths(asOf, -months), previousReviewId: null };
}

function presentCompiled(s: CompiledSection, compiledAt: string): ReviewInputSection {
  return {
    section: s.section,
    available: s.available,
    figures: s.figures,
    items: s.items as ReviewInputItem[],
    omitted: s.omitted,
    empty: isEmptySection(s),
    discussion: '',
    compiledAt,
  };
}

/** The stored figures in the agreed order (jsonb keeps its own key order). */
function inOrder(section: ReviewInputSectionKey, figures: Record<string, number>) {
  const known: readonly string[] = REVIEW_INPUT_FIGURES[section];
  const rest = Object.keys(figures).filter((k) => !known.includes(k));
  return Object.fromEntries(
    [...known.filter((k) => k in figures), ...rest].map((k) => [k, figures[k]!]),
  );
}

function presentStored(row: InputRow): ReviewInputSection {
  const items = row.items as ReviewInputItem[];
  const section = row.section as ReviewInputSectionKey;
  return {
    section,
    available: row.available,
    figures: inOrder(section, row.figures),
    items,
    omitted: row.omitted,
    empty: isEmptySection({ figures: row.figures, items }),
    discussion: row.discussion,
    compiledAt: row.compiledAt.toISOString(),
  };
}

const order = (key: ReviewInputSectionKey) => REVIEW_INPUT_SECTIONS.indexOf(key);

function storedPack(review: ReviewRow, rows: InputRow[]): ReviewInputPack {
  return {
    reviewId: review.id,
    periodStart: review.periodStart,
    preparedAt: review.inputsPreparedAt?.toISOString() ?? null,
    sections: rows.map(presentStored).sort((a, b) => order(a.section) - order(b.section)),
  };
}

/**
 * Compiles the inputs and freezes them (planned → inputs_prepared): eleven
 * snapshot rows, the period on the review, and the audit event, in one
 * transaction under the review's lock.
 */
export async function prepareInputs(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
): Promise<{ review: ReviewRow; pack: ReviewInputPack }> {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const row = await lockReviewForManage(tx, ctx, id, expectedVersion);
    if (row.status !== 'planned') {
      throw conflict('review_inputs_not_planned', { status: row.status });
    }
    const asOf = today();
    const { periodStart, previousReviewId } = await inputPeriodStart(tx, org, id, asOf);
    const sections = await compileInputPack(tx, org, {
      periodStart,
      previousReviewId,
      asOf,
      reviewId: id,
      lang: ctx.actor.locale ?? 'ja',
    });
    const now = new Date();
    const rows = await insertInputRows(
      tx,
      org,
      id,
      sections.map((s) => ({
        section: s.section,
        available: s.available,
        figures: s.figures,
        items: s.items,
        omitted: s.omitted,
        compiledAt: now,
      })),
    );
    const updated = await updateReviewRow(tx, org, id, row.version, {
      status: 'inputs_prepared',
      periodStart,
      inputsPreparedAt: now,
      inputsPreparedBy: ctx.actor.userId,
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'management_review.inputs_prepared',
        entityType: REVIEW_ENTITY,
        entityId: id,
        before: { status: row.status },
        after: {
          status: updated.status,
          periodStart,
          asOf,
          figures: Object.fromEntries(sections.map((s) => [s.section, s.figures])),
        },
      },
    ]);
    return { review: updated, pack: storedPack(updated, rows) };
  });
}

/**
 * The pack as frozen; before the inputs are prepared, a preview compiled now
 * (preparedAt null) for the period the preparation would use.
 */
export async function getInputPack(
  db: Db,
  ctx: RequestContext,
  id: string,
): Promise<{ review: ReviewRow; pack: ReviewInputPack }> {
  const review = await readableReview(db, ctx, id);
  const org = ctx.actor.organizationId;
  if (review.inputsPreparedAt) {
    return { review, pack: storedPack(review, await listInputRows(db, org, id)) };
  }
  const asOf = today();
  const { periodStart, previousReviewId } = await inputPeriodStart(db, org, id, asOf);
  const compiledAt = new Date().toISOString();
  const sections = await compileInputPack(db, org, {
    periodStart,
    previousReviewId,
    asOf,
    reviewId: id,
    lang: ctx.actor.locale ?? 'ja',
  });
  return {
    review,
    pack: {
      reviewId: id,
      periodStart,
      preparedAt: null,
      sections: sections.map((s) => presentCompiled(s, compiledAt)),
    },
  };
}
