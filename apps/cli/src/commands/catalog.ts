import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { FORMAT_ERROR_CODES, formatMessage, type FormatErrorCode } from '@mamoru/catalog';
import type { CatalogLibrary } from '@mamoru/contracts';
import { migrationsApplied, type Database, type Db } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import { DomainError, catalog, systemActor, type RequestContext } from '@mamoru/domain';
import { withDatabase } from './database.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Stands for "no organization yet": sees the shipped catalogs only. */
const NO_ORGANIZATION = '00000000-0000-0000-0000-000000000000';

/** The domain's refusals, worded for the shell (the server words them per user language). */
const REASONS: Record<string, string> = {
  not_found: 'no {entity} with that ID is visible to the organization',
  catalog_id_shipped:
    'the ID {libraryId} belongs to a catalog shipped with Mamoru; import it under another ID with --library-id',
  catalog_id_taken:
    'the organization already has a catalog with the ID {libraryId}; import it under another ID with --library-id',
  catalog_too_large: 'the catalog has more than {max} nodes',
  catalog_locale_unavailable: 'the catalog has no texts in "{locale}"; its languages: {languages}',
};

function fillIn(template: string, params: Record<string, string | number> = {}) {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

/** A DomainError as a message a shell user can act on; other errors pass through. */
function explain(error: unknown, what: string): never {
  if (!(error instanceof DomainError)) throw error;
  if (FORMAT_ERROR_CODES.has(error.code)) {
    throw new Error(`${what}: ${formatMessage(error.code as FormatErrorCode, error.params)}`);
  }
  if (error.code === 'catalog_invalid') {
    const lines = error.fieldErrors.map((f) => `  ${f.field}: ${String(f.params?.message ?? '')}`);
    const more = Number(error.params.count) - error.fieldErrors.length;
    if (more > 0) lines.push(`  … and ${more} more`);
    throw new Error(
      `${what}: not a valid catalog (${error.params.count} problem(s)):\n${lines.join('\n')}`,
    );
  }
  const reason = REASONS[error.code];
  throw new Error(`${what}: ${reason ? fillIn(reason, error.params) : error.code}`);
}

async function requireMigrated(database: Database) {
  if (!(await migrationsApplied(database.db))) {
    throw new Error(
      `${database.label}: the database is not (fully) migrated; run \`mamoru migrate\` first`,
    );
  }
}

/**
 * The organization a command acts for: --organization, else the only one.
 * With no organization at all, reads see the shipped catalogs (`optional`);
 * an import needs one.
 */
async function resolveOrganization(
  db: Db,
  given: string | undefined,
  { optional }: { optional: boolean },
): Promise<{ id: string; name: string | null }> {
  if (given !== undefined) {
    if (!UUID.test(given)) throw new Error('--organization must be an organization id (a UUID)');
    const org = await orgs.getOrganization(db, given);
    if (!org) throw new Error(`no organization with id ${given}`);
    return { id: org.id, name: org.name };
  }
  const ids = await orgs.listOrganizationIds(db);
  if (ids.length === 1) {
    const org = (await orgs.getOrganization(db, ids[0]!))!;
    return { id: org.id, name: org.name };
  }
  if (ids.length === 0) {
    if (optional) return { id: NO_ORGANIZATION, name: null };
    throw new Error('there is no organization yet: set Mamoru up first (mamoru admin create)');
  }
  throw new Error(
    `the database has ${ids.length} organizations; choose one with --organization (one of: ${ids.join(', ')})`,
  );
}

/** The CLI acts as the system, named so in the audit trail. */
function cliContext(organizationId: string, command: string): RequestContext {
  return {
    actor: { ...systemActor(organizationId), displayName: `mamoru ${command} (CLI)` },
    requestId: null,
  };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const nameOf = (lib: CatalogLibrary) =>
  lib.name.en ?? lib.name.ja ?? Object.values(lib.name)[0] ?? '';

interface ListOptions {
  organization?: string;
  json?: boolean;
}

interface ExportOptions {
  format: 'oscal' | 'native';
  locale?: 'ja' | 'en';
  output?: string;
  organization?: string;
}

interface ImportOptions {
  organization?: string;
  libraryId?: string;
  locale?: 'ja' | 'en';
  dryRun?: boolean;
  json?: boolean;
}

const FORMAT_NAMES: Record<string, string> = {
  'oscal-json': 'OSCAL catalog (JSON)',
  'oscal-yaml': 'OSCAL catalog (YAML)',
  'oscal-xml': 'OSCAL catalog (XML)',
  'ciso-yaml': 'CISO Assistant framework (YAML)',
  'ciso-json': 'CISO Assistant framework (JSON)',
  'mamoru-json': 'Mamoru library (JSON)',
  'mamoru-yaml': 'Mamoru library (YAML)',
};

/** The dry run's report, for a shell user. */
function describePreview(file: string, p: catalog.ImportPreview): string {
  const name = p.name.en ?? p.name.ja ?? Object.values(p.name)[0] ?? '';
  const c = p.counts;
  const lines = [
    `dry run of ${file}: nothing was imported`,
    `format:     ${FORMAT_NAMES[p.format] ?? p.format}`,
    `library:    ${p.libraryId} ${p.version} — ${name}`,
    `languages:  ${p.languages.join(', ')}`,
    `contents:   ${c.groups} groups, ${c.controls} controls, ${c.requirements} requirements, ` +
      `${c.params} parameters, ${c.parts} parts`,
  ];
  if (p.warnings.length > 0) {
    lines.push('warnings:', ...p.warnings.map((w) => `  - ${w.message}`));
  }
  if (p.conflict) {
    const reason = REASONS[p.conflict.code] ?? p.conflict.code;
    lines.push(`the import would be refused: ${fillIn(reason, p.conflict.params)}`);
  }
  return lines.join('\n');
}

export function registerCatalog(program: Command) {
  const command = program
    .command('catalog')
    .description('the standards as data: list, export and import catalogs');
  const organizationOption = () =>
    new Option(
      '--organization <id>',
      'act for this organization (default: the only one in the database)',
    );

  command
    .command('list')
    .description('list the catalogs: those shipped with Mamoru and the organization’s imports')
    .addOption(organizationOption())
    .option('--json', 'print the list as JSON')
    .action(async (options: ListOptions) => {
      await withDatabase(async (database) => {
        await requireMigrated(database);
        const org = await resolveOrganization(database.db, options.organization, {
          optional: true,
        });
        const libraries = await catalog.listLibraries(
          database.db,
          cliContext(org.id, 'catalog list'),
        );
        if (options.json) {
          console.log(JSON.stringify(libraries, null, 2));
          return;
        }
        const rows = [
          ['ID', 'VERSION', 'ORIGIN', 'CONTROLS', 'OWN', 'NAME'],
          ...libraries.map((l) => [
            l.id,
            l.version,
            l.origin,
            String(l.counts.controls),
            String(l.counts.ownControls),
            nameOf(l),
          ]),
        ];
        console.log(table(rows));
      });
    });

  command
    .command('export')
    .description('write a catalog as OSCAL or Mamoru JSON (to standard output unless -o)')
    .argument('<id>', 'the catalog ID, e.g. jipdec-isms-2.0')
    .addOption(
      new Option('--format <format>', 'OSCAL 1.1 catalog or Mamoru library JSON')
        .choices(['oscal', 'native'])
        .makeOptionMandatory(),
    )
    .addOption(
      new Option(
        '--locale <locale>',
        'language of the OSCAL fields (default: the catalog’s first)',
      ).choices(['ja', 'en']),
    )
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .addOption(organizationOption())
    .action(async (id: string, options: ExportOptions) => {
      await withDatabase(async (database) => {
        await requireMigrated(database);
        const org = await resolveOrganization(database.db, options.organization, {
          optional: true,
        });
        const file = await catalog
          .exportLibrary(database.db, cliContext(org.id, 'catalog export'), id, {
            format: options.format,
            locale: options.locale,
          })
          .catch((error: unknown) => explain(error, `cannot export ${id}`));
        if (options.output) {
          await writeFile(options.output, file.body);
          console.error(`wrote ${file.filename} to ${options.output}`);
        } else {
          process.stdout.write(file.body);
        }
      });
    });

  command
    .command('import')
    .description(
      'import a catalog file for an organization: OSCAL catalog (JSON, YAML or XML), ' +
        'CISO Assistant framework (YAML) or Mamoru library (JSON); the format is told from the content',
    )
    .argument('<file>', 'the catalog file')
    .addOption(organizationOption())
    .option('--library-id <id>', 'import under this ID instead of the file’s own')
    .addOption(
      new Option('--locale <locale>', 'language of an OSCAL catalog’s texts (default en)').choices([
        'ja',
        'en',
      ]),
    )
    .option(
      '--dry-run',
      'report what would be imported (format, ID, counts, warnings); write nothing',
    )
    .option('--json', 'with --dry-run: print the report as JSON')
    .action(async (file: string, options: ImportOptions) => {
      const name = basename(file);
      let data: Buffer;
      try {
        data = await readFile(file);
      } catch (error) {
        throw new Error(`${file}: cannot read the file: ${(error as Error).message}`);
      }
      const read = { libraryId: options.libraryId, locale: options.locale, sourceName: name };
      await withDatabase(async (database) => {
        await requireMigrated(database);
        const org = await resolveOrganization(database.db, options.organization, {
          optional: options.dryRun === true,
        });
        if (options.dryRun) {
          const preview = await catalog
            .previewImport(database.db, cliContext(org.id, 'catalog import'), data, read)
            .catch((error: unknown) => explain(error, name));
          console.log(
            options.json ? JSON.stringify(preview, null, 2) : describePreview(name, preview),
          );
          return;
        }
        const library = await catalog
          .importLibrary(database.db, cliContext(org.id, 'catalog import'), data, read)
          .catch((error: unknown) => explain(error, name));
        console.log(
          `imported ${library.id} ${library.version} (${library.origin}: ${library.counts.controls} controls, ` +
            `${library.counts.requirements} requirements) for organization "${org.name}" (${org.id})`,
        );
      });
    });
}
