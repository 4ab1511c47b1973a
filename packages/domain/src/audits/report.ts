import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/audits-reports';
import type { AuditReportRow, ReportAudit } from '@mamoru/db/repositories/audits-reports';
import { displayNames } from '@mamoru/db/repositories/users';
import type { AuditReport, AuditReportContent, AuditReportUpdate } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../errors.ts';
import { authorize, can, reachOf } from '../identity/actor.ts';
import { takeOverAuditImprovements } from '../improvement/improvements-takeover.ts';
import { takeOverAuditFindings } from '../improvement/takeover.ts';
import { buildReportContent, referencedIds } from './report-content.ts';

/**
 * The audit report (監査報告書, 6.4): a draft generated from the audit that the
 * team words (summary, conclusion); the lead auditor approves it, which freezes
 * the content in a snapshot that exports read; the head of an auditee unit
 * acknowledges it. Nothing changes after approval.
 */

export const AUDIT_REPORT_ENTITY = 'audit_report';

/** What approval freezes: exports and later reads show exactly this. */
export interface ReportSnapshot {
  content: AuditReportContent;
  summary: string;
  conclusion: string;
}

/** Audits the report may be worded and approved in: before the audit is reported. */
const OPEN_AUDIT = new Set(['planned', 'in_progress']);

/** The audit, if the actor may read it: reach 'own' = on the team or in an auditee unit. */
async function readableAudit(db: Executor, ctx: RequestContext, auditId: string) {
  const reach = authorize(ctx.actor, 'audits:read');
  const audit = await repo.reportAudit(db, ctx.actor.organizationId, auditId, ctx.actor.userId);
  if (!audit) throw notFound('audit');
  const related = audit.onTeam || audit.isLead || audit.inAuditeeUnit || audit.headsAuditeeUnit;
  if (reach === 'own' && !related) {
    throw forbidden('forbidden_not_owner', { permission: 'audits:read' });
  }
  return audit;
}

/** Conducting reaches audits the actor is on the team of (or all of them). */
const conducts = (ctx: RequestContext, audit: ReportAudit) => {
  const reach = reachOf(ctx.actor, 'audits:conduct');
  return reach === 'all' || (reach === 'own' && (audit.onTeam || audit.isLead));
};

/** The live content of the report, from five reads of the audit's rows. */
async function liveContent(db: Executor, org: string, audit: ReportAudit) {
  const [units, team, lines, findings] = [
    await repo.unitNames(db, org, audit.auditeeUnitIds),
    await repo.reportTeam(db, org, audit.id),
    await repo.reportLines(db, org, audit.id),
    await repo.reportFindings(db, org, audit.id),
  ];
  const ids = referencedIds(audit, lines, findings);
  const nodes = await repo.catalogNodes(db, org, ids.requirements, ids.controls);
  return buildReportContent({ audit, units, team, lines, nodes, findings });
}

const frozen = (row: AuditReportRow | null) =>
  row?.status === 'approved' || row?.status === 'acknowledged';

export interface ReportView {
  audit: ReportAudit;
  row: AuditReportRow | null;
  snapshot: ReportSnapshot;
  names: Map<string, string>;
  can: AuditReport['can'];
}

async function viewOf(
  db: Executor,
  ctx: RequestContext,
  audit: ReportAudit,
  row: AuditReportRow | null,
): Promise<ReportView> {
  const org = ctx.actor.organizationId;
  const snapshot: ReportSnapshot =
    frozen(row) && row!.snapshot
      ? (row!.snapshot as unknown as ReportSnapshot)
      : {
          content: await liveContent(db, org, audit),
          summary: row?.summary ?? '',
          conclusion: row?.conclusion ?? '',
        };
  const people = [row?.approvedBy, row?.acknowledgedBy].filter((id): id is string => !!id);
  const editable = !frozen(row) && OPEN_AUDIT.has(audit.status) && conducts(ctx, audit);
  return {
    audit,
    row,
    snapshot,
    names: await displayNames(db, org, people),
    can: {
      edit: editable,
      approve: editable && audit.isLead && audit.status === 'in_progress',
      acknowledge:
        row?.status === 'approved' && audit.headsAuditeeUnit && can(ctx.actor, 'audits:respond'),
    },
  };
}

export async function getReport(db: Db, ctx: RequestContext, auditId: string) {
  const audit = await readableAudit(db, ctx, auditId);
  const row = await repo.getReport(db, ctx.actor.organizationId, auditId);
  return viewOf(db, ctx, audit, row);
}

/** The draft to change, locked; null when never saved (the caller sends version 0). */
async function lockedDraft(tx: Executor, ctx: RequestContext, audit: ReportAudit, v: number) {
  const row = await repo.getReport(tx, ctx.actor.organizationId, audit.id, true);
  if (row ? row.version !== v : v !== 0) throw staleVersion();
  if (frozen(row)) throw conflict('audit_report_frozen');
  if (!OPEN_AUDIT.has(audit.status)) throw conflict('audit_report_audit_closed');
  return row;
}

type ReportValues = Parameters<typeof repo.updateReport>[4];

/** Writes the draft: the first save inserts version 1, later ones bump the version. */
async function saveReport(
  tx: Executor,
  org: string,
  auditId: string,
  before: AuditReportRow | null,
  values: ReportValues,
) {
  const row = before
    ? await repo.updateReport(tx, org, auditId, before.version, values)
    : await repo.insertReport(tx, { ...values, organizationId: org, auditId });
  // Another save committed meanwhile (the first-save insert conflicts likewise).
  if (!row) throw staleVersion();
  return row;
}

/** Words the draft (summary, conclusion): the audit team, before approval. */
export async function updateReport(
  db: Db,
  ctx: RequestContext,
  auditId: string,
  expectedVersion: number,
  patch: AuditReportUpdate,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const audit = await readableAudit(tx, ctx, auditId);
    authorize(ctx.actor, 'audits:conduct');
    if (!conducts(ctx, audit)) throw forbidden('audit_report_team_only');
    const before = await lockedDraft(tx, ctx, audit, expectedVersion);
    const values = {
      summary: patch.summary ?? before?.summary ?? '',
      conclusion: patch.conclusion ?? before?.conclusion ?? '',
    };
    const row = await saveReport(tx, org, auditId, before, values);
    await recordAudit(tx, ctx, [
      {
        action: 'audit_report.updated',
        entityType: AUDIT_REPORT_ENTITY,
        entityId: auditId,
        before: { summary: before?.summary ?? '', conclusion: before?.conclusion ?? '' },
        after: values,
      },
    ]);
    return viewOf(tx, ctx, audit, row);
  });
}

/** The lead auditor approves: every checklist line has a result; the content is frozen. */
export async function approveReport(
  db: Db,
  ctx: RequestContext,
  auditId: string,
  expectedVersion: number,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const audit = await readableAudit(tx, ctx, auditId);
    authorize(ctx.actor, 'audits:conduct');
    if (!audit.isLead) throw forbidden('audit_report_lead_only');
    const before = await lockedDraft(tx, ctx, audit, expectedVersion);
    if (audit.status !== 'in_progress') {
      throw conflict('audit_report_not_in_progress');
    }
    const content = await liveContent(tx, org, audit);
    const answered = Object.entries(content.totals)
      .filter(([k]) => k !== 'unanswered')
      .reduce((n, [, c]) => n + c, 0);
    if (answered === 0 || content.totals.unanswered > 0) {
      throw invalid([
        {
          field: 'checklist',
          code: 'audit_report_unanswered',
          params: { count: content.totals.unanswered },
        },
      ]);
    }
    const snapshot: ReportSnapshot = {
      content,
      summary: before?.summary ?? '',
      conclusion: before?.conclusion ?? '',
    };
    const row = await saveReport(tx, org, auditId, before, {
      status: 'approved',
      snapshot: snapshot as unknown as Record<string, unknown>,
      approvedBy: ctx.actor.userId,
      approvedAt: new Date(),
    });
    await recordAudit(tx, ctx, [
      {
        action: 'audit_report.approved',
        entityType: AUDIT_REPORT_ENTITY,
        entityId: auditId,
        after: { status: 'approved', totals: content.totals, findings: content.findings.length },
      },
    ]);
    // The approved findings enter the improvement area: nonconformities to the
    // register (cause analysis, corrective action), observations and OFIs to
    // the improvement register. Both are idempotent.
    await takeOverAuditFindings(tx, ctx, auditId);
    await takeOverAuditImprovements(tx, ctx, auditId);
    return viewOf(tx, ctx, audit, row);
  });
}

/** The head of an auditee unit confirms having received the approved report. */
export async function acknowledgeReport(
  db: Db,
  ctx: RequestContext,
  auditId: string,
  expectedVersion: number,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const audit = await readableAudit(tx, ctx, auditId);
    authorize(ctx.actor, 'audits:respond');
    if (!audit.headsAuditeeUnit) throw forbidden('audit_report_head_only');
    const before = await repo.getReport(tx, org, auditId, true);
    if (!before || before.status === 'draft') throw conflict('audit_report_draft');
    if (before.version !== expectedVersion) throw staleVersion();
    if (before.status === 'acknowledged') throw conflict('audit_report_acknowledged');
    const row = await repo.updateReport(tx, org, auditId, expectedVersion, {
      status: 'acknowledged',
      acknowledgedBy: ctx.actor.userId,
      acknowledgedAt: new Date(),
    });
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'audit_report.acknowledged',
        entityType: AUDIT_REPORT_ENTITY,
        entityId: auditId,
        before: { status: before.status },
        after: { status: 'acknowledged' },
      },
    ]);
    return viewOf(tx, ctx, audit, row);
  });
}

export function presentReport(v: ReportView): AuditReport {
  const person = (id: string | null | undefined) =>
    id ? { id, name: v.names.get(id) ?? '' } : null;
  return {
    auditId: v.audit.id,
    status: (v.row?.status ?? 'draft') as AuditReport['status'],
    summary: v.snapshot.summary,
    conclusion: v.snapshot.conclusion,
    content: v.snapshot.content,
    approvedBy: person(v.row?.approvedBy),
    approvedAt: v.row?.approvedAt?.toISOString() ?? null,
    acknowledgedBy: person(v.row?.acknowledgedBy),
    acknowledgedAt: v.row?.acknowledgedAt?.toISOString() ?? null,
    can: v.can,
    version: v.row?.version ?? 0,
  };
}
