import type { Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/soa';
import type { SoaVersionRow, SoaWithScopeRow } from '@mamoru/db/repositories/soa';
import * as scopeRepo from '@mamoru/db/repositories/scope';
import { conflict, notFound, staleVersion } from '../errors.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { isVersionApproved } from '../approvals/service.ts';
import { SCOPE_LIBRARY_ID } from '../scope/service.ts';
import { draftDecision, type Decision, type ScopeExclusion, type SelectingRisk } from './rules.ts';
import { presentEntry, presentSoaVersion } from './presenters.ts';

/** Entity type of statement versions in approvals and the audit trail. */
export const SOA_ENTITY = 'soa';

export async function loadSoa(db: Executor, org: string, id: string): Promise<SoaWithScopeRow> {
  const soa = await repo.getSoa(db, org, id);
  if (!soa) throw notFound('statement of applicability');
  return soa;
}

export async function libraryOf(db: Executor, org: string, soa: SoaWithScopeRow) {
  const uuid = await repo.libraryUuid(db, org, soa.libraryId);
  if (!uuid) throw new Error(`catalog library ${soa.libraryId} missing`);
  return uuid;
}

/** Versions with their entry counts (one query for all). */
export async function withCounts(db: Executor, org: string, rows: SoaVersionRow[]) {
  const counts = await repo.versionCounts(
    db,
    org,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentSoaVersion(r, counts.get(r.id)));
}

export async function isFrozen(tx: Executor, row: SoaVersionRow) {
  return (
    row.status === 'approved' ||
    row.status === 'superseded' ||
    (await isVersionApproved(tx, row.organizationId, SOA_ENTITY, row.id, row.number))
  );
}

/** A version of this statement, or 404 (also when it belongs to another statement). */
export async function versionOf(db: Executor, org: string, soaId: string, id?: string) {
  const row = id ? await repo.getVersion(db, org, id) : await repo.latestVersion(db, org, soaId);
  if (!row || row.soaId !== soaId) throw notFound('statement version');
  return row;
}

/**
 * The draft an edit applies to, checked against the ETag of the latest
 * version: the open draft itself, or, once the latest is approved, a new
 * draft copied from it (the approved version stays frozen).
 */
export async function editableDraft(
  tx: Executor,
  ctx: RequestContext,
  soaId: string,
  expectedVersion: number,
) {
  const org = ctx.actor.organizationId;
  const latest = await repo.latestVersion(tx, org, soaId, true);
  if (!latest) throw notFound('statement of applicability');
  if (latest.version !== expectedVersion) throw staleVersion();
  if (latest.status === 'pending') throw conflict('soa_approval_pending');
  if (!(await isFrozen(tx, latest))) return latest;
  const next = await repo.insertVersion(tx, {
    organizationId: org,
    soaId,
    number: latest.number + 1,
    status: 'draft',
    createdBy: ctx.actor.userId,
    updatedBy: ctx.actor.userId,
    // ETags continue across versions, so an old one never matches the new draft.
    version: latest.version + 1,
  });
  await repo.copyEntries(tx, org, latest.id, next.id);
  await recordAudit(tx, ctx, [
    {
      action: 'soa.version_created',
      entityType: SOA_ENTITY,
      entityId: next.id,
      before: { basedOn: latest.id, number: latest.number },
      after: { number: next.number, status: 'draft' },
    },
  ]);
  return next;
}

/**
 * Drafts a version from the risk work: controls selected by risk treatments
 * are proposed applicable with their risks, the scope's exclusions are
 * proposed as exclusions; decisions people made stay. Returns the controls
 * that changed.
 */
export async function draftFromRiskWork(
  tx: Executor,
  org: string,
  soa: SoaWithScopeRow,
  versionId: string,
) {
  const library = await libraryOf(tx, org, soa);
  // Controls the organization added since the last draft get their entry too.
  await repo.insertCatalogEntries(tx, org, versionId, library);
  // Risk treatments and scope exclusions name Ver.2.0 controls: a statement of
  // another library (a migration's 2022 draft) keeps its pre-filled decisions.
  if (soa.libraryId !== SCOPE_LIBRARY_ID) return [];
  const entries = (await repo.listEntries(tx, org, versionId, library)).map(presentEntry);
  const risks = new Map<string, SelectingRisk[]>();
  for (const s of await repo.selectedRiskControls(tx, org)) {
    const list = risks.get(s.controlId) ?? [];
    if (!list.some((r) => r.riskId === s.riskId)) list.push({ riskId: s.riskId, code: s.code });
    risks.set(s.controlId, list);
  }
  const exclusions = new Map<string, ScopeExclusion>(
    (await scopeRepo.scopeExclusionsOf(tx, org, soa.scopeVersionId)).map((e) => [e.controlId, e]),
  );
  const drafted: Decision[] = [];
  for (const e of entries) {
    const next = draftDecision(e, risks.get(e.controlId) ?? [], exclusions.get(e.controlId));
    if (next) drafted.push(next);
  }
  await repo.applyDraft(tx, org, versionId, drafted);
  return drafted.map((d) => d.controlId);
}
