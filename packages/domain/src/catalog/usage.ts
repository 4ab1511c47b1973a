import {
  CONTROL_USAGE_LIMIT,
  type ControlUsage,
  type ControlUsageDocument,
  type ControlUsageRisk,
  type ControlUsageSoa,
} from '@mamoru/contracts';
import type { Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/catalog-usage';
import type {
  ControlDocumentRow,
  ControlRiskRow,
  ControlSoaRow,
} from '@mamoru/db/repositories/catalog-usage';
import { can, reachOf, type Actor } from '../identity/actor.ts';
import { bandRef } from '../risks/presenters.ts';
import { methodInForce } from '../risks/methods.ts';
import type { RiskMethod } from '../risks/method.ts';
import { SCOPE_LIBRARY_ID } from '../scope/service.ts';

/** Which control of which library (the library row's uuid and the control's ID). */
export interface ControlKey {
  organizationId: string;
  libraryUuid: string;
  controlId: string;
}

export interface ControlUsageOptions {
  /** Withdrawn documents too. */
  includeObsolete?: boolean | undefined;
}

/** Characters of a statement's justification shown beside the control. */
const JUSTIFICATION_EXCERPT = 200;

function excerpt(text: string) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= JUSTIFICATION_EXCERPT
    ? flat
    : `${flat.slice(0, JUSTIFICATION_EXCERPT - 1).trimEnd()}…`;
}

function presentRisk(
  row: ControlRiskRow,
  method: RiskMethod | null,
  locale: 'ja' | 'en',
): ControlUsageRisk {
  const threatName = locale === 'en' ? row.threatNameEn : row.threatNameJa;
  return {
    id: row.id,
    title: `${row.assetName} × ${threatName}`,
    code: row.code,
    asset: { id: row.assetId, code: row.assetCode, name: row.assetName },
    threat: {
      id: row.threatId,
      code: row.threatCode,
      name: { ja: row.threatNameJa, en: row.threatNameEn },
    },
    level: bandRef(method, row.level),
    value: row.value,
    roles: [...row.roles].sort() as ControlUsageRisk['roles'],
    status: row.status as ControlUsageRisk['status'],
    treatmentOption: row.treatmentOption as ControlUsageRisk['treatmentOption'],
  };
}

function presentSoa(row: ControlSoaRow): ControlUsageSoa {
  const reasons = row.reasons
    .map((r) => r.note.trim())
    .filter(Boolean)
    .join(' / ');
  return {
    id: row.soaId,
    title: row.title,
    versionId: row.versionId,
    versionNumber: row.versionNumber,
    versionStatus: row.versionStatus as ControlUsageSoa['versionStatus'],
    applicable: row.applicable,
    proposed: row.proposed,
    implementationStatus: row.implementationStatus as ControlUsageSoa['implementationStatus'],
    justification: excerpt(row.applicable === false ? row.exclusionReason : reasons),
  };
}

const presentDocument = (row: ControlDocumentRow): ControlUsageDocument => ({
  id: row.id,
  title: row.title,
  code: row.code,
  type: row.type as ControlUsageDocument['type'],
  status: row.status as ControlUsageDocument['status'],
  currentRevision: row.currentRevision,
});

async function risksOf(db: Executor, actor: Actor, controlId: string) {
  const org = actor.organizationId;
  // Sequential throughout: `db` may be a transaction (one connection, one query at a time).
  const total = await repo.countControlRisks(db, org, controlId);
  const rows = await repo.controlRisks(db, org, controlId, CONTROL_USAGE_LIMIT);
  const inForce = await methodInForce(db, org);
  const locale = actor.locale ?? 'ja';
  return { total, items: rows.map((r) => presentRisk(r, inForce?.method ?? null, locale)) };
}

async function documentsOf(
  db: Executor,
  actor: Actor,
  controlId: string,
  options: ControlUsageOptions,
) {
  const org = actor.organizationId;
  // As the document register: reach 'own' sees what one owns or must read.
  const filter: repo.ControlDocumentFilter = {
    includeObsolete: options.includeObsolete ?? false,
    visibleTo: reachOf(actor, 'documents:read') === 'all' ? undefined : (actor.userId ?? ''),
  };
  const total = await repo.countControlDocuments(db, org, controlId, filter);
  const rows = await repo.controlDocuments(db, org, controlId, filter, CONTROL_USAGE_LIMIT);
  return { total, items: rows.map(presentDocument) };
}

const none = { total: 0, items: [] };

/**
 * Where a control is used: the risks linking it (existing or selected), its
 * entry in the latest statement of applicability, the documents serving it.
 * Each list needs the permission of its own register (isms:read for risks and
 * the statement, documents:read for documents); a list the actor may not read
 * is empty and named in `hidden`. Risks and documents name annex controls of
 * the shipped criteria, so only that library's controls have them.
 */
export async function controlUsage(
  db: Executor,
  actor: Actor,
  key: ControlKey,
  options: ControlUsageOptions = {},
): Promise<ControlUsage> {
  if (key.organizationId !== actor.organizationId) throw new Error('organization mismatch');
  const hidden: ControlUsage['hidden'] = [];
  const readsIsms = can(actor, 'isms:read');
  if (!readsIsms) hidden.push('risks', 'soa');
  const readsDocuments = can(actor, 'documents:read');
  if (!readsDocuments) hidden.push('documents');

  const library = await repo.usageLibrary(db, key.organizationId, key.libraryUuid);
  const annex = library?.shipped === true && library.libraryId === SCOPE_LIBRARY_ID;
  const risks = readsIsms && annex ? await risksOf(db, actor, key.controlId) : none;
  const soa =
    readsIsms && library
      ? await repo.controlSoaEntry(db, key.organizationId, library.libraryId, key.controlId)
      : null;
  const documents =
    readsDocuments && annex ? await documentsOf(db, actor, key.controlId, options) : none;
  return {
    risks: risks.items,
    soa: soa ? [presentSoa(soa)] : [],
    documents: documents.items,
    totals: { risks: risks.total, documents: documents.total },
    hidden,
  };
}
