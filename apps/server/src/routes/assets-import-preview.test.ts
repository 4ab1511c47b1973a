import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Job } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { createOrgUnit, runImport, uniqueCode } from '../testing/isms.ts';
import { IMPORT_SYNC_MAX_BYTES } from './assets.ts';

const HEADER =
  'Code,Name,Category,Owner,Classification,Status,Confidentiality,Integrity,Availability,Tags';
const csv = (lines: string[], header = HEADER) => [header, ...lines].join('\r\n') + '\r\n';

describeEachDatabase('asset import preview (dry run)', (ctx) => {
  let app: App;
  let admin: Client;
  let other: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    ({ admin: other } = await addOrganization(app, { name: 'Org B of the preview' }));
  });
  afterAll(() => app.close());

  it('shows each valid row: new, changed with old → new values, or unchanged', async () => {
    const prefix = uniqueCode('PV');
    const email = admin.user.email;
    const unit = await createOrgUnit(admin);
    const first = await runImport(
      admin,
      csv([
        `${prefix}-1,Mail server,software,${email},internal,in_use,1,1,1,mail`,
        `${prefix}-2,File share,information,${email},public,in_use,1,2,1,`,
      ]),
    );
    expect(first.job.result).toMatchObject({ committed: true, created: 2 });
    // The other organization's asset with the same code is not this one's.
    await runImport(other, csv([`${prefix}-3,Elsewhere,software,${other.user.email},,,1,1,1,`]));

    const file = csv([
      `${prefix}-1,Mail server,software,${email},internal,in_use,1,1,1,mail`,
      `${prefix}-2,File shares,physical,${unit.code},confidential,retired,3,2,1,`,
      `${prefix}-3,Badge reader,physical,${email},,,1,1,1,door;lobby`,
      `${prefix}-4,Broken,nonsense,${email},,,1,1,1,`,
    ]);
    const { response, job } = await runImport(admin, file, { validate: true });
    expect(response.statusCode).toBe(200);
    expect(job.result).toMatchObject({
      mode: 'validate',
      committed: false,
      rows: 4,
      created: 1,
      updated: 1,
      unchanged: 1,
      errorCount: 1,
    });
    // The invalid row stays in the problems report, not in the preview.
    expect(job.result!.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [5, 'Category', 'value_invalid'],
    ]);
    expect(job.result!.preview).toEqual([
      { row: 2, code: `${prefix}-1`, name: 'Mail server', change: 'unchanged', changes: [] },
      {
        row: 3,
        code: `${prefix}-2`,
        name: 'File shares',
        change: 'update',
        changes: [
          { field: 'name', before: 'File share', after: 'File shares' },
          { field: 'category', before: 'Information', after: 'Physical' },
          { field: 'owner', before: email, after: unit.code },
          { field: 'classification', before: 'Public', after: 'Confidential' },
          { field: 'status', before: 'In use', after: 'Retired' },
          { field: 'confidentiality', before: '1', after: '3' },
          { field: 'value', before: '2', after: '3' },
        ],
      },
      { row: 4, code: `${prefix}-3`, name: 'Badge reader', change: 'create', changes: [] },
    ]);

    // The same job read by someone who reads Japanese: labels in Japanese.
    const reader = await createUserAndLogin(admin, { roles: ['isms_manager'], locale: 'ja' });
    const ja = (await reader.get(`/api/v1/jobs/${job.id}`)).json<Job>();
    expect(ja.result!.preview![1]!.changes.slice(1, 5)).toEqual([
      { field: 'category', before: '情報', after: '物理的資産' },
      { field: 'owner', before: email, after: unit.code },
      { field: 'classification', before: '公開', after: '秘' },
      { field: 'status', before: '使用中', after: '廃止' },
    ]);
  });

  it('previews at most the first 100 valid rows of a large file (a job) and counts the rest', async () => {
    const prefix = uniqueCode('CAP');
    const email = admin.user.email;
    const header = 'Code,Name,Category,Owner,Description';
    const padding = 'x'.repeat(200);
    await runImport(
      admin,
      csv(
        [0, 1, 2].map(
          (i) => `${prefix}-${String(i).padStart(4, '0')},Asset ${i},software,${email},${padding}`,
        ),
        header,
      ),
    );
    const lines = Array.from(
      { length: 1500 },
      (_, i) =>
        `${prefix}-${String(i).padStart(4, '0')},Asset ${i === 1 ? 'renamed' : i},software,${email},${padding}`,
    );
    lines.splice(50, 0, `${prefix}-bad,,software,${email},`);
    const body = csv(lines, header);
    expect(Buffer.byteLength(body)).toBeGreaterThan(IMPORT_SYNC_MAX_BYTES);
    const { response, job } = await runImport(admin, body, { validate: true });
    expect(response.statusCode).toBe(202);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({
      rows: 1501,
      created: 1497,
      updated: 1,
      unchanged: 2,
      errorCount: 1,
    });
    const preview = job.result!.preview!;
    expect(preview).toHaveLength(100);
    expect(preview.slice(0, 3).map((r) => [r.row, r.change])).toEqual([
      [2, 'unchanged'],
      [3, 'update'],
      [4, 'unchanged'],
    ]);
    expect(preview[1]!.changes).toEqual([
      { field: 'name', before: 'Asset 1', after: 'Asset renamed' },
    ]);
    // Row 52 is the invalid one: the preview goes on with row 53.
    expect(preview.map((r) => r.row)).not.toContain(52);
    expect(preview[99]!.row).toBe(102);
    expect(preview.filter((r) => r.change === 'create')).toHaveLength(97);
  }, 120_000);
});
