import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Db } from '@mamoru/db';
import * as orgsRepo from '@mamoru/db/repositories/organizations';
import {
  assetImport,
  PERMISSIONS,
  sessions,
  setup,
  structure,
  systemActor,
  tokens,
  type RequestContext,
} from '@mamoru/domain';
import { DEFAULT_IMPORT_LIMITS, readCsvRows } from '../../apps/server/src/tabular/read.ts';
import { assetCsvLines, type LocationRow, type UnitRow } from './generate.ts';

/**
 * Writes the generated organization through the product's own services: the
 * first-run set-up, the structure services (one call per unit or location,
 * each audited, as a user would), and the asset import's streamed path.
 */

export interface Organization {
  organizationId: string;
  /** The first administrator (also ISMS manager) acting through the services. */
  ctx: RequestContext;
  /** A personal access token for the HTTP measurements. */
  token: string;
}

export async function setUpOrganization(db: Db): Promise<Organization> {
  const { organization, user } = await setup.setupOrganization(
    db,
    {
      organizationName: '守る工業株式会社 (bench)',
      displayName: 'ベンチ 管理者',
      email: 'admin@bench.example',
      password: 'bench-Password-2026!x',
      locale: 'ja',
    },
    null,
  );
  const ctx: RequestContext = { actor: sessions.actorForUser(user), requestId: null };
  const held = PERMISSIONS.filter((p) => ctx.actor.grants[p]);
  const { secret } = await tokens.createToken(db, ctx, {
    name: 'bench',
    permissions: [...held],
    expiresInDays: 1,
  });
  return { organizationId: organization.id, ctx, token: secret };
}

/**
 * Another organization for a repeated import run (an import into the same
 * organization would find every code present and only update). Created by the
 * repository: the product has no service for a second tenant yet.
 */
export async function scratchOrganization(db: Db, n: number): Promise<RequestContext> {
  const org = await orgsRepo.insertOrganization(db, {
    name: `import run ${n}`,
    defaultLocale: 'ja',
  });
  return { actor: systemActor(org.id), requestId: null };
}

export async function createStructure(
  db: Db,
  ctx: RequestContext,
  units: readonly UnitRow[],
  locations: readonly LocationRow[],
) {
  const unitIds = new Map<string, string>();
  for (const u of units) {
    const parentId = u.parent ? unitIds.get(u.parent) : null;
    const row = await structure.createOrgUnit(db, ctx, {
      code: u.code,
      name: u.name,
      description: '',
      parentId,
    });
    unitIds.set(u.code, row.id);
  }
  const locationIds = new Map<string, string>();
  for (const l of locations) {
    const parentId = l.parent ? locationIds.get(l.parent) : null;
    const row = await structure.createLocation(db, ctx, {
      code: l.code,
      name: l.name,
      kind: l.kind,
      address: '',
      description: '',
      parentId,
    });
    locationIds.set(l.code, row.id);
  }
  return { unitIds, locationIds };
}

/** Writes the generated asset file (UTF-8 CSV, Japanese headers); returns its size in bytes. */
export async function writeAssetCsv(
  path: string,
  seed: number,
  count: number,
  units: readonly UnitRow[],
  locations: readonly LocationRow[],
): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for (const line of assetCsvLines(seed, count, units, locations)) {
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

/** The import as the server runs it: the same streamed CSV reader, both passes, one transaction. */
export async function importAssetFile(db: Db, ctx: RequestContext, path: string) {
  const noProgress = async () => undefined;
  const outcome = await assetImport.importAssets(
    db,
    ctx,
    () => readCsvRows(path, DEFAULT_IMPORT_LIMITS),
    { mode: 'commit', format: 'csv', partial: false },
    { progress: noProgress, progressInTransaction: noProgress },
  );
  if (outcome.status !== 'succeeded') {
    throw new Error(`asset import failed: ${JSON.stringify(outcome).slice(0, 2000)}`);
  }
  return outcome.result as { created: number; errorCount: number };
}
