import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/people-settings';
import type { PeopleSettings, PeopleSettingsUpdate } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { authorizeRegister } from './access.ts';
import { presentSettings } from './roles-presenters.ts';

/**
 * Settings of the people area: the documented disciplinary process (annex
 * 6.3.5) and how many days ahead an expiring competence shows as expiring.
 * Version 0 means the organization still runs on the defaults (no row).
 */

export const SETTINGS_ENTITY = 'people_settings';

export async function getPeopleSettings(db: Db, ctx: RequestContext): Promise<PeopleSettings> {
  authorize(ctx.actor, 'people:read');
  return presentSettings(await repo.getSettings(db, ctx.actor.organizationId));
}

export async function putPeopleSettings(
  db: Db,
  ctx: RequestContext,
  expectedVersion: number,
  patch: PeopleSettingsUpdate,
): Promise<PeopleSettings> {
  authorizeRegister(ctx, 'people:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await repo.getSettings(tx, org);
    if (before.version !== expectedVersion) throw staleVersion();
    const documentId =
      patch.disciplinaryDocumentId === undefined
        ? before.disciplinaryDocumentId
        : patch.disciplinaryDocumentId;
    if (documentId && !(await repo.documentExists(tx, org, documentId))) {
      throw invalid([{ field: 'disciplinaryDocumentId', code: 'reference_not_found' }]);
    }
    const values = {
      disciplinaryDocumentId: documentId,
      expiryWarningDays: patch.expiryWarningDays ?? before.expiryWarningDays,
    };
    const saved = await repo.saveSettings(tx, org, expectedVersion, values);
    if (!saved) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'people_settings.updated',
        entityType: SETTINGS_ENTITY,
        entityId: org,
        before: {
          disciplinaryDocumentId: before.disciplinaryDocumentId,
          expiryWarningDays: before.expiryWarningDays,
        },
        after: values,
      },
    ]);
    return presentSettings(await repo.getSettings(tx, org));
  });
}
