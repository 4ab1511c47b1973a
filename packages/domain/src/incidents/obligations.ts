import type { Db } from '@mamoru/db';
import type { ObligationRow } from '@mamoru/db/repositories/incidents-clocks';
import * as repo from '@mamoru/db/repositories/incidents-obligations';
import type {
  IncidentObligation,
  IncidentObligationCreate,
  IncidentObligationUpdate,
  IncidentType,
} from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, notFound, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { assertManages, incidentAccess } from './access.ts';
import { OBLIGATION_PRESETS } from './presets.ts';

/**
 * Notification obligations (whom to notify of which incidents, on which
 * clock): listed to readers, kept by managers, the shipped presets loaded once.
 */

export const OBLIGATION_ENTITY = 'incident_obligation';

export function presentObligation(r: ObligationRow): IncidentObligation {
  return {
    id: r.id,
    presetKey: r.presetKey,
    name: { ja: r.name, en: r.nameEn },
    recipient: r.recipient,
    appliesToTypes: r.appliesToTypes as IncidentType[],
    requiresPersonalData: r.requiresPersonalData,
    deadlineDays: r.deadlineDays,
    deadlineDaysWrongfulIntent: r.deadlineDaysWrongfulIntent,
    deadlineHours: r.deadlineHours,
    sortOrder: r.sortOrder,
    active: r.active,
    version: r.version,
  };
}

const contentOf = (r: ObligationRow) => ({ ...presentObligation(r) });

export async function listObligations(db: Db, ctx: RequestContext) {
  authorize(ctx.actor, 'incidents:read');
  return repo.allObligationsOf(db, ctx.actor.organizationId);
}

export async function createObligation(
  db: Db,
  ctx: RequestContext,
  input: IncidentObligationCreate,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    assertManages(await incidentAccess(tx, ctx));
    const row = await repo.insertObligation(tx, {
      organizationId: org,
      presetKey: null,
      name: input.name.ja,
      nameEn: input.name.en,
      recipient: input.recipient,
      appliesToTypes: input.appliesToTypes,
      requiresPersonalData: input.requiresPersonalData,
      deadlineDays: input.deadlineDays,
      deadlineDaysWrongfulIntent: input.deadlineDaysWrongfulIntent,
      deadlineHours: input.deadlineHours,
      sortOrder: input.sortOrder,
      active: input.active,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'incident_obligation.created',
        entityType: OBLIGATION_ENTITY,
        entityId: row.id,
        after: contentOf(row),
      },
    ]);
    return row;
  });
}

export async function updateObligation(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: IncidentObligationUpdate,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    assertManages(await incidentAccess(tx, ctx));
    const before = await repo.getObligation(tx, org, id);
    if (!before) throw notFound(OBLIGATION_ENTITY);
    if (before.version !== expectedVersion) throw staleVersion();
    // The request alone may name one clock; together with what is stored there must still be one.
    const days = patch.deadlineDays !== undefined ? patch.deadlineDays : before.deadlineDays;
    const hours = patch.deadlineHours !== undefined ? patch.deadlineHours : before.deadlineHours;
    if (days != null && hours != null) {
      throw invalid([{ field: 'deadlineHours', code: 'deadline_days_or_hours' }]);
    }
    const { name, ...rest } = patch;
    const updated = await repo.updateObligation(tx, org, id, expectedVersion, {
      ...rest,
      ...(name ? { name: name.ja, nameEn: name.en } : {}),
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'incident_obligation.updated',
        entityType: OBLIGATION_ENTITY,
        entityId: id,
        ...diff(contentOf(before), contentOf(updated)),
      },
    ]);
    return updated;
  });
}

/**
 * Adds the shipped presets the organization does not have yet (by key, so a
 * second call adds nothing and an edited or deactivated preset stays as it is).
 * Returns every obligation.
 */
export async function loadObligationPresets(db: Db, ctx: RequestContext) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    assertManages(await incidentAccess(tx, ctx));
    const added = await repo.insertMissingPresets(
      tx,
      OBLIGATION_PRESETS.map((p) => ({
        organizationId: org,
        presetKey: p.key,
        name: p.name.ja,
        nameEn: p.name.en,
        recipient: p.recipient,
        appliesToTypes: p.appliesToTypes,
        requiresPersonalData: p.requiresPersonalData,
        deadlineDays: p.deadlineDays,
        deadlineDaysWrongfulIntent: p.deadlineDaysWrongfulIntent,
        deadlineHours: p.deadlineHours,
        sortOrder: p.sortOrder,
        active: true,
      })),
    );
    if (added.length > 0) {
      await recordAudit(tx, ctx, [
        {
          action: 'incident_obligation.presets_loaded',
          entityType: OBLIGATION_ENTITY,
          entityId: org,
          after: { presetKeys: added.map((r) => r.presetKey) },
        },
      ]);
    }
    return repo.allObligationsOf(tx, org);
  });
}
