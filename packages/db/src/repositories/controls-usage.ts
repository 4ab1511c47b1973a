import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * What else serves a control, for its page: issued procedures naming it,
 * record types evidencing it with their latest records, treatment actions.
 */

export async function controlProcedures(db: Executor, org: string, controlId: string) {
  return queryRows<{ id: string; code: string; title: string; status: string }>(
    db,
    sql`select id, code, title, status from documents where organization_id = ${org}
      and type = 'procedure' and status = 'issued' and control_ids @> array[${controlId}]::text[]
      order by code limit 100`,
  );
}

export interface ControlRecordTypeRow {
  id: string;
  code: string;
  name_ja: string;
  name_en: string;
  latest: { id: string; title: string; recordDate: string }[] | null;
}

/** Active record types evidencing the control, each with its three latest records. */
export async function controlRecordTypes(db: Executor, org: string, controlId: string) {
  return queryRows<ControlRecordTypeRow>(
    db,
    sql`select t.id, t.code, t.name_ja, t.name_en, (
        select json_agg(json_build_object('id', r.id, 'title', r.title,
          'recordDate', r.record_date::text) order by r.record_date desc)
        from (select id, title, record_date from records where organization_id = ${org}
          and type_id = t.id and status <> 'disposed'
          order by record_date desc, id desc limit 3) r) as latest
      from record_types t where t.organization_id = ${org} and t.active
        and t.control_ids @> array[${controlId}]::text[]
      order by t.code limit 100`,
  );
}

export interface ControlActionRow {
  id: string;
  code: string;
  title: string;
  status: string;
  due_date: string | null;
  owner_user_id: string | null;
  owner_name: string | null;
}

export async function controlTreatmentActions(db: Executor, org: string, controlId: string) {
  return queryRows<ControlActionRow>(
    db,
    sql`select a.id, a.code, a.title, a.status, a.due_date::text as due_date,
        a.owner_user_id, u.display_name as owner_name
      from treatment_action_controls c
      join treatment_actions a on a.id = c.action_id and a.organization_id = ${org}
      left join users u on u.id = a.owner_user_id
      where c.organization_id = ${org} and c.control_id = ${controlId}
      order by a.code limit 100`,
  );
}
