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
 * Inputs about risk and change: risks above the acceptable level without an
 * approved treatment (6.2.e), and the dated changes that could affect the ISMS
 * (6.2.g).
 */

/**
 * A risk the method evaluates 'treat' (above the acceptable level, as
 * risks-compute decides) still lacks an approved treatment when no option is
 * chosen, or retention was chosen but not approved, and its residual risk is
 * not accepted either.
 */
const withoutApprovedTreatment = sql.raw(`(r.treatment_option is null
  or (r.treatment_option = 'retain' and r.retention_status <> 'approved'))
  and r.residual_status <> 'accepted'`);

/** 6.2.e: open risks above the acceptable level, and those without an approved treatment. */
export async function riskInputs(
  db: Executor,
  p: InputPeriod,
  lang: 'ja' | 'en',
): Promise<SectionFacts> {
  const above = sql`r.organization_id = ${p.org} and r.status <> 'closed' and rs.evaluation = 'treat'`;
  const figures = await figuresOf(
    db,
    sql`select count(*)::int as "risksAboveAcceptable",
      (count(*) filter (where ${withoutApprovedTreatment}))::int as "risksUntreated"
    from risks r join risk_scores rs on rs.id = r.score_id where ${above}`,
  );
  const threat = lang === 'ja' ? sql.raw('t.name_ja') : sql.raw('t.name_en');
  // Highest level first, then by code.
  const { items, omitted } = await cappedItems(
    db,
    sql`select 'risk' as kind, r.id, r.code as ref, s.name || ' / ' || ${threat} as title,
      r.status, null as date, '/risks?risk=' || r.id as href, null as change,
      rs.level::text as detail, lpad((9999 - coalesce(rs.level, 0))::text, 5, '0') || r.code as sort
    from risks r join risk_scores rs on rs.id = r.score_id join assets s on s.id = r.asset_id join threats t on t.id = r.threat_id
    where ${above} and ${withoutApprovedTreatment}`,
  );
  return { figures, items, omitted };
}

/** Audit actions whose objects section g lists from their own registers. */
const LISTED_ACTIONS = [
  'scope.approved',
  'soa.approved',
  'risk_method.approved',
  'org_unit.created',
  'org_unit.updated',
  // The legal register's own lines say what was added, changed or retired.
  'legal_obligation.created',
  'legal_obligation.updated',
  'legal_obligation.reviewed',
] as const;

/**
 * 6.2.g: what changed since the period started, dated: scope, statement of
 * applicability and risk method versions approved, organization units added or
 * changed, assets added or retired (their category in `detail`), legal,
 * regulatory and contractual obligations added, changed or retired (their kind
 * in `detail`), and the other entries of the ISMS event log (4.2.3.f),
 * automatic and made by hand.
 */
export async function changeInputs(db: Executor, p: InputPeriod): Promise<SectionFacts> {
  const org = p.org;
  const unitAdded = dayIn('u.created_at', p);
  const unitChanged = dayIn('u.updated_at', p);
  const assetAdded = dayIn('s.created_at', p);
  // A retired asset's last change is its retirement unless it was edited after.
  const assetRetired = sql`s.status = 'retired' and ${dayIn('s.updated_at', p)}`;
  // The log's automatic entries for what the queries below list already are left out.
  // One line per obligation: retired wins over changed, changed over added.
  const legalRetired = sql`o.status = 'retired' and o.retired_at is not null
    and ${dayIn('o.retired_at', p)}`;
  const legalChanged = sql`o.content_changed_at is not null and ${dayIn('o.content_changed_at', p)}
    and not ${dayIn('o.created_at', p)}`;
  const legalAdded = dayIn('o.created_at', p);
  const logged = sql`e.organization_id = ${org} and ${dayIn('e.occurred_at', p)}
    and (e.source = 'manual' or e.action not in ${sql.raw(`(${LISTED_ACTIONS.map((a) => `'${a}'`).join(', ')})`)})`;
  const figures = await figuresOf(
    db,
    sql`select
      (select count(*) from scope_versions v where v.organization_id = ${org}
        and v.approved_at is not null and ${dayIn('v.approved_at', p)})::int as "scopeVersions",
      (select count(*) from soa_versions v where v.organization_id = ${org}
        and v.approved_at is not null and ${dayIn('v.approved_at', p)})::int as "soaVersions",
      (select count(*) from org_units u where u.organization_id = ${org}
        and ((${unitAdded}) or (${unitChanged})))::int as "unitsChanged",
      (select count(*) from assets s where s.organization_id = ${org} and ${assetAdded})::int
        as "assetsAdded",
      (select count(*) from assets s where s.organization_id = ${org} and ${assetRetired})::int
        as "assetsRetired",
      (select count(*) from risk_methods m where m.organization_id = ${org}
        and m.approved_at is not null and ${dayIn('m.approved_at', p)})::int as "methodChanges",
      (select count(*) from isms_events e where ${logged})::int as "ismsEvents",
      (select count(*) from legal_obligations o where o.organization_id = ${org}
        and ${legalAdded} and not (${legalRetired}))::int as "legalAdded",
      (select count(*) from legal_obligations o where o.organization_id = ${org}
        and ${legalChanged} and not (${legalRetired}))::int as "legalChanged",
      (select count(*) from legal_obligations o where o.organization_id = ${org}
        and ${legalRetired})::int as "legalRetired"`,
  );
  const { items, omitted } = await cappedItems(
    db,
    sql`select 'scope' as kind, v.id, 'v' || v.number::text as ref, '' as title, v.status,
      ${dayOf('v.approved_at')} as date, '/scope' as href, 'approved' as change,
      null as detail, ${dayOf('v.approved_at')} || '0' as sort
    from scope_versions v where v.organization_id = ${org} and v.approved_at is not null
      and ${dayIn('v.approved_at', p)}
    union all
    select 'soa', v.id, 'v' || v.number::text, a.title, v.status, ${dayOf('v.approved_at')},
      '/statement-of-applicability', 'approved', null, ${dayOf('v.approved_at')} || '1'
    from soa_versions v join soas a on a.id = v.soa_id
    where v.organization_id = ${org} and v.approved_at is not null and ${dayIn('v.approved_at', p)}
    union all
    select 'risk_method', m.id, 'v' || m.number::text, m.name, m.status, ${dayOf('m.approved_at')},
      '/risks/method', 'approved', null, ${dayOf('m.approved_at')} || '2'
    from risk_methods m where m.organization_id = ${org} and m.approved_at is not null
      and ${dayIn('m.approved_at', p)}
    union all
    select 'org_unit', u.id, u.code, u.name, case when u.active then 'active' else 'inactive' end,
      case when ${unitAdded} then ${dayOf('u.created_at')} else ${dayOf('u.updated_at')} end,
      '/scope', case when ${unitAdded} then 'added' else 'changed' end, null,
      ${dayOf('u.updated_at')} || '3'
    from org_units u where u.organization_id = ${org} and ((${unitAdded}) or (${unitChanged}))
    union all
    select 'asset', s.id, s.code, s.name, s.status,
      case when ${assetRetired} then ${dayOf('s.updated_at')} else ${dayOf('s.created_at')} end,
      '/assets', case when ${assetRetired} then 'retired' else 'added' end, s.category,
      case when ${assetRetired} then ${dayOf('s.updated_at')} else ${dayOf('s.created_at')} end
        || '4'
    from assets s where s.organization_id = ${org} and ((${assetAdded}) or (${assetRetired}))
    union all
    select 'legal_obligation', o.id, o.code, o.title, o.status,
      case when ${legalRetired} then ${dayOf('o.retired_at')}
        when ${legalChanged} then ${dayOf('o.content_changed_at')}
        else ${dayOf('o.created_at')} end,
      '/legal/' || o.id,
      case when ${legalRetired} then 'retired' when ${legalChanged} then 'changed' else 'added' end,
      o.kind, ${dayOf('o.updated_at')} || '6'
    from legal_obligations o where o.organization_id = ${org}
      and ((${legalAdded}) or (${legalChanged}) or (${legalRetired}))
    union all
    select 'isms_event', e.id, null, e.title, e.source, ${dayOf('e.occurred_at')}, '/isms-events',
      e.action, e.category, ${dayOf('e.occurred_at')} || '5'
    from isms_events e where ${logged}`,
  );
  return { figures, items, omitted };
}
