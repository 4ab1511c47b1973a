import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * Conformity facts of the management review (6.1–6.3, 4.2.3.b/e, 5.1.g): the
 * interval, the latest approved review with its frozen input sections and its
 * decisions by output, the reviews planned or late, and the follow-up of the
 * decisions of approved reviews in the improvement register. Two set-based
 * queries whatever the number of reviews; lists are capped.
 */

const LIST_CAP = 20;
const DEFAULT_INTERVAL_MONTHS = 12;
/** Days ahead in which a planned review counts as due. */
export const REVIEW_DUE_SOON_DAYS = 30;

export interface ReviewRef {
  id: string;
  /** MR-0001. */
  code: string;
  status: string;
  plannedOn: string;
  heldOn: string | null;
}

/** One frozen section of the input pack, reduced to what the rules judge. */
export interface ReviewSectionFacts {
  section: string;
  available: boolean;
  /** No figure above zero and no item. */
  empty: boolean;
  /** How many items the section lists (stored plus omitted). */
  items: number;
}

export interface ApprovedReviewFacts extends ReviewRef {
  approvedAt: string | null;
  approvedByTopManagement: boolean;
  /** Whether an attendee in the top management role is marked as attended. */
  topManagementAttended: boolean;
  /** Minutes record a summary or a discussion of at least one input. */
  minutesRecorded: boolean;
  sections: ReviewSectionFacts[];
  /** Decisions per output: effectiveness (6.3.a), procedure (6.3.b), resources (6.3.c). */
  decisions: { effectiveness: number; procedure: number; resources: number };
  /** Decisions on procedures per reason (6.3.b.1–5). */
  procedureReasons: Record<string, number>;
}

/** A decision's tracked improvement at fault, or a decision without one. */
export interface DecisionFollowUpRef {
  reviewId: string;
  reviewCode: string;
  decisionNumber: number;
  /** IMP-0004, or null when no improvement tracks the decision. */
  improvementId: string | null;
  improvementCode: string | null;
  dueDate: string | null;
}

export interface ReviewFacts {
  intervalMonths: number;
  /** The latest approved review (by the date it was held), null before the first. */
  lastApproved: ApprovedReviewFacts | null;
  /** The day the next review is due by the interval (null before the first approved one). */
  nextDueOn: string | null;
  /** The earliest review under way (planned, inputs prepared, held, submitted). */
  underway: ReviewRef | null;
  /** Planned reviews (planned or inputs prepared) dated within the next 30 days. */
  plannedSoon: number;
  /** Planned reviews whose date has passed without being held. */
  plannedLate: number;
  plannedLateRefs: ReviewRef[];
  /** Decisions of approved reviews, and those whose improvement is implemented. */
  decisions: number;
  decisionsDone: number;
  /** Accepted improvements of decisions past their due date. */
  decisionsOverdue: number;
  decisionsOverdueRefs: DecisionFollowUpRef[];
  /** Decisions of approved reviews that no improvement tracks. */
  decisionsUntracked: number;
  decisionsUntrackedRefs: DecisionFollowUpRef[];
}

// PGlite returns json as parsed values, node-postgres too; strings only from older drivers.
const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

const code = (alias: string) => sql.raw(`'MR-' || lpad(${alias}.number::text, 4, '0')`);
const ref = (alias: string) =>
  sql.raw(
    `json_build_object('id', ${alias}.id, 'code', 'MR-' || lpad(${alias}.number::text, 4, '0'), ` +
      `'status', ${alias}.status, 'plannedOn', ${alias}.planned_on::text, 'heldOn', ${alias}.held_on::text)`,
  );

async function reviewState(db: Executor, org: string, today: string) {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with settings as (
      select coalesce((select interval_months from review_settings
        where organization_id = ${org}), ${DEFAULT_INTERVAL_MONTHS}) as months),
    last as (
      select r.* from management_reviews r
      where r.organization_id = ${org} and r.status = 'approved'
      order by coalesce(r.held_on, r.approved_at::date) desc, r.number desc limit 1),
    planned as (
      select r.* from management_reviews r
      where r.organization_id = ${org} and r.status in ('planned', 'inputs_prepared')
        and r.planned_on <= ${today}::date + ${sql.raw(String(REVIEW_DUE_SOON_DAYS))}),
    late as (select * from planned where planned_on < ${today}::date)
    select
      (select months from settings) as months,
      (select ${ref('l')} from last l) as last_ref,
      (select to_char(l.approved_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
        from last l) as approved_at,
      (select coalesce('top_management' = any(u.roles), false) from last l
        left join users u on u.id = l.approved_by) as by_top,
      (select exists (select 1 from management_review_attendees a
        left join users u on u.id = a.user_id
        where a.review_id = l.id and a.attended
          and (a.role = 'top_management' or coalesce('top_management' = any(u.roles), false)))
        from last l) as top_attended,
      (select length(trim(l.minutes_summary)) > 0 or exists (select 1
        from management_review_inputs i where i.review_id = l.id
          and length(trim(i.discussion)) > 0) from last l) as minutes_recorded,
      (select (coalesce(l.held_on, l.approved_at::date)
        + make_interval(months => (select months from settings)))::date::text
        from last l) as next_due_on,
      (select coalesce(json_agg(json_build_object('section', i.section,
          'available', i.available,
          'empty', jsonb_array_length(i.items) = 0 and i.omitted = 0
            and not exists (select 1 from jsonb_each_text(i.figures) f
              where f.value ~ '^-?[0-9.]+$' and f.value::numeric <> 0),
          'items', jsonb_array_length(i.items) + i.omitted) order by i.section), '[]')
        from management_review_inputs i where i.review_id = (select id from last)) as sections,
      (select coalesce(json_object_agg(o.output, o.n), '{}') from (
        select d.output, count(*)::int as n from management_review_decisions d
        where d.review_id = (select id from last) group by d.output) o) as decisions,
      (select coalesce(json_object_agg(o.reason, o.n), '{}') from (
        select d.procedure_reason as reason, count(*)::int as n
        from management_review_decisions d
        where d.review_id = (select id from last) and d.procedure_reason is not null
        group by d.procedure_reason) o) as reasons,
      (select ${ref('u')} from management_reviews u where u.organization_id = ${org}
        and u.status in ('planned', 'inputs_prepared', 'held', 'submitted')
        order by u.planned_on, u.number limit 1) as underway,
      (select count(*)::int from planned where planned_on >= ${today}::date) as planned_soon,
      (select count(*)::int from late) as planned_late,
      (select coalesce(json_agg(${ref('x')} order by x.planned_on, x.number), '[]')
        from (select * from late order by planned_on, number limit ${LIST_CAP}) x) as late_refs`,
  );
  return row!;
}

/** The decisions of approved reviews and the state of the improvements that track them. */
async function followUp(db: Executor, org: string, today: string) {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with d as (
      select d.number, d.improvement_id, r.id as review_id, ${code('r')} as review_code,
        r.number as review_number, i.status as improvement_status, i.due_date,
        'IMP-' || lpad(i.number::text, 4, '0') as improvement_code
      from management_review_decisions d
      join management_reviews r on r.id = d.review_id and r.status = 'approved'
      left join improvements i on i.id = d.improvement_id
      where d.organization_id = ${org}),
    overdue as (select * from d where improvement_status = 'accepted'
      and due_date < ${today}::date),
    untracked as (select * from d where improvement_id is null)
    select (select count(*)::int from d) as decisions,
      (select count(*)::int from d where improvement_status = 'implemented') as done,
      (select count(*)::int from overdue) as overdue,
      (select coalesce(json_agg(json_build_object('reviewId', review_id,
          'reviewCode', review_code, 'decisionNumber', number, 'improvementId', improvement_id,
          'improvementCode', improvement_code, 'dueDate', due_date::text)
          order by due_date, review_number, number), '[]')
        from (select * from overdue order by due_date, review_number, number
          limit ${LIST_CAP}) x) as overdue_refs,
      (select count(*)::int from untracked) as untracked,
      (select coalesce(json_agg(json_build_object('reviewId', review_id,
          'reviewCode', review_code, 'decisionNumber', number, 'improvementId', null,
          'improvementCode', null, 'dueDate', null) order by review_number, number), '[]')
        from (select * from untracked order by review_number, number
          limit ${LIST_CAP}) x) as untracked_refs`,
  );
  return row!;
}

export async function managementReviewFacts(
  db: Executor,
  org: string,
  today: string,
): Promise<ReviewFacts> {
  const s = await reviewState(db, org, today);
  const f = await followUp(db, org, today);
  const last = s.last_ref ? parseJson<ReviewRef>(s.last_ref) : null;
  const decisions = parseJson<Record<string, number>>(s.decisions ?? {});
  return {
    intervalMonths: Number(s.months ?? DEFAULT_INTERVAL_MONTHS),
    lastApproved: last
      ? {
          ...last,
          approvedAt: (s.approved_at as string | null) ?? null,
          approvedByTopManagement: s.by_top === true,
          topManagementAttended: s.top_attended === true,
          minutesRecorded: s.minutes_recorded === true,
          sections: parseJson<ReviewSectionFacts[]>(s.sections ?? []),
          decisions: {
            effectiveness: decisions.effectiveness ?? 0,
            procedure: decisions.procedure ?? 0,
            resources: decisions.resources ?? 0,
          },
          procedureReasons: parseJson<Record<string, number>>(s.reasons ?? {}),
        }
      : null,
    nextDueOn: (s.next_due_on as string | null) ?? null,
    underway: s.underway ? parseJson<ReviewRef>(s.underway) : null,
    plannedSoon: Number(s.planned_soon ?? 0),
    plannedLate: Number(s.planned_late ?? 0),
    plannedLateRefs: parseJson<ReviewRef[]>(s.late_refs ?? []),
    decisions: Number(f.decisions ?? 0),
    decisionsDone: Number(f.done ?? 0),
    decisionsOverdue: Number(f.overdue ?? 0),
    decisionsOverdueRefs: parseJson<DecisionFollowUpRef[]>(f.overdue_refs ?? []),
    decisionsUntracked: Number(f.untracked ?? 0),
    decisionsUntrackedRefs: parseJson<DecisionFollowUpRef[]>(f.untracked_refs ?? []),
  };
}
