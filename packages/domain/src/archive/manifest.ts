import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsFolder, type Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/archive';

/** What an archive holds and the SHA-256 of each of its parts (docs/archive-format.md). */
export interface ArchiveManifest {
  format: 'mamoru-archive';
  formatVersion: 1;
  /** The root package.json version of the Mamoru that wrote it. */
  mamoruVersion: string;
  /** The migrations applied in the source database: how many, and the last one's tag. */
  schema: { migrations: number; last: string };
  /** ISO 8601; the only field that differs when unchanged data is exported again. */
  exportedAt: string;
  organizations: {
    id: string;
    /** Organizations have no slug column: this is the id, kept for a later slug. */
    slug: string;
    name: string;
    auditHead: { seq: number; hash: string } | null;
  }[];
  parts: { path: string; sha256: string; bytes: number; rows?: number }[];
}

export interface ArchiveProgress {
  part: string;
  rows: number;
}

export const MANIFEST_PATH = 'manifest.json';
export const FORMAT = 'mamoru-archive' as const;
export const FORMAT_VERSION = 1 as const;

export const MAMORU_VERSION = (
  JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

let journal: JournalEntry[] | undefined;

/** The migrations this build ships, in order (drizzle's journal). */
export function shippedMigrations(): JournalEntry[] {
  journal ??= (
    JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: JournalEntry[];
    }
  ).entries;
  return journal;
}

/** The schema of this build, as an archive records it. */
export function buildSchema(): { migrations: number; last: string } {
  const all = shippedMigrations();
  return { migrations: all.length, last: all.at(-1)?.tag ?? '' };
}

/** The schema a database is at: its applied migrations, named by this build's journal. */
export async function databaseSchema(db: Executor): Promise<{ migrations: number; last: string }> {
  const times = await repo.appliedMigrationTimes(db);
  const byTime = new Map(shippedMigrations().map((m) => [m.when, m.tag]));
  const last = times.at(-1);
  return {
    migrations: times.length,
    last: last === undefined ? '' : (byTime.get(last) ?? `unknown-${last}`),
  };
}

/**
 * Why this build cannot import an archive of the given schema, or null when it
 * can: an archive from a newer Mamoru (more migrations, or a last migration
 * this build does not know) needs that Mamoru or a newer one.
 */
export function schemaProblem(schema: { migrations: number; last: string }): string | null {
  const shipped = shippedMigrations();
  const index = shipped.findIndex((m) => m.tag === schema.last);
  if (schema.migrations > shipped.length || index < 0 || index + 1 !== schema.migrations) {
    return (
      `the archive's schema (${schema.migrations} migrations, last ${schema.last}) is newer than ` +
      `this Mamoru's (${shipped.length}, last ${shipped.at(-1)?.tag}); import it with the Mamoru ` +
      `that wrote it or a newer one`
    );
  }
  return null;
}

/** Checks the manifest's shape; returns the problems found (none: it can be trusted to read). */
export function manifestProblems(value: unknown): string[] {
  const m = value as Partial<ArchiveManifest> | null;
  if (!m || typeof m !== 'object') return ['the manifest is not a JSON object'];
  const problems: string[] = [];
  if (m.format !== FORMAT) problems.push(`format is not "${FORMAT}"`);
  if (m.formatVersion !== FORMAT_VERSION) {
    problems.push(`formatVersion ${String(m.formatVersion)} is not ${FORMAT_VERSION}`);
  }
  if (!m.schema || typeof m.schema.migrations !== 'number' || typeof m.schema.last !== 'string') {
    problems.push('schema is missing');
  }
  if (!Array.isArray(m.organizations)) problems.push('organizations is not a list');
  if (!Array.isArray(m.parts)) problems.push('parts is not a list');
  else if (m.parts.some((p) => typeof p?.path !== 'string' || !/^[0-9a-f]{64}$/.test(p.sha256))) {
    problems.push('a part lacks its path or SHA-256');
  }
  return problems;
}
