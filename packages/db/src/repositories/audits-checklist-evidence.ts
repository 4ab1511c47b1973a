import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/** What a checklist shows beside its lines: the organization's evidence in Mamoru. */

/**
 * The controls marked applicable in the SoA in force: the latest approved
 * version, else the latest version (the basis the conformity view judges).
 */
export async function applicableControls(db: Executor, org: string) {
  const [row] = await queryRows<{ soaId: string | null; controlIds: string[] | null }>(
    db,
    sql`
    with basis as (
      select v.id, v.soa_id from soa_versions v where v.organization_id = ${org}::uuid
      order by (v.status = 'approved') desc, v.approved_at desc nulls last,
        v.created_at desc, v.number desc
      limit 1)
    select b.soa_id::text as "soaId",
      (select coalesce(array_agg(e.control_id order by e.control_id), '{}')
        from soa_entries e where e.soa_version_id = b.id and e.applicable) as "controlIds"
    from basis b`,
  );
  return { soaId: row?.soaId ?? null, controlIds: row?.controlIds ?? [] };
}

/** One row per piece of the organization's evidence for the given requirement/control IDs. */
export interface ReferenceRow {
  refId: string;
  type: 'soa_entry' | 'document' | 'record' | 'risk';
  id: string;
  label: string;
}

/**
 * The organization's evidence for the lines' references, in one query: the SoA
 * entry in force (controls), documents serving the item or control, records
 * linked to it, risks treated or covered by the control. At most ten of a kind
 * per reference, so a checklist of a busy organization stays small.
 */
export async function referencesFor(
  db: Executor,
  org: string,
  soaId: string | null,
  controlIds: string[],
  requirementIds: string[],
) {
  const refs = [...controlIds, ...requirementIds];
  if (refs.length === 0) return [];
  const arr = (ids: string[]) => sql`${sql.param(ids)}::text[]`;
  return queryRows<ReferenceRow>(
    db,
    sql`
    with refs(ref_id) as (select unnest(${arr(refs)})),
    found as (
      select r.ref_id, 'soa_entry' as type, ${soaId}::text as id, '' as label, 0 as rank
        from refs r where ${soaId}::text is not null and r.ref_id = any(${arr(controlIds)})
      union all
      select r.ref_id, 'document', d.id::text, d.code || ' ' || d.title,
        row_number() over (partition by r.ref_id order by d.code)
        from refs r join documents d on d.organization_id = ${org}::uuid
          and d.status <> 'obsolete'
          and (r.ref_id = any(d.control_ids) or r.ref_id = any(d.requirement_ids))
      union all
      select r.ref_id, 'record', rec.id::text, rec.title,
        row_number() over (partition by r.ref_id order by rec.record_date desc, rec.id)
        from refs r join records rec on rec.organization_id = ${org}::uuid
          and rec.status <> 'disposed'
          and exists (select 1 from jsonb_array_elements(rec.links) l
            where l->>'type' in ('control', 'requirement') and l->>'id' = r.ref_id)
      union all
      select r.ref_id, 'risk', k.id::text, k.code,
        row_number() over (partition by r.ref_id order by k.code)
        from refs r join risk_controls rc on rc.organization_id = ${org}::uuid
          and rc.control_id = r.ref_id
        join risks k on k.id = rc.risk_id
        where r.ref_id = any(${arr(controlIds)})
    )
    select distinct ref_id as "refId", type, id, label from found where rank <= 10
    order by ref_id, type, label`,
  );
}
