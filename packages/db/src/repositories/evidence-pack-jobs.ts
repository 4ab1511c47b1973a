import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * The evidence packs of an organization: rows of `jobs` (kind
 * 'evidence_pack') and the ZIP each stored in `files` (owner 'evidence_pack',
 * the job's id).
 */

export const EVIDENCE_PACK_JOB = 'evidence_pack';
export const EVIDENCE_PACK_OWNER = 'evidence_pack';

/** Keeps the job's request on its row while it runs (the outcome replaces it). */
export async function setJobRequest(
  db: Executor,
  organizationId: string,
  jobId: string,
  request: object,
) {
  await db.execute(
    sql`update jobs set result = ${JSON.stringify(request)}::jsonb
        where organization_id = ${organizationId} and id = ${jobId}::uuid`,
  );
}

export interface PackRow {
  id: string;
  status: string;
  phase: string | null;
  processed: number;
  total: number | null;
  result: unknown;
  error: string | null;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
  heartbeatAt: Date;
  finishedAt: Date | null;
  fileId: string | null;
}

const PACK_COLUMNS = sql`j.id, j.status, j.phase, j.processed, j.total, j.result, j.error,
  j.created_by, u.display_name as created_by_name, j.created_at, j.heartbeat_at, j.finished_at,
  (select f.id from files f where f.organization_id = j.organization_id
     and f.owner_type = ${EVIDENCE_PACK_OWNER} and f.owner_id = j.id
   order by f.created_at desc limit 1) as file_id`;

type RawPack = {
  id: string;
  status: string;
  phase: string | null;
  processed: number;
  total: number | null;
  result: unknown;
  error: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string | Date;
  heartbeat_at: string | Date;
  finished_at: string | Date | null;
  file_id: string | null;
};

const toPack = (r: RawPack): PackRow => ({
  id: r.id,
  status: r.status,
  phase: r.phase,
  processed: Number(r.processed),
  total: r.total == null ? null : Number(r.total),
  result: typeof r.result === 'string' ? JSON.parse(r.result) : r.result,
  error: r.error,
  createdBy: r.created_by,
  createdByName: r.created_by_name,
  createdAt: new Date(r.created_at),
  heartbeatAt: new Date(r.heartbeat_at),
  finishedAt: r.finished_at == null ? null : new Date(r.finished_at),
  fileId: r.file_id,
});

/** The organization's packs, newest first, with the stored ZIP's file id once made. */
export async function listPacks(db: Executor, organizationId: string, limit: number) {
  const rows = await queryRows<RawPack>(
    db,
    sql`select ${PACK_COLUMNS} from jobs j left join users u on u.id = j.created_by
        where j.organization_id = ${organizationId} and j.kind = ${EVIDENCE_PACK_JOB}
        order by j.created_at desc, j.id desc limit ${limit}`,
  );
  return rows.map(toPack);
}

export async function getPack(db: Executor, organizationId: string, id: string) {
  const [row] = await queryRows<RawPack>(
    db,
    sql`select ${PACK_COLUMNS} from jobs j left join users u on u.id = j.created_by
        where j.organization_id = ${organizationId} and j.kind = ${EVIDENCE_PACK_JOB}
          and j.id = ${id}::uuid`,
  );
  return row ? toPack(row) : null;
}

/**
 * Packs beyond the newest `keep` whose ZIP is still stored: their files go.
 * Counted among the succeeded packs and `current`, the one being stored now.
 */
export async function packsBeyond(
  db: Executor,
  organizationId: string,
  keep: number,
  current: string,
) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select j.id from jobs j
        where j.organization_id = ${organizationId} and j.kind = ${EVIDENCE_PACK_JOB}
          and (j.status = 'succeeded' or j.id = ${current}::uuid)
          and exists (select 1 from files f where f.organization_id = j.organization_id
                        and f.owner_type = ${EVIDENCE_PACK_OWNER} and f.owner_id = j.id)
        order by j.created_at desc, j.id desc offset ${keep}`,
  );
  return rows.map((r) => r.id);
}
