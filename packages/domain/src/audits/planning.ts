import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/audits-programmes';
import * as facts from '@mamoru/db/repositories/audits-planning';
import type { AuditPlanning, AuditsDashboard } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { notFound } from '../errors.ts';
import { auditCoverage, monthsBefore, type CoverageKind } from './planning-coverage.ts';
import { catalogRequirements, defaultCriteria } from './programme-content.ts';

/**
 * Risk-based planning of a programme (per unit and per clause: last audited,
 * open findings, highest risk level, warnings for what would go unaudited)
 * and the audits dashboard (next audits, overdue follow-ups, cycle coverage).
 */

const today = () => new Date().toISOString().slice(0, 10);
const DEFAULT_CYCLE_MONTHS = 12;

interface Criteria {
  id: string;
  periodStart: string;
  periodEnd: string;
  criteriaRequirementIds: string[];
  criteriaControlIds: string[];
  cycleMonths: number;
}

/** Coverage of the criteria on a day, from the audits' facts (four queries in all). */
async function coverageOf(db: Db, org: string, p: Criteria, asOf: string) {
  const [audited, planned] = await Promise.all([
    facts.auditedRefs(db, org),
    facts.plannedAuditScopes(db, org, p),
  ]);
  return auditCoverage({
    items: [
      ...p.criteriaRequirementIds.map((id) => ({ kind: 'requirement' as const, id })),
      ...p.criteriaControlIds.map((id) => ({ kind: 'control' as const, id })),
    ],
    audited: audited.map((a) => ({ kind: a.kind, refId: a.ref_id, lastOn: a.last_on })),
    planned: planned.map((a) => ({
      plannedStart: a.planned_start,
      requirementIds: a.requirement_ids,
      controlIds: a.control_ids,
    })),
    asOf,
    cycleMonths: p.cycleMonths,
  });
}

export async function getPlanning(
  db: Db,
  ctx: RequestContext,
  programmeId: string,
): Promise<AuditPlanning> {
  authorize(ctx.actor, 'audits:read');
  const org = ctx.actor.organizationId;
  const programme = await repo.getProgramme(db, org, programmeId);
  if (!programme) throw notFound('audit programme');
  const asOf = today();
  const [coverage, units, findings, levels] = await Promise.all([
    coverageOf(db, org, programme, asOf),
    facts.unitPlanning(db, org, programme),
    facts.openFindingsByRef(db, org),
    facts.controlRiskLevels(db, org),
  ]);
  const open = new Map(findings.map((f) => [`${f.kind}:${f.ref_id}`, f.open]));
  const level = new Map(levels.map((l) => [l.control_id, l.level]));
  const key = (kind: CoverageKind, id: string) => `${kind}:${id}`;
  const catalog = await catalogRequirements();
  // Own controls outside the catalog show as their ID.
  const catalogKey = (kind: CoverageKind, id: string) =>
    kind === 'control' ? `control:${id}` : id;
  return {
    programmeId: programme.id,
    asOf,
    cycleMonths: programme.cycleMonths,
    units: units.map((u) => ({
      unitId: u.id,
      code: u.code,
      name: u.name,
      lastAuditedOn: u.last_on,
      plannedOn: u.planned_on,
      openFindings: u.open_findings,
      highestRiskLevel: u.highest_risk_level,
    })),
    items: coverage.items.map((i) => ({
      ...i,
      displayId: catalog.displayIds.get(catalogKey(i.kind, i.id)) ?? i.id,
      title: catalog.titles.get(catalogKey(i.kind, i.id)) ?? { ja: '', en: '' },
      openFindings: open.get(key(i.kind, i.id)) ?? 0,
      highestRiskLevel: i.kind === 'control' ? (level.get(i.id) ?? null) : null,
    })),
    summary: coverage.summary,
  };
}

export async function getDashboard(db: Db, ctx: RequestContext): Promise<AuditsDashboard> {
  const reach = authorize(ctx.actor, 'audits:read');
  const org = ctx.actor.organizationId;
  // With 'own' reach the lists name only the user's audits (team or audited unit).
  const own = reach === 'own' ? ctx.actor.userId : null;
  const asOf = today();
  const programme = await repo.programmeInForce(db, org, asOf);
  // Without a programme, coverage is measured against the default criteria over the year.
  const criteria: Criteria = programme ?? {
    id: '00000000-0000-0000-0000-000000000000',
    // Every audit still to run within a cycle around today counts as planned.
    periodStart: monthsBefore(asOf, DEFAULT_CYCLE_MONTHS),
    periodEnd: monthsBefore(asOf, -DEFAULT_CYCLE_MONTHS),
    cycleMonths: DEFAULT_CYCLE_MONTHS,
    ...(await defaultCriteria(db, org)),
  };
  const [coverage, next, overdue] = await Promise.all([
    coverageOf(db, org, criteria, asOf),
    facts.nextAudits(db, org, asOf, own, 10),
    facts.overdueFindings(db, org, asOf, own, 20),
  ]);
  return {
    programme: programme && {
      id: programme.id,
      fiscalYear: programme.fiscalYear,
      number: programme.number,
      status: programme.status as 'draft' | 'pending' | 'approved' | 'superseded',
    },
    nextAudits: next.map((a) => ({
      id: a.id,
      code: a.code,
      title: a.title,
      status: a.status,
      plannedStart: a.planned_start,
      plannedEnd: a.planned_end,
    })),
    overdueFollowUps: overdue.map((f) => ({
      id: f.id,
      auditId: f.audit_id,
      auditCode: f.audit_code,
      number: f.number,
      kind: f.kind,
      status: f.status,
      requirementId: f.requirement_id,
      controlId: f.control_id,
      dueDate: f.due_date,
    })),
    overdueCount: overdue[0]?.total ?? 0,
    coverage: coverage.summary,
  };
}
