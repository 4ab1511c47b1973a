import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/audits-checklists';
import * as evidence from '@mamoru/db/repositories/audits-checklist-evidence';
import type {
  Checklist,
  ChecklistLineCreate,
  ChecklistLineUpdate,
  ChecklistResultInput,
} from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, invalid, notFound, staleVersion } from '../errors.ts';
import {
  criteriaIndex,
  criteriaLibrary,
  readableAudit,
  shapeableAudit,
  conductedAudit,
} from './checklist-access.ts';
import { presentLine, referencesByRef } from './checklist-presenters.ts';
import { scopeLines } from './checklist-scope.ts';
import { applyResult, LINE_ENTITY, lineContentOf as contentOf } from './findings-raise.ts';

/**
 * An audit's checklist (6.4): generated from the scope, shaped by the team,
 * answered line by line while the audit is in progress.
 */

export const CHECKLIST_ENTITY = 'audit_checklist';

/** The checklist with each line's evidence in Mamoru: three queries, whatever its length. */
export async function loadChecklist(db: Executor, org: string, audit: repo.AuditAccessRow) {
  const lines = await repo.listLines(db, org, audit.id);
  const ids = (kind: string) => [
    ...new Set(lines.filter((l) => l.kind === kind && l.refId).map((l) => l.refId!)),
  ];
  const controls = ids('control');
  const soa = controls.length ? await evidence.applicableControls(db, org) : { soaId: null };
  const refs = await evidence.referencesFor(db, org, soa.soaId, controls, ids('requirement'));
  const catalog = await criteriaIndex();
  const references = referencesByRef(refs);
  return {
    auditId: audit.id,
    auditStatus: audit.status,
    items: lines.map((l) => presentLine(l, catalog, references)),
  } satisfies Checklist;
}

/** One line as the checklist shows it (with its evidence in Mamoru). */
async function presentedLine(tx: Executor, org: string, audit: repo.AuditAccessRow, id: string) {
  return (await loadChecklist(tx, org, audit)).items.find((l) => l.id === id)!;
}

export async function getChecklist(db: Db, ctx: RequestContext, auditId: string) {
  const audit = await readableAudit(db, ctx, auditId);
  return loadChecklist(db, ctx.actor.organizationId, audit);
}

/**
 * Adds a line for every requirement item and applicable control of the scope
 * that has none yet: the first call builds the checklist, later calls add what
 * a wider scope brings, and lines the team reworded or answered stay as they are.
 */
export async function generateChecklist(db: Db, ctx: RequestContext, auditId: string) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const audit = await shapeableAudit(tx, ctx, auditId);
    const { controlIds } = await evidence.applicableControls(tx, org);
    const wanted = scopeLines(await criteriaLibrary(), audit, new Set(controlIds));
    const existing = new Set(
      (await repo.listLines(tx, org, auditId)).map((l) => `${l.kind}:${l.refId}`),
    );
    const missing = wanted.filter((w) => !existing.has(`${w.kind}:${w.refId}`));
    const start = await repo.nextPosition(tx, org, auditId);
    await repo.insertLines(
      tx,
      missing.map((w, i) => ({
        organizationId: org,
        auditId,
        position: start + i,
        kind: w.kind,
        refId: w.refId,
        promptJa: w.prompt.ja,
        promptEn: w.prompt.en,
      })),
    );
    if (missing.length > 0) {
      await recordAudit(tx, ctx, [
        {
          action: 'audit_checklist.generated',
          entityType: CHECKLIST_ENTITY,
          entityId: auditId,
          after: { added: missing.map((m) => `${m.kind}:${m.refId}`) },
        },
      ]);
    }
    return { added: missing.length, checklist: await loadChecklist(tx, org, audit) };
  });
}

export async function addLine(
  db: Db,
  ctx: RequestContext,
  auditId: string,
  input: ChecklistLineCreate,
) {
  const org = ctx.actor.organizationId;
  if (input.kind !== 'custom') {
    const catalog = await criteriaIndex();
    if (!input.refId || !catalog.has(`${input.kind}:${input.refId}`)) {
      throw invalid([{ field: 'refId', code: 'reference_not_found' }]);
    }
  }
  return db.transaction(async (tx) => {
    const audit = await shapeableAudit(tx, ctx, auditId);
    const [line] = await repo.insertLines(tx, [
      {
        organizationId: org,
        auditId,
        position: await repo.nextPosition(tx, org, auditId),
        kind: input.kind,
        refId: input.kind === 'custom' ? null : input.refId,
        promptJa: input.promptJa,
        promptEn: input.promptEn,
      },
    ]);
    await recordAudit(tx, ctx, [
      {
        action: 'audit_checklist.line_added',
        entityType: LINE_ENTITY,
        entityId: line!.id,
        after: contentOf(line!),
      },
    ]);
    return presentedLine(tx, org, audit, line!.id);
  });
}

async function lineOf(tx: Executor, org: string, auditId: string, lineId: string) {
  const line = await repo.getLine(tx, org, auditId, lineId);
  if (!line) throw notFound('checklist line');
  return line;
}

/** Rewording a line keeps its result: the question was asked, only its words change. */
export async function updateLine(
  db: Db,
  ctx: RequestContext,
  auditId: string,
  lineId: string,
  expectedVersion: number,
  patch: ChecklistLineUpdate,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const audit = await shapeableAudit(tx, ctx, auditId);
    const before = await lineOf(tx, org, auditId, lineId);
    if (before.version !== expectedVersion) throw staleVersion();
    const updated = await repo.updateLine(tx, org, lineId, expectedVersion, patch);
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'audit_checklist.line_updated',
        entityType: LINE_ENTITY,
        entityId: lineId,
        ...diff(contentOf(before), contentOf(updated)),
      },
    ]);
    return presentedLine(tx, org, audit, lineId);
  });
}

/** A line that raised a finding stays: the finding must keep what it came from. */
export async function removeLine(db: Db, ctx: RequestContext, auditId: string, lineId: string) {
  const org = ctx.actor.organizationId;
  await db.transaction(async (tx) => {
    await shapeableAudit(tx, ctx, auditId);
    const line = await lineOf(tx, org, auditId, lineId);
    if (await repo.findingOfLine(tx, org, lineId)) throw conflict('audit_line_has_finding');
    await repo.deleteLine(tx, org, lineId);
    await recordAudit(tx, ctx, [
      {
        action: 'audit_checklist.line_removed',
        entityType: LINE_ENTITY,
        entityId: lineId,
        before: contentOf(line),
      },
    ]);
  });
}

/** The new order names every line of the checklist exactly once. */
export async function reorderLines(
  db: Db,
  ctx: RequestContext,
  auditId: string,
  lineIds: string[],
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const audit = await shapeableAudit(tx, ctx, auditId);
    const current = (await repo.listLines(tx, org, auditId)).map((l) => l.id);
    const same =
      new Set(lineIds).size === lineIds.length &&
      lineIds.length === current.length &&
      current.every((id) => lineIds.includes(id));
    if (!same) throw invalid([{ field: 'lineIds', code: 'audit_checklist_order_incomplete' }]);
    await repo.reorderLines(tx, org, auditId, lineIds);
    await recordAudit(tx, ctx, [
      {
        action: 'audit_checklist.reordered',
        entityType: CHECKLIST_ENTITY,
        entityId: auditId,
        before: { order: current },
        after: { order: lineIds },
      },
    ]);
    return loadChecklist(tx, org, audit);
  });
}

/** Records a line's result; a nonconformity, observation or OFI raises (or updates) its finding. */
export async function recordResult(
  db: Db,
  ctx: RequestContext,
  auditId: string,
  lineId: string,
  expectedVersion: number,
  input: ChecklistResultInput,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const audit = await conductedAudit(tx, ctx, auditId);
    const line = await lineOf(tx, org, auditId, lineId);
    if (line.version !== expectedVersion) throw staleVersion();
    await applyResult(tx, ctx, audit, line, input);
    return presentedLine(tx, org, audit, lineId);
  });
}
