import type { Db } from '@mamoru/db';
import {
  approvals,
  riskCatalog,
  riskMethods,
  risks,
  sessions,
  users,
  type RequestContext,
} from '@mamoru/domain';
import * as usersRepo from '@mamoru/db/repositories/users';
import { seconds } from './measure.ts';

/**
 * The risk side of the large organization, through the risk services: a
 * 40-threat catalog, a method approved by top management, the bulk
 * generation job, and method changes whose approval recomputes every risk.
 */

const CATEGORIES = ['information', 'software', 'physical', 'service', 'people', 'intangible'];
type Category = 'information' | 'software' | 'physical' | 'service' | 'people' | 'intangible';
const PROPERTIES = ['confidentiality', 'integrity', 'availability'] as const;

/**
 * Which categories threat i applies to: 60 slots (10 per category) over 40
 * threats, so every asset in use gets exactly 10 risks by per-threat generation.
 */
export function threatCategories(i: number, threats = 40): Category[] {
  const slot = (k: number) => CATEGORIES[Math.floor(k / 10)] as Category;
  return i + threats < 60 ? [slot(i), slot(i + threats)] : [slot(i)];
}

export async function createThreats(db: Db, ctx: RequestContext, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const n = String(i + 1).padStart(2, '0');
    const row = await riskCatalog.createThreat(db, ctx, {
      code: `BT${n}`,
      group: 'bench',
      name: { ja: `ベンチ脅威 ${n}`, en: `Bench threat ${n}` },
      description: { ja: '', en: '' },
      origin: [i % 2 ? 'deliberate' : 'accidental'],
      affects: [PROPERTIES[i % 3]!],
      assetCategories: threatCategories(i, count),
      defaultLikelihood: (i % 3) + 1,
      relatedControls: [],
    });
    ids.push(row.id);
  }
  return ids;
}

/** A second person who approves (the author may not approve their own work). */
export async function topManagement(db: Db, ctx: RequestContext): Promise<RequestContext> {
  await users.createUser(db, ctx, {
    email: 'top@bench.example',
    displayName: 'ベンチ 社長',
    password: 'bench-Password-2026!y',
    locale: 'ja',
    roles: ['top_management', 'isms_manager'],
  });
  const user = await usersRepo.findUserByEmail(db, 'top@bench.example');
  return { actor: sessions.actorForUser(user!), requestId: null };
}

/** Drafts a method from a preset and has it submitted; returns the pending approval's id. */
async function submitMethod(db: Db, ctx: RequestContext, preset: 'multiplicative' | 'additive') {
  const draft = await riskMethods.createMethod(db, ctx, { name: `bench ${preset}`, preset });
  const submitted = await riskMethods.submitMethod(db, ctx, draft.id, draft.version, {});
  return submitted.approvalId!;
}

export async function approveMethod(
  db: Db,
  ctx: RequestContext,
  approver: RequestContext,
  preset: 'multiplicative' | 'additive',
) {
  const approvalId = await submitMethod(db, ctx, preset);
  await approvals.decideApproval(db, approver, approvalId, 'approved', undefined);
}

/** The bulk generation job, as POST /risks/generate runs it. */
export async function generate(db: Db, ctx: RequestContext, threatIds: string[]) {
  const job = await risks.startGeneration(db, ctx);
  const done = await risks.runGeneration(db, ctx, job, {
    threatIds,
    pairing: 'per_threat',
    ownerFromAsset: true,
  });
  if (done.status !== 'succeeded') throw new Error(`generation failed: ${done.error}`);
  return (done.result as { created: number }).created;
}

/**
 * Seconds from approving a changed method to the commit of its decision, which
 * recomputes every risk (set-based, in the approval's transaction). Alternates
 * two formulas so every stored value changes each time.
 */
export async function timeMethodChanges(
  db: Db,
  ctx: RequestContext,
  approver: RequestContext,
  runs: number,
) {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const approvalId = await submitMethod(db, ctx, run % 2 ? 'multiplicative' : 'additive');
    times.push(
      await seconds(() =>
        approvals.decideApproval(db, approver, approvalId, 'approved', undefined),
      ),
    );
  }
  return times;
}
