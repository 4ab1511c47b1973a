import { sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import {
  cappedItems,
  dateIn,
  dayIn,
  dayOf,
  figuresOf,
  type InputPeriod,
  type SectionFacts,
} from './reviews-inputs.ts';

/**
 * Inputs that look back at the checks of the ISMS: audits and the previous
 * review (6.2.a), interested parties' feedback (6.2.b) and the follow-up of the
 * previous review's decisions (6.2.f).
 */

const ncCode = sql.raw(`'NC-' || lpad(n.number::text, 4, '0')`);

/**
 * Internal audits completed in the period: reported, in follow-up or closed,
 * dated by their report's approval (else their closing, else their planned end).
 */
const auditsDone = (p: InputPeriod) => sql`
  select a.id, a.code, a.title, a.status, r.status as report_status, r.approved_at,
    coalesce(${dayOf('r.approved_at')}, ${dayOf('a.closed_at')}, a.planned_end::text) as done_on
  from audits a left join audit_reports r on r.audit_id = a.id
  where a.organization_id = ${p.org} and a.status in ('reported', 'follow_up', 'closed')`;

/** 6.2.a: audits and their findings, nonconformities found by external audits, the previous review. */
export async function auditInputs(db: Executor, p: InputPeriod): Promise<SectionFacts> {
  const done = sql`(${auditsDone(p)}) d where d.done_on::date between ${p.start}::date and ${p.asOf}::date`;
  const figures = await figuresOf(
    db,
    sql`with done as (select d.* from ${done}),
      findings as (select f.kind from audit_findings f join done on done.id = f.audit_id)
    select
      (select count(*) from done)::int as "auditsCompleted",
      (select count(*) from audit_reports r where r.organization_id = ${p.org}
        and r.status in ('approved', 'acknowledged') and ${dayIn('r.approved_at', p)})::int
        as "auditReportsApproved",
      (select count(*) from findings where kind = 'major_nc')::int as "findingsMajor",
      (select count(*) from findings where kind = 'minor_nc')::int as "findingsMinor",
      (select count(*) from findings where kind = 'observation')::int as "observations",
      (select count(*) from findings where kind = 'ofi')::int as "opportunities",
      (select count(*) from nonconformities n where n.organization_id = ${p.org}
        and n.source = 'external_audit' and ${dateIn('n.detected_on', p)})::int
        as "externalNonconformities",
      (select count(*) from management_reviews m where m.organization_id = ${p.org}
        and m.status = 'approved' and m.id <> ${p.reviewId} and m.held_on <= ${p.asOf}::date)::int
        as "previousReviews"`,
  );
  const { items, omitted } = await cappedItems(
    db,
    sql`
    (select 'management_review' as kind, m.id, 'MR-' || lpad(m.number::text, 4, '0') as ref,
      m.title, m.status, m.held_on::text as date, '/management-review/' || m.id as href,
      null as change, null as detail, '0' as sort
    from management_reviews m where m.organization_id = ${p.org} and m.status = 'approved'
      and m.id <> ${p.reviewId} and m.held_on <= ${p.asOf}::date
    order by m.held_on desc, m.number desc limit 1)
    union all
    select 'internal_audit', d.id, d.code, d.title, d.status, d.done_on,
      '/internal-audits/' || d.id, null,
      (select count(*) from audit_findings f where f.audit_id = d.id)::text, '1' || d.done_on
    from ${done}
    union all
    select 'nonconformity', n.id, ${ncCode}, n.title, n.status, n.detected_on::text,
      '/corrective-actions/' || n.id, null, null, '2' || n.detected_on::text
    from nonconformities n where n.organization_id = ${p.org} and n.source = 'external_audit'
      and ${dateIn('n.detected_on', p)}`,
  );
  return { figures, items, omitted };
}

/**
 * 6.2.b: feedback received in the period by sentiment, and every piece of
 * feedback still awaiting a response on the day (older ones included).
 */
export async function feedbackInputs(db: Executor, p: InputPeriod): Promise<SectionFacts> {
  const received = sql`f.organization_id = ${p.org} and ${dateIn('f.received_on', p)}`;
  const unanswered = sql`f.organization_id = ${p.org} and f.received_on <= ${p.asOf}::date
    and (f.responded_on is null or f.responded_on > ${p.asOf}::date)`;
  const figures = await figuresOf(
    db,
    sql`select
      (select count(*) from interested_party_feedback f where ${received})::int as "feedbackReceived",
      (select count(*) from interested_party_feedback f where ${received}
        and f.sentiment = 'positive')::int as "feedbackPositive",
      (select count(*) from interested_party_feedback f where ${received}
        and f.sentiment = 'neutral')::int as "feedbackNeutral",
      (select count(*) from interested_party_feedback f where ${received}
        and f.sentiment = 'negative')::int as "feedbackNegative",
      (select count(*) from interested_party_feedback f where ${unanswered})::int
        as "feedbackUnanswered"`,
  );
  const { items, omitted } = await cappedItems(
    db,
    sql`select 'interested_party_feedback' as kind, f.id, null as ref,
      left(f.content, 200) as title,
      case when f.responded_on is null or f.responded_on > ${p.asOf}::date then 'open'
        else 'responded' end as status,
      f.received_on::text as date, '/management-review/parties' as href, null as change,
      party.name as detail, f.received_on::text as sort
    from interested_party_feedback f join interested_parties party on party.id = f.party_id
    where (${received}) or (${unanswered})`,
  );
  return { figures, items, omitted };
}

/**
 * 6.2.f: the decisions of the previous approved review and where their
 * tracked improvements stand (done = implemented; overdue = not done, past due).
 */
export async function followUpInputs(
  db: Executor,
  p: InputPeriod,
  previousReviewId: string | null,
): Promise<SectionFacts> {
  if (!previousReviewId) return { figures: zeroFollowUp(), items: [], omitted: 0 };
  const decisions = sql`
    from management_review_decisions d
    join management_reviews m on m.id = d.review_id
    left join improvements i on i.id = d.improvement_id
    where d.organization_id = ${p.org} and d.review_id = ${previousReviewId}`;
  const figures = await figuresOf(
    db,
    sql`select count(*)::int as "previousDecisions",
      (count(*) filter (where i.status = 'implemented'))::int as "decisionsDone",
      (count(*) filter (where i.status is distinct from 'implemented'))::int as "decisionsOpen",
      (count(*) filter (where i.status is distinct from 'implemented'
        and coalesce(i.due_date, d.due_date) < ${p.asOf}::date))::int as "decisionsOverdue"
    ${decisions}`,
  );
  const { items, omitted } = await cappedItems(
    db,
    sql`select 'management_review_decision' as kind, d.id,
      'MR-' || lpad(m.number::text, 4, '0') || ' #' || d.number::text as ref, d.title,
      i.status, coalesce(i.due_date, d.due_date)::text as date,
      case when i.id is null then '/management-review/' || m.id || '?tab=decisions'
        else '/improvement/' || i.id end as href,
      null as change,
      case when i.id is null then null else 'IMP-' || lpad(i.number::text, 4, '0') end as detail,
      lpad(d.number::text, 6, '0') as sort
    ${decisions}`,
  );
  return { figures, items, omitted };
}

function zeroFollowUp() {
  return { previousDecisions: 0, decisionsDone: 0, decisionsOpen: 0, decisionsOverdue: 0 };
}
