import type { Executor } from '@mamoru/db';
import { insertJob } from '@mamoru/db/repositories/jobs';
import { catalog } from '@mamoru/domain';

/**
 * The catalog import's line of tenant-isolation.test.ts: a background import
 * job of B (what a file above the in-request size starts), which A must not
 * read by its id.
 */
export interface CatalogImportOfB {
  jobId: string;
}

export async function createCatalogImportOfB(
  db: Executor,
  organizationId: string,
): Promise<CatalogImportOfB> {
  const job = await insertJob(db, {
    organizationId,
    kind: catalog.CATALOG_IMPORT_JOB,
    createdBy: null,
    status: 'succeeded',
  });
  return { jobId: job.id };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  control: { as: 'managerB'; status: number };
}

export function catalogImportProbes<B extends { catalogImport: CatalogImportOfB }>(): Probe<B>[] {
  return [
    {
      route: 'GET /api/v1/catalogs/import/jobs/:id',
      url: (b) => `/api/v1/catalogs/import/jobs/${b.catalogImport.jobId}`,
      control: { as: 'managerB', status: 200 },
    },
  ];
}
