import type { Db } from '@mamoru/db';
import * as register from '@mamoru/db/repositories/controls-register';
import * as repo from '@mamoru/db/repositories/controls';
import * as usage from '@mamoru/db/repositories/controls-usage';
import { countControlRisks } from '@mamoru/db/repositories/catalog-usage';
import type {
  ControlDetail,
  ControlList,
  ControlListQuery,
  ImplementationStatus,
} from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { readableControl, todayOf, visibleTo } from './access.ts';
import { coverageOf } from './schedule.ts';
import {
  presentCheck,
  presentOperation,
  presentRegisterRow,
  presentResult,
  type ControlLabel,
} from './presenters.ts';

/**
 * The register of applicable controls and one control's page: its SoA entry,
 * operation, checks and results beside what else serves it (procedures,
 * record types with their records, treatment actions, risks).
 */

export async function listControls(
  db: Db,
  ctx: RequestContext,
  q: ControlListQuery,
): Promise<ControlList> {
  const only = visibleTo(ctx);
  const org = ctx.actor.organizationId;
  const today = todayOf();
  const soa = await register.currentSoaVersion(db, org);
  if (!soa) return { items: [], nextCursor: null, soa: null };
  const page = await register.listControlRegister(
    db,
    org,
    { status: q.status, ownerId: q.ownerId, due: q.due, q: q.q, visibleTo: only },
    q,
    today,
  );
  return {
    items: page.items.map((r) => presentRegisterRow(r, today)),
    nextCursor: page.nextCursor,
    soa: { versionId: soa.id, number: soa.number, status: soa.status },
  };
}

export async function getControl(
  db: Db,
  ctx: RequestContext,
  controlId: string,
): Promise<ControlDetail> {
  const entry = await readableControl(db, ctx, controlId);
  const org = ctx.actor.organizationId;
  const today = todayOf();
  const label: ControlLabel = {
    displayId: entry.display_id ?? controlId,
    title: entry.title ?? { ja: controlId, en: controlId },
  };
  const [operation, checks, results, procedures, recordTypes, actions, risks] = [
    await repo.getOperation(db, org, controlId),
    await repo.listControlChecks(db, org, controlId),
    await repo.recentResults(db, org, controlId),
    await usage.controlProcedures(db, org, controlId),
    await usage.controlRecordTypes(db, org, controlId),
    await usage.controlTreatmentActions(db, org, controlId),
    await countControlRisks(db, org, controlId),
  ];
  return {
    control: { id: controlId, displayId: label.displayId, title: label.title, own: entry.own },
    soaEntry: {
      applicable: entry.applicable,
      implementationStatus: entry.implementation_status as ImplementationStatus,
      soaVersionId: entry.version_id,
      versionNumber: entry.version_number,
      versionStatus: entry.version_status,
    },
    operation: operation ? presentOperation(operation) : null,
    coverage: coverageOf(
      procedures.length,
      recordTypes.length,
      operation?.operation.noProcedureReason ?? null,
    ),
    checks: checks.map((c) => presentCheck(c, label, today)),
    recentResults: results.map(presentResult),
    procedures,
    recordTypes: recordTypes.map((t) => ({
      id: t.id,
      code: t.code,
      name: { ja: t.name_ja, en: t.name_en || t.name_ja },
      latestRecords: t.latest ?? [],
    })),
    treatmentActions: actions.map((a) => ({
      id: a.id,
      code: a.code,
      title: a.title,
      status: a.status as ControlDetail['treatmentActions'][number]['status'],
      dueDate: a.due_date,
      owner: a.owner_user_id ? { id: a.owner_user_id, name: a.owner_name ?? '' } : null,
    })),
    risks: { count: risks },
  };
}
