import type { Executor } from '@mamoru/db';
import { shippedLibrary } from '@mamoru/catalog';
import { conformityFacts } from '@mamoru/db/repositories/conformity';
import {
  type InputItemRow,
  type InputPeriod,
  type SectionFacts,
} from '@mamoru/db/repositories/reviews-inputs';
import {
  auditInputs,
  feedbackInputs,
  followUpInputs,
} from '@mamoru/db/repositories/reviews-inputs-checks';
import {
  correctiveInputs,
  improvementInputs,
  proposalInputs,
} from '@mamoru/db/repositories/reviews-inputs-improvement';
import { changeInputs, riskInputs } from '@mamoru/db/repositories/reviews-inputs-changes';
import { incidentInputs } from '@mamoru/db/repositories/reviews-inputs-incidents';
import { REVIEW_INPUT_FIGURES, type ReviewInputSectionKey } from '@mamoru/contracts';
import { evaluateConformity } from '../conformity/engine.ts';
import { CATEGORY, eventTitle } from '../events/export.ts';
import { KIND as LEGAL_KIND } from '../legal/export.ts';
import { annexControlIds, SCOPE_LIBRARY_ID } from '../scope/service.ts';

/**
 * Compiles the input pack of a management review from the registers: one
 * entry per section (6.2.a–h, readiness, incidents, and the areas Mamoru
 * does not hold yet), each with counted figures and the source objects behind them.
 */

export interface CompiledSection {
  section: ReviewInputSectionKey;
  available: boolean;
  figures: Record<string, number>;
  items: InputItemRow[];
  omitted: number;
}

export interface CompileOptions {
  /** First day of the period the pack covers. */
  periodStart: string;
  /** The day the pack describes (the last day of the period). */
  asOf: string;
  reviewId: string;
  /** The previous approved review, whose decisions section f follows (null: none). */
  previousReviewId: string | null;
  /** Language of the few titles the pack words itself (risk threats, the scope). */
  lang?: 'ja' | 'en';
}

type Lang = 'ja' | 'en';

const ASSET_CATEGORIES: Record<string, Record<Lang, string>> = {
  information: { ja: '情報', en: 'Information' },
  software: { ja: 'ソフトウェア', en: 'Software' },
  physical: { ja: '物理的資産', en: 'Physical' },
  service: { ja: 'サービス', en: 'Service' },
  people: { ja: '人', en: 'People' },
  intangible: { ja: '無形資産', en: 'Intangible' },
};
const SCOPE_TITLE: Record<Lang, string> = { ja: 'ISMS適用範囲', en: 'ISMS scope' };

/**
 * An event-log entry: the query passes an automatic entry's action in `change`;
 * it becomes the title's words (as the log's export says it), and `detail` the category.
 */
function wordedEvent(item: InputItemRow, lang: Lang): InputItemRow {
  const source = item.status === 'auto' ? 'auto' : 'manual';
  return {
    ...item,
    title: eventTitle({ source, action: item.change, title: item.title }, lang),
    change: null,
    detail: item.detail ? (CATEGORY[item.detail]?.[lang] ?? item.detail) : null,
  };
}

/** Words the rows cannot carry themselves: the scope's title, an asset's category. */
function worded(items: InputItemRow[], lang: Lang): InputItemRow[] {
  return items.map((item) => {
    if (item.kind === 'scope') return { ...item, title: SCOPE_TITLE[lang] };
    if (item.kind === 'isms_event') return wordedEvent(item, lang);
    if (item.kind === 'legal_obligation' && item.detail) {
      return { ...item, detail: LEGAL_KIND[item.detail]?.[lang] ?? item.detail };
    }
    if (item.kind === 'asset' && item.detail) {
      return { ...item, detail: ASSET_CATEGORIES[item.detail]?.[lang] ?? item.detail };
    }
    return item;
  });
}

/** The conformity view's readiness on the day: the engine run once over the facts. */
async function readinessInputs(db: Executor, org: string, today: string): Promise<SectionFacts> {
  const lib = await shippedLibrary(SCOPE_LIBRARY_ID);
  if (!lib) throw new Error(`shipped library ${SCOPE_LIBRARY_ID} missing`);
  const facts = await conformityFacts(db, org, today);
  const { summary } = evaluateConformity(lib, {
    ...facts,
    today,
    annexControlIds: await annexControlIds(),
  });
  return {
    figures: {
      readiness: summary.readiness,
      met: summary.counts.met,
      partial: summary.counts.partly_met,
      gap: summary.counts.not_met,
      notEvidenced: summary.counts.not_evidenced,
    },
    items: [],
    omitted: 0,
  };
}

const section = (key: ReviewInputSectionKey, facts: SectionFacts, lang: Lang): CompiledSection => ({
  section: key,
  available: true,
  // Exactly the section's agreed keys, in their order (the queries name the same ones).
  figures: Object.fromEntries(REVIEW_INPUT_FIGURES[key].map((f) => [f, facts.figures[f] ?? 0])),
  items: worded(facts.items, lang),
  omitted: facts.omitted,
});

/** Not in Mamoru yet: no figures, and the pack says so. */
const unavailable = (key: ReviewInputSectionKey): CompiledSection => ({
  section: key,
  available: false,
  figures: {},
  items: [],
  omitted: 0,
});

/**
 * Every section of the pack, in the order of REVIEW_INPUT_SECTIONS. Runs in
 * the caller's transaction so a prepared pack matches the registers it froze.
 * Legal, regulatory and contractual changes (part of 6.2.g) come from the
 * legal register.
 */
export async function compileInputPack(
  db: Executor,
  org: string,
  options: CompileOptions,
): Promise<CompiledSection[]> {
  const lang = options.lang ?? 'ja';
  const p: InputPeriod = {
    org,
    start: options.periodStart,
    asOf: options.asOf,
    reviewId: options.reviewId,
  };
  return [
    section('a', await auditInputs(db, p), lang),
    section('b', await feedbackInputs(db, p), lang),
    section('c', await improvementInputs(db, p), lang),
    section('d', await correctiveInputs(db, p), lang),
    section('e', await riskInputs(db, p, lang), lang),
    section('f', await followUpInputs(db, p, options.previousReviewId), lang),
    section('g', await changeInputs(db, p), lang),
    section('h', await proposalInputs(db, p), lang),
    section('readiness', await readinessInputs(db, org, options.asOf), lang),
    section('incidents', await incidentInputs(db, p), lang),
    unavailable('objectives'),
  ];
}

/** True when a section holds no figure above zero and no item. */
export function isEmptySection(s: { figures: Record<string, number>; items: readonly unknown[] }) {
  return s.items.length === 0 && Object.values(s.figures).every((v) => v <= 0);
}
