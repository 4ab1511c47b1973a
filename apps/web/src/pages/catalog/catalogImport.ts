// Sends a catalog file as the raw request body: the server tells the format
// from the content (OSCAL JSON/YAML/XML, CISO Assistant YAML, Mamoru JSON).
import type {
  CatalogImportJob,
  CatalogImportPreview,
  CatalogLibrary,
  Locale,
} from '@mamoru/contracts';
import { api, ApiError, asProblem } from '../../api/client';
import { queryString } from '../../api/types';
import { currentLocale } from '../../i18n';

export interface CatalogImportOptions {
  libraryId?: string | undefined;
  locale?: Locale | undefined;
}

/** The answer of an import: the library (finished within the request) or a job to poll. */
export type CatalogImportAnswer =
  { kind: 'imported'; library: CatalogLibrary } | { kind: 'job'; job: CatalogImportJob };

async function send<T>(
  file: File,
  query: Record<string, string | undefined>,
  csrfToken: string | undefined,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`/api/v1/catalogs/import${queryString(query)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json, application/problem+json',
      'Accept-Language': currentLocale(),
      'Content-Type': file.type || 'application/octet-stream',
      ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
    },
    body: file,
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = asProblem(body);
    throw new ApiError({
      status: response.status,
      title: problem?.title ?? `HTTP ${response.status}`,
      problem,
    });
  }
  return { status: response.status, body: body as T };
}

/** The dry run: what the file would import, nothing written. */
export async function previewCatalogImport(
  file: File,
  options: CatalogImportOptions,
  csrfToken: string | undefined,
): Promise<CatalogImportPreview> {
  const { body } = await send<CatalogImportPreview>(
    file,
    { ...options, dryRun: 'true' },
    csrfToken,
  );
  return body;
}

export async function importCatalogFile(
  file: File,
  options: CatalogImportOptions,
  csrfToken: string | undefined,
): Promise<CatalogImportAnswer> {
  const { status, body } = await send<CatalogLibrary | CatalogImportJob>(
    file,
    { ...options },
    csrfToken,
  );
  return status === 202
    ? { kind: 'job', job: body as CatalogImportJob }
    : { kind: 'imported', library: body as CatalogLibrary };
}

export function getCatalogImportJob(id: string) {
  return api.get<CatalogImportJob>(`/api/v1/catalogs/import/jobs/${id}`);
}
