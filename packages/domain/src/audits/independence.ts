/**
 * Auditor independence (6.4): an auditor never audits their own work. The rule
 * is enforced (no override): a team assignment, a scope change or a change of
 * an auditor's units that would create a conflict is refused.
 *
 * Decisions, documented here because the standard leaves them to us:
 * - An auditor belongs to their primary unit (users.org_unit_id) and to the extra
 *   units of the register (internal_auditors.unit_ids). Belonging to a unit also
 *   covers the units below it: a department's member is not independent of its teams.
 * - The head of a unit is not independent of it nor of the units below it.
 * - An asset in scope conflicts when the auditor owns it, or when its owning unit
 *   is one the auditor belongs to (the same reach as above).
 * - A document in scope conflicts when the auditor owns it, authored a revision of
 *   it, or approved a revision of it.
 * Processes in scope are free text with no owner in Mamoru, so they are not checked.
 */

export type ConflictKind =
  | 'unit_member'
  | 'unit_head'
  | 'asset_owner'
  | 'document_owner'
  | 'document_author'
  | 'document_approver';

export interface IndependenceConflict {
  userId: string;
  kind: ConflictKind;
  /** The auditee unit, asset or document at fault. */
  objectType: 'org_unit' | 'asset' | 'document';
  objectId: string;
}

export interface UnitNode {
  id: string;
  parentId: string | null;
  managerUserId: string | null;
}

export interface AuditorUnits {
  userId: string;
  /** The primary unit and the register's extra units. */
  unitIds: readonly string[];
}

export interface AuditScopeFacts {
  auditeeUnitIds: readonly string[];
  assets: readonly { id: string; ownerUserId: string | null; ownerUnitId: string | null }[];
  documents: readonly {
    id: string;
    ownerUserId: string | null;
    authorIds: readonly string[];
    approverIds: readonly string[];
  }[];
}

/** The unit and every unit above it, nearest first (cycles cut). */
function lineage(unitId: string, byId: ReadonlyMap<string, UnitNode>): string[] {
  const chain: string[] = [];
  let current: string | null = unitId;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = byId.get(current)?.parentId ?? null;
  }
  return chain;
}

/**
 * Every conflict of the auditors with the audit's scope, in a stable order
 * (auditor as given, then auditee units, assets, documents). Empty when all
 * are independent.
 */
export function independenceConflicts(
  auditors: readonly AuditorUnits[],
  scope: AuditScopeFacts,
  units: readonly UnitNode[],
): IndependenceConflict[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const conflicts: IndependenceConflict[] = [];
  for (const auditor of auditors) {
    const own = new Set(auditor.unitIds);
    /** Whether the unit is one of the auditor's or lies below one of them. */
    const withinOwn = (unitId: string) => lineage(unitId, byId).some((id) => own.has(id));
    const add = (kind: ConflictKind, objectType: IndependenceConflict['objectType'], id: string) =>
      conflicts.push({ userId: auditor.userId, kind, objectType, objectId: id });
    for (const unitId of new Set(scope.auditeeUnitIds)) {
      if (withinOwn(unitId)) add('unit_member', 'org_unit', unitId);
      else if (lineage(unitId, byId).some((id) => byId.get(id)?.managerUserId === auditor.userId))
        add('unit_head', 'org_unit', unitId);
    }
    for (const asset of scope.assets) {
      if (
        asset.ownerUserId === auditor.userId ||
        (asset.ownerUnitId !== null && withinOwn(asset.ownerUnitId))
      )
        add('asset_owner', 'asset', asset.id);
    }
    for (const doc of scope.documents) {
      if (doc.ownerUserId === auditor.userId) add('document_owner', 'document', doc.id);
      else if (doc.authorIds.includes(auditor.userId)) add('document_author', 'document', doc.id);
      else if (doc.approverIds.includes(auditor.userId))
        add('document_approver', 'document', doc.id);
    }
  }
  return conflicts;
}
