import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/conformity';
import { shippedLibrary } from '@mamoru/catalog';
import type { ConformityDue, ConformityReport } from '@mamoru/contracts';
import { notFound } from '../errors.ts';
import type { RequestContext } from '../audit/trail.ts';
import { authorize, can } from '../identity/actor.ts';
import { attestationDue } from './attestation-rules.ts';
import { annexControlIds, SCOPE_LIBRARY_ID } from '../scope/service.ts';
import { evaluateConformity } from './engine.ts';
import { managementReviewDue } from './review-due.ts';
import { peopleDue } from './training-due.ts';
import { incidentDue } from '../incidents/due.ts';
import { resourcePlanDue } from '../resources/due.ts';
import { objectiveDue } from '../objectives/due.ts';
import { legalDue } from '../legal/due.ts';
import { controlCheckDue } from '../controls/due.ts';
import type { ConformitySnapshot } from './types.ts';

/**
 * The conformity view of an organization: its facts read with a few aggregate
 * queries, every requirement item evaluated by the pure rules, and the work
 * with a date that waits for the caller.
 */

async function criteria() {
  const lib = await shippedLibrary(SCOPE_LIBRARY_ID);
  if (!lib) throw new Error(`shipped library ${SCOPE_LIBRARY_ID} missing`);
  return lib;
}

/** The snapshot the rules see (read in one repeatable-read transaction, so the facts agree). */
export async function snapshotOf(db: Db, organizationId: string, now = new Date()) {
  const today = now.toISOString().slice(0, 10);
  const facts = await db.transaction((tx) => repo.conformityFacts(tx, organizationId, today), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
  const snapshot: ConformitySnapshot = {
    ...facts,
    today,
    annexControlIds: await annexControlIds(),
  };
  return snapshot;
}

/**
 * Approvals waiting for the caller, the organization's document reviews,
 * treatment actions and management reviews due, and training and competences
 * due (the organization's or the caller's own, by their reach).
 */
async function dueFor(
  db: Db,
  ctx: RequestContext,
  s: ConformitySnapshot,
): Promise<ConformityDue[]> {
  const { actor } = ctx;
  const due: ConformityDue[] = [];
  if (actor.userId) {
    const mine = await repo.approvalsWaitingFor(
      db,
      actor.organizationId,
      actor.userId,
      actor.roles,
    );
    due.push({ kind: 'approval', count: mine.waiting, overdue: mine.overdue, href: '/approvals' });
  }
  const d = s.documents;
  due.push({
    kind: 'review',
    count: d.reviewOverdue + d.reviewDueSoon,
    overdue: d.reviewOverdue,
    href: '/documents',
  });
  const t = s.treatment;
  due.push({
    kind: 'treatment_action',
    count: t.overdue + t.dueSoon,
    overdue: t.overdue,
    href: '/treatment-plan',
  });
  due.push(managementReviewDue(s));
  // For whoever handles incidents: clocks due and reports waiting for triage.
  due.push(...(await incidentDue(db, ctx)));
  if (can(actor, 'objectives:read')) due.push(...objectiveDue(s));
  due.push(...(await peopleDue(db, ctx, s)));
  due.push(...resourcePlanDue(db, ctx, s));
  // Renewing attestations is the work of whoever records them.
  if (can(actor, 'conformity:attest')) due.push(attestationDue(s.attestations, s.today));
  // For whoever keeps the legal register or owns obligations: reviews due.
  due.push(...(await legalDue(db, ctx)));
  due.push(...(await controlCheckDue(db, ctx)));
  return due;
}

export async function getConformity(db: Db, ctx: RequestContext): Promise<ConformityReport> {
  authorize(ctx.actor, 'isms:read');
  const now = new Date();
  const snapshot = await snapshotOf(db, ctx.actor.organizationId, now);
  const result = evaluateConformity(await criteria(), snapshot);
  return {
    evaluatedAt: now.toISOString(),
    libraryId: SCOPE_LIBRARY_ID,
    ...result,
    due: await dueFor(db, ctx, snapshot),
  };
}

export async function getConformityItem(db: Db, ctx: RequestContext, itemId: string) {
  const report = await getConformity(db, ctx);
  const item = report.items.find((i) => i.id === itemId);
  if (!item) throw notFound('requirement item');
  return item;
}
