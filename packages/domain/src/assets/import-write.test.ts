import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { getAuditHead } from '@mamoru/db/repositories/audit';
import { insertOrganization } from '@mamoru/db/repositories/organizations';
import { insertLocation, insertOrgUnit } from '@mamoru/db/repositories/scope';
import { insertUser } from '@mamoru/db/repositories/users';
import { recordAudit, verifyAuditChain, type RequestContext } from '../audit/trail.ts';
import { grantsOf } from '../identity/permissions.ts';
import type { Progress } from '../jobs/service.ts';
import { importAssets, type RowSource, type StoredImportReport } from './import.ts';
import { STAGE_BATCH } from './import-write.ts';

/** The staged write path (import-write.ts): what set-based statements could get wrong. */

const HEADER = [
  'Code',
  'Name',
  'Category',
  'Owner',
  'Location',
  'Confidentiality',
  'Integrity',
  'Availability',
];
const noProgress = async () => undefined;

describeEachDatabase('asset import through the staging table', (ctx) => {
  const db = () => ctx.database.db;
  let context: RequestContext;
  let org: string;
  let email: string;

  beforeAll(async () => {
    org = (await insertOrganization(db(), { name: 'Staged', defaultLocale: 'en' })).id;
    email = `manager-${org}@example.com`;
    const user = await insertUser(db(), {
      organizationId: org,
      email,
      displayName: 'Manager',
      passwordHash: 'x',
      roles: ['isms_manager'],
    });
    context = {
      actor: {
        kind: 'user',
        userId: user.id,
        organizationId: org,
        displayName: 'Manager',
        roles: ['isms_manager'],
        grants: grantsOf(['isms_manager']),
        locale: 'en',
      },
      requestId: 'req-staged',
    };
    await insertOrgUnit(db(), { organizationId: org, code: 'IT', name: 'IT' });
    await insertLocation(db(), { organizationId: org, code: 'TKY', name: 'Tokyo', kind: 'site' });
  });

  /** The header and these lines, read afresh on every pass. */
  const source = (lines: string[][]): RowSource =>
    async function* () {
      yield { row: 1, cells: HEADER };
      for (const [i, cells] of lines.entries()) yield { row: i + 2, cells };
    };
  const run = async (
    src: RowSource,
    partial = false,
    progress: (p: Progress) => Promise<void> = noProgress,
  ) => {
    const outcome = await importAssets(
      db(),
      context,
      src,
      { mode: 'commit', format: 'csv', partial },
      { progress, progressInTransaction: noProgress },
    );
    return { ...outcome, report: outcome.result as StoredImportReport };
  };
  const line = (code: string, name: string, owner = email, location = 'TKY', c = '1') => [
    code,
    name,
    'information',
    owner,
    location,
    c,
    '2',
    '1',
  ];
  const codesLike = async (prefix: string) =>
    (
      await queryRows<{ code: string }>(
        db(),
        sql`select code from assets where organization_id = ${org} and code like ${`${prefix}%`}
            order by code`,
      )
    ).map((r) => r.code);
  const stagingTables = async () =>
    (
      await queryRows<{ n: number }>(
        db(),
        sql`select count(*)::int as n from pg_class where relname = 'asset_import_stage'`,
      )
    )[0]!.n;

  it('writes more rows than one staging batch, with a chain that verifies, in file order', async () => {
    // Something on the chain before the import: the bulk append must continue it.
    await recordAudit(db(), context, [
      { action: 'organization.updated', entityType: 'organization', entityId: org, after: {} },
    ]);
    const head = (await getAuditHead(db(), org))!;
    const n = STAGE_BATCH + 7;
    // Codes in descending order, so the file's order differs from the codes'.
    const lines = Array.from({ length: n }, (_, i) =>
      line(`BIG-${String(n - i).padStart(6, '0')}`, `Asset ${i}`),
    );
    const { status, report } = await run(source(lines));
    expect(status).toBe('succeeded');
    expect(report).toMatchObject({ committed: true, created: n, updated: 0, unchanged: 0 });
    expect(await codesLike('BIG-')).toHaveLength(n);
    const events = await queryRows<{ seq: number; code: string; request_id: string }>(
      db(),
      sql`select seq::int as seq, after->>'code' as code, request_id from audit_events
          where organization_id = ${org} and seq > ${head.lastSeq} and entity_type = 'asset'
          order by seq`,
    );
    // (The first import also sets up the default classification levels, audited first.)
    expect(events).toHaveLength(n);
    expect(events[n - 1]!.seq - events[0]!.seq).toBe(n - 1);
    expect(events.map((e) => e.code)).toEqual(lines.map((l) => l[0]));
    expect(events.every((e) => e.request_id === 'req-staged')).toBe(true);
    const after = (await getAuditHead(db(), org))!;
    expect(after.lastSeq).toBe(events[n - 1]!.seq);
    expect(await verifyAuditChain(db(), org)).toEqual({ ok: true, checked: after.lastSeq });
    expect(await stagingTables()).toBe(0);
  }, 240_000);

  it('updates existing codes, leaves unchanged ones alone and logs in file order', async () => {
    await run(source([line('MIX-1', 'One'), line('MIX-2', 'Two')]));
    const head = (await getAuditHead(db(), org))!;
    const { report } = await run(
      source([
        line('MIX-3', 'Three'),
        line('MIX-2', 'Two'),
        line('MIX-1', 'Uno', email, 'TKY', '3'),
      ]),
    );
    expect(report).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    const events = await queryRows<{ action: string; before: unknown; after: unknown }>(
      db(),
      sql`select action, before, after from audit_events
          where organization_id = ${org} and seq > ${head.lastSeq} order by seq`,
    );
    expect(events.map((e) => e.action)).toEqual(['asset.created', 'asset.updated']);
    expect(events[1]).toMatchObject({
      before: { name: 'One', confidentiality: 1, value: 2, version: 1 },
      after: { name: 'Uno', confidentiality: 3, value: 3, version: 2 },
    });
    expect((await verifyAuditChain(db(), org)).ok).toBe(true);
  });

  it('refuses unknown units, locations and duplicate codes with the same reports, writing nothing', async () => {
    const before = (await getAuditHead(db(), org))!;
    const { status, report } = await run(
      source([
        line('REF-1', 'Fine'),
        line('REF-2', 'No unit', 'NOPE'),
        line('REF-3', 'No place', email, 'MARS'),
        line('REF-1', 'Again'),
      ]),
    );
    expect(status).toBe('failed');
    expect(report.errors).toEqual([
      { row: 3, column: 'Owner', code: 'reference_unknown', params: { value: 'NOPE' } },
      { row: 4, column: 'Location', code: 'reference_unknown', params: { value: 'MARS' } },
      { row: 5, column: 'Code', code: 'code_duplicate_in_file', params: { row: 2 } },
    ]);
    expect(await codesLike('REF-')).toEqual([]);
    expect((await getAuditHead(db(), org))!.lastSeq).toBe(before.lastSeq);
    // Partial: the valid first occurrence only.
    const partial = await run(
      source([line('REF-1', 'Fine'), line('REF-2', 'No unit', 'NOPE'), line('REF-1', 'Again')]),
      true,
    );
    expect(partial.report).toMatchObject({ committed: true, created: 1, skipped: 2 });
    expect(await codesLike('REF-')).toEqual(['REF-1']);
  });

  it('rolls everything back when the write fails, staging table included', async () => {
    const gone = await insertLocation(db(), {
      organizationId: org,
      code: 'GONE',
      name: 'Gone',
      kind: 'site',
    });
    const head = (await getAuditHead(db(), org))!;
    const lines = [line('FAIL-1', 'Fine'), line('FAIL-2', 'Somewhere gone', email, 'GONE')];
    // Valid when checked; its location is deleted as the writing begins (the
    // last report before the transaction), so the insert meets the foreign key.
    const deleteOnWrite = async (p: Progress) => {
      if (p.phase === 'writing')
        await db().execute(sql`delete from locations where id = ${gone.id}`);
    };
    await expect(run(source(lines), false, deleteOnWrite)).rejects.toThrow();
    expect(await codesLike('FAIL-')).toEqual([]);
    expect(await getAuditHead(db(), org)).toEqual(head);
    expect(await stagingTables()).toBe(0);
    // The same connection (PGlite has one) imports again afterwards.
    const again = await run(source([line('FAIL-1', 'Fine')]));
    expect(again.report).toMatchObject({ committed: true, created: 1 });
    expect((await verifyAuditChain(db(), org)).ok).toBe(true);
  });
});
