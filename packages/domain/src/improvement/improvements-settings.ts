import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/improvement-register';
import type { ImprovementSettingsUpdate } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { authorizeAll } from './improvements.ts';

/** The improvement area's settings; the table's defaults apply until first saved (version 0). */
export const DEFAULT_SETTINGS = { levelJump: 2, reviewIntervalDays: 90, version: 0 };

export async function settingsOf(db: Executor, org: string) {
  const row = await repo.getImprovementSettings(db, org);
  return row
    ? { levelJump: row.levelJump, reviewIntervalDays: row.reviewIntervalDays, version: row.version }
    : DEFAULT_SETTINGS;
}

export async function getSettings(db: Db, ctx: RequestContext) {
  authorize(ctx.actor, 'improvement:read');
  return settingsOf(db, ctx.actor.organizationId);
}

export async function updateSettings(
  db: Db,
  ctx: RequestContext,
  expectedVersion: number,
  patch: ImprovementSettingsUpdate,
) {
  authorizeAll(ctx.actor, 'improvement:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await settingsOf(tx, org);
    if (before.version !== expectedVersion) throw staleVersion();
    const values = {
      levelJump: patch.levelJump ?? before.levelJump,
      reviewIntervalDays: patch.reviewIntervalDays ?? before.reviewIntervalDays,
    };
    const saved = await repo.saveImprovementSettings(tx, org, expectedVersion, values);
    if (!saved) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'improvement_settings.updated',
        entityType: 'improvement_settings',
        entityId: org,
        before: { levelJump: before.levelJump, reviewIntervalDays: before.reviewIntervalDays },
        after: values,
      },
    ]);
    return settingsOf(tx, org);
  });
}
