// Test helper: the completed demo company (`mamoru demo --complete`), built once
// per test run and database kind and cloned for each suite that needs it as data
// and is not about making it. apps/cli's demo-complete.test builds it the real
// way, through the CLI, on both kinds.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@mamoru/db';
import { openSnapshotDatabase } from '@mamoru/db/testing';
import { completeDemo, createDemo } from '../../demo/index.ts';
import { systemActor } from '../../identity/actor.ts';
import { setupOrganization } from '../../identity/setup.ts';

export const DEMO_COMPANY = {
  organizationName: '守る精機株式会社',
  displayName: '管理者',
  email: 'admin@demo-company.example',
  password: 'Velvet-Harbor-Quantum-7319',
  locale: 'ja',
} as const;

/** What createDemo and completeDemo write, for one administrator's organization. */
async function buildDemoCompany(database: Database) {
  const { organization } = await setupOrganization(database.db, { ...DEMO_COMPANY }, null);
  await createDemo(
    database.db,
    { actor: systemActor(organization.id), requestId: null },
    { force: false },
  );
  await completeDemo(database.db);
}

/** A fresh database holding only the completed demo company (its own copy). */
export function openDemoCompanyDatabase(kind: 'pglite' | 'postgres') {
  return openSnapshotDatabase(kind, 'democomplete', buildDemoCompany);
}

/** The demo company's organization id in a database of openDemoCompanyDatabase. */
export async function demoCompanyId(database: Database): Promise<string> {
  const rows = await queryRows<{ id: string }>(
    database.db,
    sql`select id from organizations where name = ${DEMO_COMPANY.organizationName}`,
  );
  if (rows.length !== 1) throw new Error(`expected one demo company, found ${rows.length}`);
  return rows[0]!.id;
}
