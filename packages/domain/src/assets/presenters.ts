import type { AssetView, ClassificationLevelRow } from '@mamoru/db/repositories/assets';
import type { Asset, AssetListItem, ClassificationLevel } from '@mamoru/contracts';

export function presentClassificationLevel(row: ClassificationLevelRow): ClassificationLevel {
  return {
    id: row.id,
    code: row.code,
    name: { ja: row.nameJa, en: row.nameEn },
    rank: row.rank,
    description: row.description,
    handling: row.handling,
    active: row.active,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function party(
  userId: string | null,
  userName: string | null,
  userEmail: string | null,
  unitId: string | null,
  unitName: string | null,
  unitCode: string | null,
) {
  if (userId)
    return { type: 'user' as const, id: userId, name: userName ?? '', key: userEmail ?? '' };
  if (unitId)
    return { type: 'unit' as const, id: unitId, name: unitName ?? '', key: unitCode ?? '' };
  return null;
}

export function presentAsset(a: AssetView): Asset {
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    category: a.category as Asset['category'],
    description: a.description,
    owner: party(
      a.ownerUserId,
      a.ownerUserName,
      a.ownerUserEmail,
      a.ownerUnitId,
      a.ownerUnitName,
      a.ownerUnitCode,
    )!,
    custodian: party(
      a.custodianUserId,
      a.custodianUserName,
      a.custodianUserEmail,
      a.custodianUnitId,
      a.custodianUnitName,
      a.custodianUnitCode,
    ),
    orgUnit: a.orgUnitId
      ? { id: a.orgUnitId, code: a.orgUnitCode ?? '', name: a.orgUnitName ?? '' }
      : null,
    location: a.locationId
      ? { id: a.locationId, code: a.locationCode ?? '', name: a.locationName ?? '' }
      : null,
    classification: a.classificationId
      ? {
          id: a.classificationId,
          code: a.classificationCode ?? '',
          name: { ja: a.classificationNameJa ?? '', en: a.classificationNameEn ?? '' },
        }
      : null,
    confidentiality: a.confidentiality,
    integrity: a.integrity,
    availability: a.availability,
    value: a.value,
    businessProcess: a.businessProcess,
    status: a.status as Asset['status'],
    nextReviewDate: a.nextReviewDate,
    tags: a.tags,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

const listParty = (p: Asset['custodian']) => (p ? { type: p.type, id: p.id, name: p.name } : null);

/** A row of GET /assets (assetListItemSchema): the full asset less its description and keys. */
export function presentAssetListItem(a: AssetView): AssetListItem {
  const { description: _description, createdAt: _createdAt, ...rest } = presentAsset(a);
  return { ...rest, owner: listParty(rest.owner)!, custodian: listParty(rest.custodian) };
}
