import { sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import {
  cappedItems,
  dayIn,
  dayOf,
  figuresOf,
  type InputPeriod,
  type SectionFacts,
} from './reviews-inputs.ts';

/**
 * Inputs from the improvement area: improvements decided and implemented
 * (6.2.c), the corrective and preventive workflow (6.2.d), and what waits for
 * a decision (6.2.h).
 */

const ncCode = sql.raw(`'NC-' || lpad(n.number::text, 4, '0')`);
const impCode = sql.raw(`'IMP-' || lpad(i.number::text, 4, '0')`);

/** 6.2.c: improvements accepted (decided) or implemented within the period. */
export async function improvementInputs(db: Executor, p: InputPeriod): Promise<SectionFacts> {
  const accepted = sql`i.status in ('accepted', 'implemented') and ${dayIn('i.decided_at', p)}`;
  const implemented = sql`i.status = 'implemented' and ${dayIn('i.implemented_at', p)}`;
  const figures = await figuresOf(
    db,
    sql`select (count(*) filter (where ${accepted}))::int as "improvementsAccepted",
      (count(*) filter (where ${implemented}))::int as "improvementsImplemented"
    from improvements i where i.organization_id = ${p.org}`,
  );
  const { items, omitted } = await cappedItems(
    db,
    sql`select 'improvement' as kind, i.id, ${impCode} as ref, i.title, i.status,
      coalesce(${dayOf('i.implemented_at')}, ${dayOf('i.decided_at')}) as date,
      '/improvement/' || i.id as href, null as change, null as detail,
      lpad(i.number::text, 8, '0') as sort
    from improvements i
    where i.organization_id = ${p.org} and ((${accepted}) or (${implemented}))`,
  );
  return { figures, items, omitted };
}

/**
 * 6.2.d: nonconformities and potential ones open on the day, those closed in the
 * period, the actions of the cycle in force, and the effectiveness reviews of the
 * period. Items: overdue actions first, then the open nonconformities.
 */
export async function correctiveInputs(db: Executor, p: InputPeriod): Promise<SectionFacts> {
  const open = sql`n.organization_id = ${p.org} and n.status <> 'closed'
    and n.detected_on <= ${p.asOf}::date`;
  const actions = sql`from improvement_actions a
    join nonconformities n on n.id = a.nonconformity_id and n.cycle = a.cycle
    where a.organization_id = ${p.org} and a.status <> 'cancelled'`;
  const overdue = sql`a.status = 'planned' and a.due_date < ${p.asOf}::date`;
  const figures = await figuresOf(
    db,
    sql`select
      (select count(*) from nonconformities n where ${open} and n.kind = 'nonconformity')::int
        as "nonconformitiesOpen",
      (select count(*) from nonconformities n where n.organization_id = ${p.org}
        and n.kind = 'nonconformity' and n.status = 'closed' and ${dayIn('n.closed_at', p)})::int
        as "nonconformitiesClosed",
      (select count(*) from nonconformities n where ${open} and n.kind = 'potential')::int
        as "potentialOpen",
      (select count(*) ${actions} and a.status = 'planned')::int as "actionsPlanned",
      (select count(*) ${actions} and a.status in ('implemented', 'effective', 'not_effective')
        and ${dayIn('a.implemented_at', p)})::int as "actionsImplemented",
      (select count(*) ${actions} and ${overdue})::int as "actionsOverdue",
      (select count(*) from effectiveness_reviews r where r.organization_id = ${p.org}
        and r.effective and ${dayIn('r.reviewed_at', p)})::int as "reviewsEffective",
      (select count(*) from effectiveness_reviews r where r.organization_id = ${p.org}
        and not r.effective and ${dayIn('r.reviewed_at', p)})::int as "reviewsNotEffective"`,
  );
  const { items, omitted } = await cappedItems(
    db,
    sql`select 'improvement_action' as kind, a.id, ${ncCode} as ref, a.title, a.status,
      a.due_date::text as date, '/corrective-actions/' || n.id || '?action=' || a.id as href,
      null as change, null as detail, '0' || a.due_date::text as sort
    ${actions} and ${overdue}
    union all
    select 'nonconformity', n.id, ${ncCode}, n.title, n.status, n.detected_on::text,
      '/corrective-actions/' || n.id, null, null, '1' || lpad(n.number::text, 8, '0')
    from nonconformities n where ${open}`,
  );
  return { figures, items, omitted };
}

/** 6.2.h: improvement proposals not yet decided, and open preventive proposals from risk changes. */
export async function proposalInputs(db: Executor, p: InputPeriod): Promise<SectionFacts> {
  const proposed = sql`i.organization_id = ${p.org} and i.status = 'proposed'
    and (i.created_at at time zone 'UTC')::date <= ${p.asOf}::date`;
  const preventive = sql`pp.organization_id = ${p.org} and pp.status = 'proposed'
    and (pp.created_at at time zone 'UTC')::date <= ${p.asOf}::date`;
  const figures = await figuresOf(
    db,
    sql`select (select count(*) from improvements i where ${proposed})::int as "improvementsProposed",
      (select count(*) from preventive_proposals pp where ${preventive})::int as "preventiveProposals"`,
  );
  const { items, omitted } = await cappedItems(
    db,
    sql`select 'improvement' as kind, i.id, ${impCode} as ref, i.title, i.status,
      ${dayOf('i.created_at')} as date, '/improvement/' || i.id as href, null as change,
      null as detail, '0' || lpad(i.number::text, 8, '0') as sort
    from improvements i where ${proposed}
    union all
    select 'preventive_proposal', pp.id, k.code, s.name, pp.status, ${dayOf('pp.created_at')},
      '/improvement/proposals?status=proposed', null, pp.new_level::text,
      '1' || ${dayOf('pp.created_at')} || k.code
    from preventive_proposals pp join risks k on k.id = pp.risk_id
    join assets s on s.id = k.asset_id
    where ${preventive}`,
  );
  return { figures, items, omitted };
}
