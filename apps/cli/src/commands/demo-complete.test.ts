import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import type { ConformityReport } from '@mamoru/contracts';
import { openDatabase, type Database, type Db } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import * as orgs from '@mamoru/db/repositories/organizations';
import { conformity, systemActor } from '@mamoru/domain';
import { run } from '../program.ts';
import { captureOutput } from '../testing/output.ts';

let io: ReturnType<typeof captureOutput>;
beforeEach(() => {
  io = captureOutput();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** The demo and its completion write through every service: minutes on a busy machine. */
const SLOW = 400_000;

/**
 * One piece of evidence taken away per area, and the item whose rule must
 * notice: each mutation runs in a transaction that is rolled back.
 */
const REMOVALS: { area: string; item: string; change: SQL }[] = [
  {
    area: 'scope',
    item: '4.2.1.a',
    change: sql`update scope_versions set business_activities = '' where status = 'approved'`,
  },
  {
    area: 'existing controls behind the likelihood',
    item: '4.2.1.e.2',
    change: sql`delete from risk_controls where role = 'existing'
      and risk_id = (select min(risk_id::text)::uuid from risk_controls where role = 'existing')`,
  },
  {
    area: 'statement of applicability',
    item: '4.2.1.h',
    change: sql`update soa_entries set reasons = '[]'::jsonb where applicable
      and control_id = (select min(control_id) from soa_entries where applicable)`,
  },
  {
    area: 'treatment plan',
    item: '4.2.2.a',
    change: sql`update treatment_actions set resources = '', budget = null
      where id = (select min(id::text)::uuid from treatment_actions)`,
  },
  {
    area: 'documents',
    item: '7.2.a',
    change: sql`update documents set requirement_ids = '{}' where code = 'PRO-003'`,
  },
  {
    area: 'internal audits',
    item: '6.4.a',
    change: sql`delete from audit_checklist_lines where kind = 'requirement' and ref_id = '5.1.b'`,
  },
  {
    area: 'people',
    item: '5.1.c',
    change: sql`update isms_role_assignments set acknowledged_at = null
      where id = (select min(id::text)::uuid from isms_role_assignments)`,
  },
  {
    area: 'improvement',
    item: '4.2.4.c',
    change: sql`delete from improvement_communications
      where id = (select min(id::text)::uuid from improvement_communications)`,
  },
  { area: 'objectives', item: '5.1.b', change: sql`delete from objective_measurements` },
  // 4.2.2.c is met by the demo's attestation (a physical check); 4.2.3.a.3 reads the results.
  { area: 'control checks', item: '4.2.3.a.3', change: sql`delete from control_check_results` },
  {
    area: 'operating procedures',
    item: '4.2.2.e',
    change: sql`update record_types set control_ids = '{}'`,
  },
  {
    area: 'legal register',
    item: '5.2.1.c',
    change: sql`update legal_obligations set next_review_date = '2000-01-01'`,
  },
  { area: 'resources', item: '5.1.e', change: sql`delete from resource_plans` },
  {
    area: 'reviews of change',
    item: '4.2.3.c.1',
    change: sql`delete from risk_change_reviews where kind = 'organization'`,
  },
];

describeEachDatabase('mamoru demo --complete', (ctx) => {
  let dir: string;
  let dataDir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mamoru-demo-complete-'));
    dataDir = join(dir, 'data');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    const url = ctx.kind === 'postgres' ? (ctx.database as Database & { url: string }).url : '';
    vi.stubEnv('DATABASE_URL', url);
    vi.stubEnv('MAMORU_DATA_DIR', dataDir);
  });

  /** PGlite's folder is one process's at a time: opened only between CLI runs. */
  async function withDb<T>(work: (db: Db) => Promise<T>) {
    if (ctx.kind === 'postgres') return work(ctx.database.db);
    const database = await openDatabase({ dataDir });
    try {
      return await work(database.db);
    } finally {
      await database.close();
    }
  }

  it(
    'carries the sample company to every requirement item met, and check --fail-under 100 passes',
    async () => {
      const admin = ['admin', 'create', '--organization', '守る精機株式会社'];
      const who = ['--email', 'admin@complete.example', '--name', '管理者'];
      expect(await run([...admin, ...who, '--password', 'Kanri-Sekkei-Passphrase-2026'])).toBe(0);
      expect(await run(['demo', '--complete']), io.stderr()).toBe(0);
      expect(io.stdout()).toMatch(/ready for the certification audit/);
      io.clear();
      expect(await run(['check', '--fail-under', '100', '--json']), io.stderr()).toBe(0);
      const report = JSON.parse(io.stdout()) as ConformityReport;
      const notMet = report.items.filter((i) => i.status !== 'met').map((i) => i.id);
      expect(notMet).toEqual([]);
      expect(report.summary.readiness).toBe(100);
      // Each item says how it was met; the completed demo needs no attestation.
      expect(report.items.every((i) => i.basis === 'rule')).toBe(true);
    },
    SLOW,
  );

  it(
    'turns the right item when one piece of evidence per area is taken away',
    async () => {
      await withDb(async (db) => {
        const [orgId] = await orgs.listOrganizationIds(db);
        const actor = { actor: systemActor(orgId!), requestId: null };
        for (const removal of REMOVALS) {
          const status = await db
            .transaction(async (tx) => {
              await tx.execute(removal.change);
              const report = await conformity.getConformity(tx as unknown as Db, actor);
              throw new Rollback(report.items.find((i) => i.id === removal.item)!.status);
            })
            .catch((e: unknown) => {
              if (e instanceof Rollback) return e.status;
              throw e;
            });
          expect({ area: removal.area, item: removal.item, status }).toEqual({
            area: removal.area,
            item: removal.item,
            status: expect.not.stringMatching(/^met$/),
          });
        }
      });
    },
    SLOW,
  );
});

class Rollback extends Error {
  constructor(readonly status: string) {
    super('rollback');
  }
}
