import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/risks-catalog';
import type { CatalogFilter } from '@mamoru/db/repositories/risks-catalog';
import { seedRiskCatalogs } from '@mamoru/db/repositories/risks-generate';
import { assignScores } from '@mamoru/db/repositories/risks-scores';
import { riskStarterCatalog } from '@mamoru/catalog';
import type { z } from 'zod';
import type {
  threatCreateSchema,
  threatUpdateSchema,
  vulnerabilityCreateSchema,
  vulnerabilityUpdateSchema,
} from '@mamoru/contracts';
import { invalid, notFound, staleVersion } from '../errors.ts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize, systemActor } from '../identity/actor.ts';
import { auditable, authorizeWriteAll, isUniqueViolation } from '../scope/common.ts';
import { compileMethod } from './compile.ts';
import { methodInForce } from './methods.ts';

/**
 * The organization's threats and vulnerabilities. They start as a copy of the
 * starter catalog (ISO/IEC 27005 groups, our own words in ja/en), made the
 * first time the organization uses either list; the organization then edits
 * them and adds its own (source 'custom').
 */
type Page = { limit: number; cursor?: string | undefined };
type ThreatCreate = z.infer<typeof threatCreateSchema>;
type ThreatUpdate = z.infer<typeof threatUpdateSchema>;
type VulnerabilityCreate = z.infer<typeof vulnerabilityCreateSchema>;
type VulnerabilityUpdate = z.infer<typeof vulnerabilityUpdateSchema>;

/** Copies the starter catalog into the organization once. */
export async function ensureCatalogs(tx: Executor, ctx: RequestContext) {
  const org = ctx.actor.organizationId;
  const starter = await riskStarterCatalog();
  const inserted = await seedRiskCatalogs(
    tx,
    org,
    starter.threats.map((t) => ({
      code: t.id,
      groupId: t.group,
      nameJa: t.name.ja ?? t.name.en ?? '',
      nameEn: t.name.en ?? t.name.ja ?? '',
      description: { ja: t.description.ja ?? '', en: t.description.en ?? '' },
      origin: [...t.origin],
      affects: [...t.affects],
      assetCategories: [...t.assetCategories],
      defaultLikelihood: t.defaultLikelihood,
      relatedControls: [...t.relatedControls],
    })),
    starter.vulnerabilities.map((v) => ({
      code: v.id,
      groupId: v.group,
      nameJa: v.name.ja ?? v.name.en ?? '',
      nameEn: v.name.en ?? v.name.ja ?? '',
      description: { ja: v.description.ja ?? '', en: v.description.en ?? '' },
      assetCategories: [...v.assetCategories],
      defaultLevel: v.defaultLevel,
      exploitedBy: [...v.exploitedBy],
      relatedControls: [...v.relatedControls],
    })),
  );
  if (inserted) {
    await recordAudit(tx, { actor: systemActor(org), requestId: ctx.requestId }, [
      {
        action: 'risk_catalogs.seeded',
        entityType: 'risk_catalog',
        entityId: starter.id,
        after: { version: starter.version, threats: starter.threats.length },
      },
    ]);
  }
}

const codeTaken = (error: unknown) => {
  if (isUniqueViolation(error)) throw invalid([{ field: 'code', code: 'code_taken' }]);
  throw error;
};

export async function listThreats(db: Db, ctx: RequestContext, f: CatalogFilter, page: Page) {
  authorize(ctx.actor, 'isms:read');
  await db.transaction((tx) => ensureCatalogs(tx, ctx));
  return repo.listThreats(db, ctx.actor.organizationId, f, page);
}

export async function getThreat(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  const row = await repo.getThreat(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('threat');
  return row;
}

export async function createThreat(db: Db, ctx: RequestContext, input: ThreatCreate) {
  authorizeWriteAll(ctx.actor);
  return db
    .transaction(async (tx) => {
      await ensureCatalogs(tx, ctx);
      const { group, name, ...rest } = input;
      const row = await repo.insertThreat(tx, {
        ...rest,
        groupId: group,
        nameJa: name.ja,
        nameEn: name.en,
        organizationId: ctx.actor.organizationId,
        source: 'custom',
      });
      await recordAudit(tx, ctx, [
        { action: 'threat.created', entityType: 'threat', entityId: row.id, after: auditable(row) },
      ]);
      return row;
    })
    .catch(codeTaken);
}

export async function updateThreat(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: ThreatUpdate,
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const before = await repo.getThreat(tx, org, id);
      if (!before) throw notFound('threat');
      const { group, name, ...rest } = input;
      const after = await repo.updateThreat(tx, org, id, expectedVersion, {
        ...rest,
        ...(group !== undefined ? { groupId: group } : {}),
        ...(name ? { nameJa: name.ja, nameEn: name.en } : {}),
      });
      if (!after) throw staleVersion();
      // Per-property scoring reads the threat's properties: its risks move to the keys of the new ones.
      if (before.affects.join() !== after.affects.join()) {
        const inForce = await methodInForce(tx, org);
        const method = inForce ? compileMethod(inForce.method) : null;
        await assignScores(tx, org, method, { threatIds: [id] });
      }
      await recordAudit(tx, ctx, [
        {
          action: 'threat.updated',
          entityType: 'threat',
          entityId: id,
          ...diff(auditable(before), auditable(after)),
        },
      ]);
      return after;
    })
    .catch(codeTaken);
}

export async function listVulnerabilities(
  db: Db,
  ctx: RequestContext,
  f: CatalogFilter,
  page: Page,
) {
  authorize(ctx.actor, 'isms:read');
  await db.transaction((tx) => ensureCatalogs(tx, ctx));
  return repo.listVulnerabilities(db, ctx.actor.organizationId, f, page);
}

export async function getVulnerability(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  const row = await repo.getVulnerability(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('vulnerability');
  return row;
}

export async function createVulnerability(db: Db, ctx: RequestContext, input: VulnerabilityCreate) {
  authorizeWriteAll(ctx.actor);
  return db
    .transaction(async (tx) => {
      await ensureCatalogs(tx, ctx);
      const { group, name, ...rest } = input;
      const row = await repo.insertVulnerability(tx, {
        ...rest,
        groupId: group,
        nameJa: name.ja,
        nameEn: name.en,
        organizationId: ctx.actor.organizationId,
        source: 'custom',
      });
      await recordAudit(tx, ctx, [
        {
          action: 'vulnerability.created',
          entityType: 'vulnerability',
          entityId: row.id,
          after: auditable(row),
        },
      ]);
      return row;
    })
    .catch(codeTaken);
}

export async function updateVulnerability(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: VulnerabilityUpdate,
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const before = await repo.getVulnerability(tx, org, id);
      if (!before) throw notFound('vulnerability');
      const { group, name, ...rest } = input;
      const after = await repo.updateVulnerability(tx, org, id, expectedVersion, {
        ...rest,
        ...(group !== undefined ? { groupId: group } : {}),
        ...(name ? { nameJa: name.ja, nameEn: name.en } : {}),
      });
      if (!after) throw staleVersion();
      await recordAudit(tx, ctx, [
        {
          action: 'vulnerability.updated',
          entityType: 'vulnerability',
          entityId: id,
          ...diff(auditable(before), auditable(after)),
        },
      ]);
      return after;
    })
    .catch(codeTaken);
}
