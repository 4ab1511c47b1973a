import type { Db } from '@mamoru/db';
import * as soaRepo from '@mamoru/db/repositories/soa';
import * as migrationRepo from '@mamoru/db/repositories/soa-migration';
import type { SoaOfB } from './soa.isolation.ts';

/**
 * The migration assistant's lines of tenant-isolation.test.ts: a 2022
 * statement organization B drafted from its statement, and one probe per
 * route that takes its id. Written through the repositories: B's statement is
 * a draft there (its probes submit it), and isolation needs only the rows.
 */
export interface SoaMigrationOfB {
  id: string;
  etag: number;
}

const TARGET = 'iso-iec-27001-2022';

export async function createSoaMigrationOfB(
  db: Db,
  organizationId: string,
  soa: SoaOfB,
): Promise<SoaMigrationOfB> {
  const source = await soaRepo.getSoa(db, organizationId, soa.id);
  const library = await soaRepo.libraryUuid(db, organizationId, TARGET);
  if (!source || !library) throw new Error('B has no statement, or the 2022 catalog is missing');
  const target = await soaRepo.insertSoa(db, {
    organizationId,
    scopeVersionId: source.scopeVersionId,
    libraryId: TARGET,
    title: '2022 statement of B',
  });
  const version = await soaRepo.insertVersion(db, {
    organizationId,
    soaId: target.id,
    number: 1,
    status: 'draft',
    // B's statement has no approved version (its probes submit it), so the
    // "latest version" fallback of the control register would pick this draft;
    // in use a migration starts only from an approved statement, which stays
    // the basis. Dated before B's statement to keep that order here.
    createdAt: new Date('2000-01-01T00:00:00Z'),
  });
  await soaRepo.insertCatalogEntries(db, organizationId, version.id, library);
  const migration = await migrationRepo.insertMigration(db, {
    organizationId,
    sourceSoaId: soa.id,
    sourceVersionId: soa.versionId,
    targetSoaId: target.id,
    targetLibraryId: TARGET,
  });
  await migrationRepo.insertMigrationEntries(db, [
    {
      migrationId: migration.id,
      organizationId,
      controlId: '5.7',
      sources: [],
      reviewReasons: ['new_control'],
      review: 'pending',
      confirmedBy: null,
    },
  ]);
  return { id: target.id, etag: version.version };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'adminB'; status: number };
}

export function soaMigrationProbes<B extends { soaMigration: SoaMigrationOfB }>(): Probe<B>[] {
  const base = (b: B) => `/api/v1/soa/${b.soaMigration.id}/migration`;
  return [
    {
      route: 'GET /api/v1/soa/:id/migration',
      url: base,
      control: { as: 'adminB', status: 200 },
    },
    {
      route: 'GET /api/v1/soa/:id/migration/export',
      url: (b) => `${base(b)}/export?lang=en`,
      control: { as: 'adminB', status: 200 },
    },
    {
      route: 'POST /api/v1/soa/:id/migration/entries/:controlId/confirm',
      url: (b) => `${base(b)}/entries/5.7/confirm`,
      body: () => ({}),
      headers: (b) => ({ 'if-match': `"${b.soaMigration.etag}"` }),
      control: { as: 'adminB', status: 200 },
    },
  ];
}
