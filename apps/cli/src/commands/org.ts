import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Database, Db } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import {
  exportArchive,
  importArchive,
  migrateDatabase,
  type ArchiveProgress,
} from '@mamoru/domain';
import { loadConfig } from '@mamoru/server';
import { withDatabase } from './database.ts';

const EMBEDDED_NOTE =
  'On the embedded database, stop `mamoru serve` first: two processes must never open one data folder.';

/**
 * PGlite writes postmaster.pid while a process has the folder open and removes
 * it on close; a killed process leaves it behind, so its presence is a warning,
 * not a refusal.
 */
function warnIfFolderInUse() {
  const config = loadConfig();
  if (config.databaseUrl) return;
  const pid = join(config.dataDir, 'postmaster.pid');
  if (existsSync(pid)) {
    process.stderr.write(
      `warning: ${pid} exists: if \`mamoru serve\` runs on ${config.dataDir}, stop it now and run this again ` +
        '(a process that was killed also leaves this file behind; then it is safe to go on)\n',
    );
  }
}

/** Prints each part once it is done, on stderr (stdout keeps the summary). */
function progressPrinter() {
  let current: ArchiveProgress | null = null;
  const print = () => {
    if (!current) return;
    const rows = current.part.startsWith('files/') ? '' : `: ${current.rows} rows`;
    process.stderr.write(`  ${current.part}${rows}\n`);
  };
  return {
    onProgress(p: ArchiveProgress) {
      if (current && current.part !== p.part) print();
      current = p;
    },
    done() {
      print();
      current = null;
    },
  };
}

/** --org values: organization ids or exact names. */
async function organizationIds(db: Db, given: string[]): Promise<string[]> {
  const all: orgs.OrganizationRow[] = [];
  for (const id of await orgs.listOrganizationIds(db))
    all.push((await orgs.getOrganization(db, id))!);
  return given.map((g) => {
    const matches = all.filter((o) => o.id === g || o.name === g);
    if (matches.length === 0) throw new Error(`no organization with the id or name "${g}"`);
    if (matches.length > 1) {
      throw new Error(
        `several organizations are named "${g}"; give the id (${matches.map((o) => o.id).join(', ')})`,
      );
    }
    return matches[0]!.id;
  });
}

function label(database: Database) {
  return database.label;
}

export function registerOrg(program: Command) {
  const org = program
    .command('org')
    .description('organizations as one archive file: export, and import into another instance');
  org
    .command('export')
    .description(
      `write organizations (default: all) with their evidence files and audit trail to one archive (docs/archive-format.md). ${EMBEDDED_NOTE}`,
    )
    .requiredOption('-o, --output <file>', 'the archive file to write (a ZIP)')
    .option('--org <id-or-name...>', 'export only these organizations (ids or exact names)')
    .option('--json', 'print the manifest as JSON')
    .action(async (options: { output: string; org?: string[]; json?: boolean }) => {
      warnIfFolderInUse();
      const file = resolve(options.output);
      await withDatabase(async (database) => {
        const ids = options.org ? await organizationIds(database.db, options.org) : undefined;
        const progress = progressPrinter();
        const started = Date.now();
        const manifest = await exportArchive(database.db, file, {
          ...(ids ? { organizationIds: ids } : {}),
          onProgress: progress.onProgress,
        });
        progress.done();
        if (options.json) {
          console.log(JSON.stringify(manifest, null, 2));
          return;
        }
        const rows = manifest.parts.reduce((n, p) => n + (p.rows ?? 0), 0);
        const files = manifest.parts.filter((p) => p.path.startsWith('files/')).length;
        console.log(
          `${label(database)}: exported ${manifest.organizations.length} organization(s) ` +
            `(${manifest.organizations.map((o) => o.name).join(', ')}) to ${file}: ` +
            `${rows} rows, ${files} evidence file(s), ${statSync(file).size} bytes, ` +
            `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      });
    });
  org
    .command('import')
    .description(
      'restore an archive into this instance, all or nothing: it must hold none of the archive’s ' +
        'organizations; the audit chains and every evidence hash are verified before the commit. ' +
        `Sessions are not archived: everyone signs in again. ${EMBEDDED_NOTE}`,
    )
    .argument('<file>', 'the archive written by `mamoru org export` (or a backup)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      warnIfFolderInUse();
      const path = resolve(file);
      if (!existsSync(path)) throw new Error(`${path}: no such file`);
      await withDatabase(async (database) => {
        await migrateDatabase(database.db);
        const progress = progressPrinter();
        const started = Date.now();
        const result = await importArchive(database.db, path, { onProgress: progress.onProgress });
        progress.done();
        if (options.json) {
          console.log(JSON.stringify({ ok: true, ...result }, null, 2));
          return;
        }
        console.log(
          `${label(database)}: imported ${result.organizations} organization(s) from ${path}: ` +
            `${result.rows} rows, ${result.files} evidence file(s), in ` +
            `${((Date.now() - started) / 1000).toFixed(1)} s; audit chains and evidence hashes verified. ` +
            'Sessions are not archived: everyone signs in again.',
        );
      });
    });
}
