import type { Executor } from '@mamoru/db';
import * as facts from '@mamoru/db/repositories/audits-independence';
import type { IndependenceConflict as ConflictView } from '@mamoru/contracts';
import { invalid, type FieldError } from '../errors.ts';
import { independenceConflicts } from './independence.ts';

/** An audit's scope and team as the independence check reads them. */
export interface ScopeAndTeam {
  id: string;
  code: string;
  auditeeUnitIds: readonly string[];
  scopeAssetIds: readonly string[];
  scopeDocumentIds: readonly string[];
  team: readonly string[];
}

const unique = (lists: readonly (readonly string[])[]) => [...new Set(lists.flat())];

/**
 * The conflicts of every audit's team with its scope, labelled for people.
 * One query per kind of fact for all audits together; `unitsOverride` checks
 * an auditor's units before they are stored.
 */
export async function findConflicts(
  db: Executor,
  organizationId: string,
  items: readonly ScopeAndTeam[],
  unitsOverride?: { userId: string; unitIds: readonly string[] },
): Promise<ConflictView[]> {
  const withTeam = items.filter((a) => a.team.length > 0);
  if (withTeam.length === 0) return [];
  const [units, auditors, assets, documents] = await Promise.all([
    facts.unitTree(db, organizationId),
    facts.auditorUnits(db, organizationId, unique(withTeam.map((a) => a.team))),
    facts.scopeAssets(db, organizationId, unique(withTeam.map((a) => a.scopeAssetIds))),
    facts.scopeDocuments(db, organizationId, unique(withTeam.map((a) => a.scopeDocumentIds))),
  ]);
  const auditorsById = new Map(auditors.map((a) => [a.userId, a]));
  const labels = new Map<string, string>([
    ...assets.map((a) => [a.id, a.label] as const),
    ...documents.map((d) => [d.id, d.label] as const),
  ]);
  const unitLabels = new Map(
    (await facts.unitLabels(db, organizationId, unique(withTeam.map((a) => a.auditeeUnitIds)))).map(
      (u) => [u.id, u.label],
    ),
  );
  const result: ConflictView[] = [];
  for (const audit of withTeam) {
    const members = audit.team.map((userId) => ({
      userId,
      unitIds:
        unitsOverride?.userId === userId
          ? unitsOverride.unitIds
          : (auditorsById.get(userId)?.unitIds ?? []),
    }));
    const scopeAssets = new Set(audit.scopeAssetIds);
    const scopeDocs = new Set(audit.scopeDocumentIds);
    const found = independenceConflicts(
      members,
      {
        auditeeUnitIds: audit.auditeeUnitIds,
        assets: assets.filter((a) => scopeAssets.has(a.id)),
        documents: documents.filter((d) => scopeDocs.has(d.id)),
      },
      units,
    );
    for (const c of found) {
      result.push({
        auditId: audit.id,
        auditCode: audit.code,
        user: { id: c.userId, name: auditorsById.get(c.userId)?.name ?? '' },
        kind: c.kind,
        objectType: c.objectType,
        objectId: c.objectId,
        objectLabel:
          (c.objectType === 'org_unit' ? unitLabels.get(c.objectId) : labels.get(c.objectId)) ?? '',
      });
    }
  }
  return result;
}

/** 422 naming each conflict: who, what kind, which object, in which audit. */
export function refuseConflicts(
  conflicts: readonly ConflictView[],
  fieldOf: (c: ConflictView) => string,
) {
  if (conflicts.length === 0) return;
  const errors: FieldError[] = conflicts.map((c) => ({
    field: fieldOf(c),
    code: `independence_${c.kind}`,
    params: { user: c.user.name, object: c.objectLabel, audit: c.auditCode },
  }));
  throw invalid(errors, 'independence_conflict');
}

/**
 * Called when a user's primary unit changes (user register): refused (422
 * `orgUnitId`) when it would make them audit their own unit in an audit not
 * yet closed that they are on the team of.
 */
export async function checkPrimaryUnitChange(
  db: Executor,
  organizationId: string,
  userId: string,
  orgUnitId: string | null,
) {
  const onTeams = await facts.openAuditsWithTeams(db, organizationId, { memberUserId: userId });
  if (onTeams.length === 0) return;
  const extra = await facts.extraUnitsOf(db, organizationId, userId);
  const unitIds = [...(orgUnitId ? [orgUnitId] : []), ...extra];
  const conflicts = await findConflicts(db, organizationId, onTeams, { userId, unitIds });
  refuseConflicts(
    conflicts.filter((c) => c.user.id === userId),
    () => 'orgUnitId',
  );
}
