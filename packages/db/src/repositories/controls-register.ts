import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { likePattern } from './scope.ts';

/**
 * The register of applicable controls (4.2.2.c, 5.2.1.d): the entries marked
 * applicable in the organization's current SoA version (the latest approved,
 * else the latest — as the conformity facts judge it), each with its
 * operation, coverage by procedures and record types, and checks. One
 * set-based query per page; SQL only here.
 */

/** The current SoA version, as a CTE body: the latest approved, else the latest. */
export const currentSoaVersionSql = (org: string) => sql`
  with approved as (select * from soa_versions where organization_id = ${org}
      and status = 'approved' order by approved_at desc nulls last limit 1),
    latest as (select * from soa_versions where organization_id = ${org}
      order by created_at desc, number desc limit 1)
  select * from approved
  union all select * from latest where not exists (select 1 from approved)`;

export interface CurrentSoaVersion {
  id: string;
  number: number;
  status: string;
}

export async function currentSoaVersion(db: Executor, org: string) {
  const [row] = await queryRows<CurrentSoaVersion>(
    db,
    sql`select b.id, b.number, b.status from (${currentSoaVersionSql(org)}) b`,
  );
  return row ?? null;
}

export interface ControlRegisterFilter {
  status?: string | undefined;
  ownerId?: string | undefined;
  due?: 'overdue' | 'soon' | undefined;
  q?: string | undefined;
  /** One control only (the detail page). */
  controlId?: string | undefined;
  /** Reach 'own': controls this user owns or checks. */
  visibleTo?: string | undefined;
}

export interface ControlRegisterRow {
  control_id: string;
  display_id: string | null;
  title: Record<string, string> | null;
  own: boolean;
  position: number;
  implementation_status: string;
  status: string | null;
  owner_user_id: string | null;
  owner_name: string | null;
  no_procedure_reason: string | null;
  operation_version: number;
  procedures: number;
  record_types: number;
  active_checks: number;
  next_due: string | null;
  last_id: string | null;
  last_result: string | null;
  last_performed_on: string | null;
}

/** Days ahead that count as "due soon". */
export const DUE_SOON_DAYS = 30;

function conditions(org: string, f: ControlRegisterFilter, today: string): SQL[] {
  const where: SQL[] = [sql`true`];
  if (f.controlId) where.push(sql`c.control_id = ${f.controlId}`);
  if (f.status === 'unset') where.push(sql`o.id is null`);
  else if (f.status) where.push(sql`o.status = ${f.status}`);
  if (f.ownerId) where.push(sql`o.owner_user_id = ${f.ownerId}::uuid`);
  if (f.due === 'overdue') where.push(sql`k.next_due < ${today}::date`);
  if (f.due === 'soon') {
    where.push(
      sql`k.next_due >= ${today}::date and k.next_due <= ${today}::date + ${DUE_SOON_DAYS}::int`,
    );
  }
  if (f.q) {
    const p = likePattern(f.q);
    where.push(sql`(c.display_id ilike ${p} or c.control_id ilike ${p}
      or c.title::text ilike ${p})`);
  }
  if (f.visibleTo) {
    where.push(sql`(o.owner_user_id = ${f.visibleTo}::uuid or exists (
      select 1 from control_checks m where m.organization_id = ${org}
        and m.control_id = c.control_id and m.checker_user_id = ${f.visibleTo}::uuid))`);
  }
  return where;
}

function registerQuery(org: string, f: ControlRegisterFilter, today: string, tail: SQL) {
  return sql`
    with basis as (${currentSoaVersionSql(org)}),
    ctl as (
      select e.control_id, e.implementation_status, n.display_id, n.title,
        coalesce(n.position, 2147483647) as position, (n.organization_id is not null) as own
      from basis b
      join soas s on s.id = b.soa_id
      join soa_entries e on e.soa_version_id = b.id and e.organization_id = ${org}
        and e.applicable
      left join catalog_libraries l on l.library_id = s.library_id
        and (l.organization_id is null or l.organization_id = ${org})
      left join catalog_nodes n on n.library_id = l.id and n.namespace = 'control'
        and n.node_id = e.control_id
        and (n.organization_id is null or n.organization_id = ${org})
    )
    select c.*, o.status, o.owner_user_id, u.display_name as owner_name,
      o.no_procedure_reason, coalesce(o.version, 0) as operation_version,
      (select count(*)::int from documents d where d.organization_id = ${org}
        and d.type = 'procedure' and d.status = 'issued'
        and d.control_ids @> array[c.control_id]) as procedures,
      (select count(*)::int from record_types rt where rt.organization_id = ${org}
        and rt.active and rt.control_ids @> array[c.control_id]) as record_types,
      coalesce(k.active_checks, 0) as active_checks, k.next_due::text as next_due,
      r.id as last_id, r.result as last_result, r.performed_on::text as last_performed_on
    from ctl c
    left join control_operations o on o.organization_id = ${org}
      and o.control_id = c.control_id
    left join users u on u.id = o.owner_user_id
    left join lateral (select count(*)::int as active_checks, min(next_due) as next_due
      from control_checks k where k.organization_id = ${org}
        and k.control_id = c.control_id and k.active) k on true
    left join lateral (select id, result, performed_on from control_check_results r
      where r.organization_id = ${org} and r.control_id = c.control_id
      order by performed_on desc, created_at desc limit 1) r on true
    where ${sql.join(conditions(org, f, today), sql` and `)}
    ${tail}`;
}

type Page = { limit: number; cursor?: string | undefined };

/** A page of the register, in catalog order. */
export async function listControlRegister(
  db: Executor,
  org: string,
  f: ControlRegisterFilter,
  page: Page,
  today: string,
) {
  const after = decodeCursor(page.cursor, 2, ['int', 'text']);
  const keyset = after
    ? sql`and (c.position, c.control_id) > (${Number(after[0])}::int, ${String(after[1])})`
    : sql``;
  const rows = await queryRows<ControlRegisterRow>(
    db,
    registerQuery(
      org,
      f,
      today,
      sql`${keyset} order by c.position, c.control_id limit ${page.limit + 1}`,
    ),
  );
  return toPage(rows, page.limit, (r) => [r.position, r.control_id]);
}

/** The whole register (exports), capped. */
export async function allControlRegister(db: Executor, org: string, today: string) {
  return queryRows<ControlRegisterRow>(
    db,
    registerQuery(org, {}, today, sql`order by c.position, c.control_id limit 5000`),
  );
}

/** One applicable control's line of the register, or null when not applicable. */
export async function controlRegisterRow(
  db: Executor,
  org: string,
  controlId: string,
  today: string,
) {
  const [row] = await queryRows<ControlRegisterRow>(
    db,
    registerQuery(org, { controlId }, today, sql`limit 1`),
  );
  return row ?? null;
}

export interface ControlSoaRow {
  control_id: string;
  display_id: string | null;
  title: Record<string, string> | null;
  own: boolean;
  applicable: boolean | null;
  implementation_status: string;
  version_id: string;
  version_number: number;
  version_status: string;
}

/** The control's entry in the current SoA version with its catalog node, or null. */
export async function controlSoaRow(db: Executor, org: string, controlId: string) {
  const [row] = await queryRows<ControlSoaRow>(
    db,
    sql`with basis as (${currentSoaVersionSql(org)})
      select e.control_id, n.display_id, n.title, (n.organization_id is not null) as own,
        e.applicable, e.implementation_status, b.id as version_id, b.number as version_number,
        b.status as version_status
      from basis b
      join soas s on s.id = b.soa_id
      join soa_entries e on e.soa_version_id = b.id and e.organization_id = ${org}
        and e.control_id = ${controlId}
      left join catalog_libraries l on l.library_id = s.library_id
        and (l.organization_id is null or l.organization_id = ${org})
      left join catalog_nodes n on n.library_id = l.id and n.namespace = 'control'
        and n.node_id = e.control_id
        and (n.organization_id is null or n.organization_id = ${org})
      limit 1`,
  );
  return row ?? null;
}

/** Whether the user owns the control's operation or checks one of its checks. */
export async function involvedIn(db: Executor, org: string, controlId: string, userId: string) {
  const [row] = await queryRows<{ yes: boolean }>(
    db,
    sql`select (exists (select 1 from control_operations where organization_id = ${org}
        and control_id = ${controlId} and owner_user_id = ${userId}::uuid)
      or exists (select 1 from control_checks where organization_id = ${org}
        and control_id = ${controlId} and checker_user_id = ${userId}::uuid)) as yes`,
  );
  return row?.yes === true;
}
