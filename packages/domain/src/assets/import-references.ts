import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/assets';
import type { ImportColumn } from '@mamoru/db/repositories/assets';
import * as scopeRepo from '@mamoru/db/repositories/scope';
import type { RequestContext } from '../audit/trail.ts';
import { ensureDefaultLevels } from './classifications.ts';
import { normalizeHeader, type AssetColumnKey } from './columns.ts';
import type { ReferenceLabels } from './import-preview.ts';
import type { ImportReferences } from './rows.ts';

/**
 * What an import resolves cells against, loaded once per import: the
 * organization's users, units, locations and classification levels, both
 * ways (a cell names a record; a preview names a stored id again).
 */
export async function loadReferences(
  db: Db,
  ctx: RequestContext,
): Promise<ImportReferences & { labels: ReferenceLabels }> {
  const org = ctx.actor.organizationId;
  await ensureDefaultLevels(db, ctx);
  const users = await repo.userEmails(db, org);
  const units = await scopeRepo.allOrgUnits(db, org);
  const places = await scopeRepo.allLocations(db, org);
  const levels = await repo.allClassificationLevels(db, org);
  const classificationByKey = new Map<string, string>();
  for (const l of levels) {
    for (const key of [l.nameEn, l.nameJa, l.code])
      classificationByKey.set(normalizeHeader(key), l.id);
  }
  return {
    userByEmail: new Map(users.map((u) => [u.email.toLowerCase(), u.id])),
    unitByCode: new Map(units.map((u) => [u.code, u.id])),
    locationByCode: new Map(places.map((p) => [p.code, p.id])),
    classificationByKey,
    labels: {
      emailByUser: new Map(users.map((u) => [u.id, u.email])),
      codeByUnit: new Map(units.map((u) => [u.id, u.code])),
      codeByLocation: new Map(places.map((p) => [p.id, p.code])),
      levelNames: new Map(levels.map((l) => [l.id, { en: l.nameEn, ja: l.nameJa }])),
    },
  };
}

/** The table columns a file with this header writes. */
export function importColumns(present: ReadonlySet<AssetColumnKey>): ImportColumn[] {
  const columns: ImportColumn[] = ['code'];
  const map: Partial<Record<AssetColumnKey, ImportColumn[]>> = {
    name: ['name'],
    category: ['category'],
    description: ['description'],
    owner: ['ownerUserId', 'ownerUnitId'],
    custodian: ['custodianUserId', 'custodianUnitId'],
    orgUnit: ['orgUnitId'],
    location: ['locationId'],
    classification: ['classificationId'],
    confidentiality: ['confidentiality', 'integrity', 'availability', 'value'],
    businessProcess: ['businessProcess'],
    status: ['status'],
    nextReviewDate: ['nextReviewDate'],
    tags: ['tags'],
  };
  for (const key of present) columns.push(...(map[key] ?? []));
  return columns;
}
