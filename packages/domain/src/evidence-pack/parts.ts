import type { Db } from '@mamoru/db';
import * as packRepo from '@mamoru/db/repositories/evidence-pack';
import * as documentsRepo from '@mamoru/db/repositories/documents';
import * as scopeRepo from '@mamoru/db/repositories/scope';
import * as actionsRepo from '@mamoru/db/repositories/improvement-actions';
import { reviewCode } from '@mamoru/db/repositories/reviews-rows';
import { displayNames } from '@mamoru/db/repositories/users';
import type { RequestContext } from '../audit/trail.ts';
import { exportSoa } from '../soa/export.ts';
import { planReport, planRows, riskReport, riskReportRows } from '../risks/reports.ts';
import { actionHeader, actionCells, riskCells, riskHeader } from '../risks/exports.ts';
import { exportVersionPdf } from '../documents/export.ts';
import { exportReport } from '../audits/report-export.ts';
import { exportReviewMinutes } from '../reviews/export.ts';
import * as ncExport from '../improvement/nonconformities-export.ts';
import { exportReadiness } from '../conformity/export.ts';
import { nonconformityCode } from '../improvement/improvements-presenters.ts';
import { sheetsXlsx } from '../reports/workbook.ts';
import { PARTS, type PartKey } from './labels.ts';
import {
  documentRegisterReport,
  emptyPart,
  policySheet,
  recordsIndexReport,
  scopeReport,
  type Facts,
  type RenderedPart,
} from './reports.ts';

/** One file of the pack, before it is zipped. */
export interface PackFile {
  path: string;
  part: PartKey;
  body: Buffer;
  /** The part had nothing to show: this file says so. */
  empty: boolean;
}

export interface PartInput {
  db: Db;
  ctx: RequestContext;
  facts: Facts;
  /** The instant just after the as-of day. */
  before: Date;
}

const files = (part: PartKey, name: string, r: RenderedPart, empty = false): PackFile[] => [
  { path: `${PARTS[part].folder}/${name}.pdf`, part, body: r.pdf, empty },
  { path: `${PARTS[part].folder}/${name}.xlsx`, part, body: r.xlsx, empty },
];

async function empty(part: PartKey, facts: Facts) {
  return files(part, 'none', await emptyPart(part, facts), true);
}

async function collect<T>(batches: AsyncIterable<T[]>) {
  const rows: T[] = [];
  for await (const batch of batches) rows.push(...batch);
  return rows;
}

const stem = (filename: string) => filename.replace(/\.(pdf|xlsx)$/, '');

async function soaPart({ db, ctx, facts, before }: PartInput) {
  const inForce = await packRepo.soaVersionInForce(db, ctx.actor.organizationId, before);
  if (!inForce) return empty('soa', facts);
  const q = { lang: facts.lang, version: inForce.versionId };
  const [pdf, xlsx] = await Promise.all([
    exportSoa(db, ctx, inForce.soaId, { ...q, format: 'pdf' }),
    exportSoa(db, ctx, inForce.soaId, { ...q, format: 'xlsx' }),
  ]);
  return files('soa', stem(pdf.filename), { pdf: pdf.body, xlsx: xlsx.body });
}

async function riskParts({ db, ctx, facts }: PartInput) {
  const lang = facts.lang;
  const pdf = await riskReport(db, ctx, {}, lang);
  const { method, batches } = await riskReportRows(db, ctx, {});
  const risks = await collect(batches);
  const xlsx = await sheetsXlsx([
    {
      name: lang === 'ja' ? 'リスクアセスメント' : 'Risk assessment',
      header: riskHeader(lang),
      rows: risks.map((r) => riskCells(r, method, lang)),
    },
  ]);
  const planPdf = await planReport(db, ctx, {}, lang);
  const actions = await collect(planRows(db, ctx, {}));
  const planXlsx = await sheetsXlsx([
    {
      name: lang === 'ja' ? 'リスク対応計画' : 'Risk treatment plan',
      header: actionHeader(lang),
      rows: actions.map((a) => actionCells(a, lang)),
    },
  ]);
  return [
    ...files('risk_assessment', 'risk-assessment', { pdf, xlsx }),
    ...files('treatment_plan', 'risk-treatment-plan', { pdf: planPdf, xlsx: planXlsx }),
  ];
}

async function scopePart({ db, ctx, facts, before }: PartInput) {
  const org = ctx.actor.organizationId;
  const id = await packRepo.scopeVersionIdInForce(db, org, before);
  const row = id ? await scopeRepo.getScopeVersion(db, org, id) : null;
  if (!row) return empty('scope', facts);
  const [exclusions, units, locations, names] = await Promise.all([
    scopeRepo.scopeExclusionsOf(db, org, row.id),
    scopeRepo.listOrgUnits(db, org, {}, { limit: 1000 }),
    scopeRepo.listLocations(db, org, {}, { limit: 1000 }),
    displayNames(db, org, row.approvedBy ? [row.approvedBy] : []),
  ]);
  const nameOf = (list: { id: string; code: string; name: string }[], ids: string[]) =>
    ids.map((i) => list.find((u) => u.id === i)).map((u) => (u ? `${u.code} ${u.name}` : ''));
  const report = await scopeReport(
    {
      number: row.number,
      approvedAt: row.approvedAt,
      approver: row.approvedBy ? (names.get(row.approvedBy) ?? '') : '',
      businessActivities: row.businessActivities,
      units: nameOf(units.items, row.orgUnitIds),
      organizationNote: row.organizationNote,
      locations: nameOf(locations.items, row.locationIds),
      locationNote: row.locationNote,
      assetCategories: row.assetCategories,
      assetNote: row.assetNote,
      technology: row.technology,
      boundaries: row.boundaries,
      interfaces: row.interfaces,
      exclusions: exclusions.map((e) => ({ controlId: e.controlId, reason: e.reason })),
    },
    facts,
  );
  return files('scope', `scope-v${row.number}`, report);
}

async function policyPart({ db, ctx, facts, before }: PartInput) {
  const org = ctx.actor.organizationId;
  const inForce = await packRepo.policyVersionInForce(db, org, before);
  if (!inForce) return empty('policy', facts);
  const [doc, version] = await Promise.all([
    documentsRepo.getDocumentView(db, org, inForce.documentId),
    documentsRepo.getVersionById(db, org, inForce.versionId, false),
  ]);
  if (!doc || !version) return empty('policy', facts);
  const pdf = await exportVersionPdf(db, ctx, doc.id, version.id, facts.lang);
  const xlsx = await policySheet(
    {
      code: doc.code,
      title: doc.title,
      revision: version.revision,
      issuedAt: version.issuedAt,
      body: version.body,
    },
    facts,
  );
  return files('policy', stem(pdf.filename), { pdf: pdf.body, xlsx });
}

async function registerParts({ db, ctx, facts, before }: PartInput) {
  const org = ctx.actor.organizationId;
  const [register, records] = await Promise.all([
    packRepo.documentRegister(db, org, before),
    packRepo.recordsIndex(db, org, facts.asOf),
  ]);
  return [
    ...(register.length
      ? files(
          'document_register',
          'document-register',
          await documentRegisterReport(register, facts),
        )
      : await empty('document_register', facts)),
    ...(records.length
      ? files('records_index', 'records-index', await recordsIndexReport(records, facts))
      : await empty('records_index', facts)),
  ];
}

async function auditParts({ db, ctx, facts, before }: PartInput) {
  const audits = await packRepo.auditsWithApprovedReports(db, ctx.actor.organizationId, before);
  if (!audits.length) return empty('audit_reports', facts);
  const out: PackFile[] = [];
  for (const audit of audits) {
    const pdf = await exportReport(db, ctx, audit.id, { format: 'pdf', lang: facts.lang });
    const xlsx = await exportReport(db, ctx, audit.id, { format: 'xlsx', lang: facts.lang });
    out.push(...files('audit_reports', stem(pdf.filename), { pdf: pdf.body, xlsx: xlsx.body }));
  }
  return out;
}

async function reviewParts({ db, ctx, facts }: PartInput) {
  const reviews = await packRepo.reviewsHeldBy(db, ctx.actor.organizationId, facts.asOf);
  if (!reviews.length) return empty('review_minutes', facts);
  const out: PackFile[] = [];
  for (const review of reviews) {
    const q = { lang: facts.lang };
    const pdf = await exportReviewMinutes(db, ctx, review.id, { ...q, format: 'pdf' });
    const xlsx = await exportReviewMinutes(db, ctx, review.id, { ...q, format: 'xlsx' });
    const name = stem(pdf.filename) || `management-review-${reviewCode(review.number)}`;
    out.push(...files('review_minutes', name, { pdf: pdf.body, xlsx: xlsx.body }));
  }
  return out;
}

const ACTION_WORDS: Record<string, { ja: string; en: string }> = {
  corrective: { ja: '是正処置', en: 'Corrective' },
  preventive: { ja: '予防処置', en: 'Preventive' },
  planned: { ja: '計画', en: 'Planned' },
  implemented: { ja: '実施済み', en: 'Implemented' },
  effective: { ja: '有効', en: 'Effective' },
  not_effective: { ja: '有効でない', en: 'Not effective' },
  cancelled: { ja: '中止', en: 'Cancelled' },
};

async function nonconformityPart({ db, ctx, facts }: PartInput) {
  const lang = facts.lang;
  const org = ctx.actor.organizationId;
  const pdf = await ncExport.registerPdf(db, ctx, {}, lang);
  const rows = await ncExport.exportRows(db, ctx, {});
  const actions = await actionsRepo.listActions(db, org, {}, { limit: ncExport.EXPORT_MAX_ROWS });
  const ja = lang === 'ja';
  const xlsx = await sheetsXlsx([
    {
      name: ja ? '不適合' : 'Nonconformities',
      header: ncExport.exportHeader(lang),
      rows: rows.map((n) => ncExport.exportCells(n, lang)),
    },
    {
      name: ja ? '処置' : 'Actions',
      header: ja
        ? ['不適合', '件名', '種類', 'サイクル', '担当者', '期限', '状態', '実施日']
        : ['Nonconformity', 'Title', 'Kind', 'Cycle', 'Owner', 'Due', 'Status', 'Implemented'],
      rows: actions.items.map((a) => [
        nonconformityCode(a.nonconformityNumber),
        a.title,
        ACTION_WORDS[a.kind]?.[lang] ?? a.kind,
        a.cycle,
        a.ownerName ?? '',
        a.dueDate,
        ACTION_WORDS[a.status]?.[lang] ?? a.status,
        a.implementedAt ? a.implementedAt.toISOString().slice(0, 10) : '',
      ]),
    },
  ]);
  return files('nonconformities', 'nonconformities', { pdf, xlsx });
}

async function conformityPart({ db, ctx, facts }: PartInput) {
  const [pdf, xlsx] = await Promise.all([
    exportReadiness(db, ctx, { format: 'pdf', lang: facts.lang }),
    exportReadiness(db, ctx, { format: 'xlsx', lang: facts.lang }),
  ]);
  return files('conformity', 'conformity-report', { pdf: pdf.body, xlsx: xlsx.body });
}

/** The parts in the order of the pack, each a step of the job's progress. */
export const PART_STEPS: { name: string; build(input: PartInput): Promise<PackFile[]> }[] = [
  { name: 'soa', build: soaPart },
  { name: 'risks', build: riskParts },
  { name: 'scope', build: scopePart },
  { name: 'policy', build: policyPart },
  { name: 'registers', build: registerParts },
  { name: 'audit_reports', build: auditParts },
  { name: 'review_minutes', build: reviewParts },
  { name: 'nonconformities', build: nonconformityPart },
  { name: 'conformity', build: conformityPart },
];
