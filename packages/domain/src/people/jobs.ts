import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/people-jobs';
import type { JobDefinitionCreate, JobDefinitionUpdate } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, notFound, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { auditable, isUniqueViolation } from '../scope/common.ts';
import { authorizeRegister } from './access.ts';

/**
 * Job definitions with their security responsibilities (annex 6.1.1). Everyone
 * who reads the people area reads them (a person sees what their job asks of
 * them); only the organization-wide people manager changes them.
 */

export const JOB_ENTITY = 'job_definition';

type JobCreate = JobDefinitionCreate;
type JobUpdate = JobDefinitionUpdate;

const codeTaken = () => invalid([{ field: 'code', code: 'code_taken' }]);

export async function listJobDefinitions(db: Db, ctx: RequestContext) {
  authorize(ctx.actor, 'people:read');
  return repo.listJobs(db, ctx.actor.organizationId);
}

export async function getJobDefinition(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'people:read');
  const row = await repo.getJob(db, ctx.actor.organizationId, id);
  if (!row) throw notFound(JOB_ENTITY);
  return row;
}

export async function createJobDefinition(db: Db, ctx: RequestContext, input: JobCreate) {
  authorizeRegister(ctx, 'people:manage');
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      if (await repo.jobCodeTaken(tx, org, input.code)) throw codeTaken();
      const row = await repo.insertJob(tx, { organizationId: org, ...input });
      await recordAudit(tx, ctx, [
        {
          action: 'job_definition.created',
          entityType: JOB_ENTITY,
          entityId: row.id,
          after: auditable(row),
        },
      ]);
      return (await repo.getJob(tx, org, row.id))!;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw codeTaken();
      throw error;
    });
}

/** Changes a job; `active: false` retires it (its requirements no longer apply). */
export async function updateJobDefinition(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: JobUpdate,
) {
  authorizeRegister(ctx, 'people:manage');
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const before = await repo.getJobRow(tx, org, id, true);
      if (!before) throw notFound(JOB_ENTITY);
      if (before.version !== expectedVersion) throw staleVersion();
      if (patch.code && (await repo.jobCodeTaken(tx, org, patch.code, id))) throw codeTaken();
      const updated = await repo.updateJob(tx, org, id, expectedVersion, patch);
      if (!updated) throw staleVersion();
      await recordAudit(tx, ctx, [
        {
          action: 'job_definition.updated',
          entityType: JOB_ENTITY,
          entityId: id,
          ...diff(auditable(before), auditable(updated)),
        },
      ]);
      return (await repo.getJob(tx, org, id))!;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw codeTaken();
      throw error;
    });
}
