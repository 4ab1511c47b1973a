import type { LocationRow, OrgUnitRow } from '@mamoru/db/repositories/scope';
import type { Location, OrgUnit, ScopeVersion } from '@mamoru/contracts';
import type { ScopeVersionView } from './service.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentOrgUnit(row: OrgUnitRow): OrgUnit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    parentId: row.parentId,
    managerUserId: row.managerUserId,
    active: row.active,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentLocation(row: LocationRow): Location {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as Location['kind'],
    address: row.address,
    description: row.description,
    parentId: row.parentId,
    active: row.active,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type Summary = Omit<ScopeVersionView, 'exclusions'>;

export function presentScopeSummary(row: Summary) {
  return {
    id: row.id,
    number: row.number,
    status: row.status as ScopeVersion['status'],
    approvedBy: row.approvedBy,
    approvedAt: iso(row.approvedAt),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentScopeVersion(v: ScopeVersionView): ScopeVersion {
  return {
    ...presentScopeSummary(v),
    businessActivities: v.businessActivities,
    orgUnitIds: v.orgUnitIds,
    organizationNote: v.organizationNote,
    locationIds: v.locationIds,
    locationNote: v.locationNote,
    assetCategories: v.assetCategories as ScopeVersion['assetCategories'],
    assetNote: v.assetNote,
    technology: v.technology,
    boundaries: v.boundaries,
    interfaces: v.interfaces,
    exclusions: v.exclusions,
    createdBy: v.createdBy,
    updatedBy: v.updatedBy,
    approvalId: v.approvalId,
  };
}
