import type { Db } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import * as register from '@mamoru/db/repositories/risks-list';
import * as plan from '@mamoru/db/repositories/risks-plan';
import type { RiskFilter } from '@mamoru/db/repositories/risks-list';
import type { ActionFilter } from '@mamoru/db/repositories/risks-plan';
import type { RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { methodInForce } from './methods.ts';
import { riskReportPdf, treatmentPlanPdf, type Lang } from './exports.ts';

/** The reports as the server sends them: rows to stream to XLSX, or a finished PDF. */
async function facts(db: Db, ctx: RequestContext) {
  const org = await orgs.getOrganization(db, ctx.actor.organizationId);
  return { organization: org?.name ?? '', date: new Date().toISOString().slice(0, 10) };
}

export async function riskReportRows(db: Db, ctx: RequestContext, filter: RiskFilter) {
  authorize(ctx.actor, 'isms:read');
  const org = ctx.actor.organizationId;
  const inForce = await methodInForce(db, org);
  return { method: inForce?.method ?? null, batches: register.eachRisk(db, org, filter) };
}

export async function riskReport(db: Db, ctx: RequestContext, filter: RiskFilter, lang: Lang) {
  const { method, batches } = await riskReportRows(db, ctx, filter);
  return riskReportPdf(batches, method, lang, await facts(db, ctx));
}

export function planRows(db: Db, ctx: RequestContext, filter: ActionFilter) {
  authorize(ctx.actor, 'isms:read');
  return plan.eachTreatmentAction(db, ctx.actor.organizationId, filter);
}

export async function planReport(db: Db, ctx: RequestContext, filter: ActionFilter, lang: Lang) {
  return treatmentPlanPdf(planRows(db, ctx, filter), lang, await facts(db, ctx));
}
