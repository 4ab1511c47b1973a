// A library as a file to hand out: Mamoru's JSON or an OSCAL catalog.
import { libraryLanguages, toOscalCatalog } from '@mamoru/catalog';
import type { CatalogExportFormat, Locale } from '@mamoru/contracts';
import type { Db } from '@mamoru/db';
import { DomainError } from '../errors.ts';
import { type RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { visibleLibrary, documentOf } from './common.ts';

export interface CatalogExport {
  filename: string;
  contentType: string;
  body: string;
}

/**
 * The library as a file: Mamoru's own JSON (every language) or an OSCAL 1.1
 * catalog in one language (`locale`, else the caller's when the library has
 * it, else the library's first language). Exports the published document: the organization's own
 * controls and official wording stay inside Mamoru.
 */
export async function exportLibrary(
  db: Db,
  ctx: RequestContext,
  libraryId: string,
  options: {
    format: CatalogExportFormat;
    locale?: Locale | undefined;
    /** The caller's language, used when `locale` is not given and the library has it. */
    callerLocale?: Locale | undefined;
  },
): Promise<CatalogExport> {
  authorize(ctx.actor, 'catalog:read');
  const row = await visibleLibrary(db, ctx, libraryId);
  const lib = await documentOf(db, row);
  if (options.format === 'native') {
    return {
      filename: `${lib.id}.json`,
      contentType: 'application/json; charset=utf-8',
      body: `${JSON.stringify(lib, null, 2)}\n`,
    };
  }
  const languages = libraryLanguages(lib);
  const locale =
    options.locale ??
    (options.callerLocale && languages.includes(options.callerLocale)
      ? options.callerLocale
      : languages[0]!);
  if (!languages.includes(locale)) {
    throw new DomainError('validation', 'catalog_locale_unavailable', {
      locale,
      languages: languages.join(', '),
    });
  }
  const imported = row.organizationId !== null;
  const oscal = toOscalCatalog(lib, {
    locale,
    // Shipped libraries export identically everywhere; an organization's own are its publications.
    ...(imported ? { uuidSeed: row.organizationId!, lastModified: row.updatedAt } : {}),
  });
  return {
    filename: `${lib.id}.oscal.${locale}.json`,
    contentType: 'application/json; charset=utf-8',
    body: `${JSON.stringify(oscal, null, 2)}\n`,
  };
}
