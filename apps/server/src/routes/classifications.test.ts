import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClassificationLevel } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';

describeEachDatabase('the classification scheme', (ctx) => {
  let app: App;
  let admin: Client;
  let owner: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    owner = await createUserAndLogin(admin, { roles: ['owner'] });
  });
  afterAll(() => app.close());

  const levels = async (client: Client) =>
    (await client.get('/api/v1/classifications')).json().items as ClassificationLevel[];

  it('starts with four levels on first use, with handling rules in both languages', async () => {
    const items = await levels(owner);
    expect(items.map((l) => [l.code, l.name.ja, l.name.en, l.rank])).toEqual([
      ['public', '公開', 'Public', 1],
      ['internal', '社外秘', 'Internal', 2],
      ['confidential', '秘', 'Confidential', 3],
      ['strictly_confidential', '極秘', 'Strictly confidential', 4],
    ]);
    for (const level of items) {
      for (const rule of ['labelling', 'storage', 'transmission', 'copying', 'disposal'] as const) {
        expect(level.handling[rule].ja, `${level.code}.${rule}`).not.toBe('');
        expect(level.handling[rule].en, `${level.code}.${rule}`).not.toBe('');
      }
    }
    // Only once, however often the scheme is read.
    expect(await levels(admin)).toHaveLength(4);
    const created = (
      await admin.get('/api/v1/audit/events?action=classification.created&limit=50')
    ).json().items;
    expect(created).toHaveLength(4);
    expect(created[0].actorName).toBe('system');
  });

  it('lets the organization add, rename and re-rank levels, with optimistic concurrency', async () => {
    const res = await admin.post('/api/v1/classifications', {
      code: 'personal',
      name: { ja: '個人情報', en: 'Personal data' },
      rank: 5,
      handling: {
        labelling: { ja: '「個人情報」と表示', en: 'Mark "Personal data"' },
        storage: { ja: '暗号化して保管', en: 'Store encrypted' },
        transmission: { ja: '暗号化', en: 'Encrypt' },
        copying: { ja: '禁止', en: 'Do not copy' },
        disposal: { ja: '完全消去', en: 'Erase securely' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const level = res.json<ClassificationLevel>();
    const url = `/api/v1/classifications/${level.id}`;
    expect((await admin.get(url)).headers.etag).toBe('"1"');
    const renamed = await admin.patch(
      url,
      { name: { ja: '特定個人情報', en: 'Sensitive personal data' } },
      { headers: { 'if-match': '"1"' } },
    );
    expect(renamed.statusCode).toBe(200);
    const stale = await admin.patch(url, { rank: 6 }, { headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    const duplicate = await admin.post('/api/v1/classifications', {
      code: 'personal',
      name: { ja: '重複', en: 'Duplicate' },
      rank: 7,
    });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.json().errors[0].code).toBe('code_taken');
    expect((await levels(admin)).map((l) => l.code).at(-1)).toBe('personal');
  });

  it('is read by owners and changed only with write access to the whole ISMS', async () => {
    const [first] = await levels(owner);
    const res = await owner.patch(
      `/api/v1/classifications/${first!.id}`,
      { rank: 9 },
      { headers: { 'if-match': `"${first!.version}"` } },
    );
    expect(res.statusCode).toBe(403);
  });
});
