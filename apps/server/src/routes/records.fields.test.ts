import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EvidenceRecord, RecordType } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { uniqueCode } from '../testing/isms.ts';

interface FieldProblem {
  code: string;
  errors: { field: string; code: string; message: string }[];
}

const visitorFields = [
  { key: 'visitor', label: { ja: '訪問者', en: 'Visitor' }, kind: 'text', required: true },
  { key: 'visitDate', label: { ja: '訪問日', en: 'Visit date' }, kind: 'date', required: true },
  { key: 'badges', label: { ja: '入館証の数', en: 'Badges' }, kind: 'number' },
  { key: 'escorted', label: { ja: '同行あり', en: 'Escorted' }, kind: 'boolean' },
  {
    key: 'area',
    label: { ja: '区域', en: 'Area' },
    kind: 'select',
    options: ['server_room', 'office'],
  },
];

describeEachDatabase('record type editing and structured entries', (ctx) => {
  let app: App;
  let admin: Client;
  let owner: Client;
  let staff: Client;
  let type: RecordType;

  const etag = (r: { version: number }) => ({ 'if-match': `"${r.version}"` });
  const newType = async (body: Record<string, unknown> = {}) => {
    const res = await admin.post('/api/v1/record-types', {
      code: uniqueCode('RT'),
      name: { ja: '入館記録', en: 'Visitor log' },
      retention: { value: 1, unit: 'years' },
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<RecordType>();
  };
  const fieldsOf = (res: { json: <T>() => T }) =>
    res.json<FieldProblem>().errors.map((e) => e.field);

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    owner = await createUserAndLogin(admin, { roles: ['owner'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    type = await newType({ fields: visitorFields });
  });
  afterAll(() => app.close());

  it('edits a record type under If-Match and records the change in the audit trail', async () => {
    const t = await newType();
    expect(t.fields).toEqual([]);
    const res = await admin.patch(
      `/api/v1/record-types/${t.id}`,
      {
        name: { ja: '入退室記録', en: 'Entry log' },
        storageLocation: 'Cabinet B-2',
        disposalMethod: 'Shred',
        fields: [{ key: 'room', label: { ja: '部屋', en: 'Room' }, kind: 'text' }],
      },
      { headers: etag(t) },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe(`"${t.version + 1}"`);
    expect(res.json<RecordType>()).toMatchObject({
      name: { ja: '入退室記録', en: 'Entry log' },
      storageLocation: 'Cabinet B-2',
      disposalMethod: 'Shred',
      fields: [
        {
          key: 'room',
          label: { ja: '部屋', en: 'Room' },
          kind: 'text',
          required: false,
          options: [],
        },
      ],
      version: t.version + 1,
    });
    const stale = await admin.patch(
      `/api/v1/record-types/${t.id}`,
      { storageLocation: 'Cabinet C' },
      { headers: etag(t) },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('stale_version');
    const events = await admin.get(`/api/v1/audit/events?entityId=${t.id}`);
    expect(events.json().items.map((e: { action: string }) => e.action)).toEqual([
      'record_type.updated',
      'record_type.created',
    ]);
  });

  it('takes a Japanese-only name and field label, showing the Japanese where English is blank', async () => {
    const t = await newType({
      name: { ja: '入館記録' },
      fields: [{ key: 'field_1', label: { ja: '訪問者', en: '' }, kind: 'text' }],
    });
    expect(t.name).toEqual({ ja: '入館記録', en: '入館記録' });
    expect(t.fields[0]!.label).toEqual({ ja: '訪問者', en: '訪問者' });
    const record = await admin.post('/api/v1/records', {
      typeId: t.id,
      title: '2026-04 入館',
      recordDate: '2026-04-01',
    });
    expect(record.statusCode, record.body).toBe(201);
    expect(record.json<EvidenceRecord>().type.name.en).toBe('入館記録');
    const noJapanese = await admin.post('/api/v1/record-types', {
      code: uniqueCode('RT'),
      name: { ja: '', en: 'Visitor log' },
      retention: { value: 1, unit: 'years' },
    });
    expect(noJapanese.statusCode).toBe(400);
    expect(fieldsOf(noJapanese)).toEqual(['body.name.ja']);
  });

  it('refuses an invalid type edit with 400 naming the field (zod fields carry body.)', async () => {
    const t = await newType();
    const emptyName = await admin.patch(
      `/api/v1/record-types/${t.id}`,
      { name: { ja: '', en: 'x' } },
      { headers: etag(t) },
    );
    expect(emptyName.statusCode).toBe(400);
    expect(fieldsOf(emptyName)).toContain('body.name.ja');
    const text = { label: { ja: 'a', en: 'a' }, kind: 'text' };
    const badFields = await admin.patch(
      `/api/v1/record-types/${t.id}`,
      {
        fields: [
          { key: 'a', ...text },
          { key: 'a', ...text },
          { key: 'b', label: { ja: 'b', en: 'b' }, kind: 'select' },
          { key: '1st', ...text },
        ],
      },
      { headers: etag(t) },
    );
    expect(badFields.statusCode).toBe(400);
    expect(fieldsOf(badFields)).toEqual(
      expect.arrayContaining(['body.fields.1.key', 'body.fields.2.options', 'body.fields.3.key']),
    );
    // Nothing changed.
    const after = (await admin.get(`/api/v1/record-types/${t.id}`)).json<RecordType>();
    expect(after).toMatchObject({ version: t.version, fields: [] });
  });

  it('lets only writers with reach all edit a type', async () => {
    const body = { storageLocation: 'Somewhere' };
    for (const client of [staff, owner]) {
      const res = await client.patch(`/api/v1/record-types/${type.id}`, body, {
        headers: etag(type),
      });
      expect(res.statusCode).toBe(403);
    }
  });

  it('retires a type: its records stay, no new record can be made of it', async () => {
    const t = await newType();
    const kept = await admin.post('/api/v1/records', {
      typeId: t.id,
      title: 'Before retirement',
      recordDate: '2026-01-05',
    });
    expect(kept.statusCode).toBe(201);
    const res = await admin.patch(
      `/api/v1/record-types/${t.id}`,
      { active: false },
      { headers: etag(t) },
    );
    expect(res.json<RecordType>().active).toBe(false);
    const refused = await admin.post('/api/v1/records', {
      typeId: t.id,
      title: 'After retirement',
      recordDate: '2026-01-06',
    });
    expect(refused.statusCode).toBe(422);
    expect(fieldsOf(refused)).toEqual(['typeId']);
    expect((await admin.get(`/api/v1/records/${kept.json<EvidenceRecord>().id}`)).statusCode).toBe(
      200,
    );
  });

  it('refuses entries that miss a required field or have the wrong kind, naming each', async () => {
    const missing = await admin.post('/api/v1/records', {
      typeId: type.id,
      title: 'Visit',
      recordDate: '2026-03-02',
      entries: { visitor: 'Aiko Sato' },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json<FieldProblem>().errors).toEqual([
      { field: 'entries.visitDate', code: 'field_required', message: 'Required.' },
    ]);
    const wrong = await admin.post('/api/v1/records', {
      typeId: type.id,
      title: 'Visit',
      recordDate: '2026-03-02',
      entries: { visitor: 'Aiko', visitDate: '2026-02-30', badges: 'two', area: 'roof' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(fieldsOf(wrong)).toEqual(['entries.visitDate', 'entries.badges', 'entries.area']);
    expect(wrong.json<FieldProblem>().errors[0]!.message).toContain('2026-02-30');
    const notText = await admin.post('/api/v1/records', {
      typeId: type.id,
      title: 'Visit',
      recordDate: '2026-03-02',
      entries: { visitor: 'Aiko', visitDate: '2026-03-02', badges: 2 },
    });
    expect(notText.statusCode).toBe(400);
    expect(fieldsOf(notText)).toEqual(['body.entries.badges']);
  });

  it('stores valid entries, edits them under If-Match and checks them again', async () => {
    const created = await admin.post('/api/v1/records', {
      typeId: type.id,
      title: 'Visit of the auditor',
      recordDate: '2026-03-02',
      entries: { visitor: 'Aiko', visitDate: '2026-03-02', badges: '02', escorted: 'true' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json<EvidenceRecord>();
    expect(r.entries).toEqual({
      visitor: 'Aiko',
      visitDate: '2026-03-02',
      badges: '2',
      escorted: 'true',
    });
    const entries = { visitor: 'Aiko Sato', visitDate: '2026-03-03', area: 'server_room' };
    const res = await admin.patch(`/api/v1/records/${r.id}`, { entries }, { headers: etag(r) });
    expect(res.statusCode, res.body).toBe(200);
    const edited = res.json<EvidenceRecord>();
    expect(edited.entries).toEqual(entries);
    const stale = await admin.patch(`/api/v1/records/${r.id}`, { entries }, { headers: etag(r) });
    expect(stale.statusCode).toBe(412);
    const unknown = await admin.patch(
      `/api/v1/records/${r.id}`,
      { entries: { ...entries, colour: 'red', escorted: 'yes' } },
      { headers: etag(edited) },
    );
    expect(unknown.statusCode).toBe(422);
    expect(fieldsOf(unknown)).toEqual(['entries.colour', 'entries.escorted']);
    const search = await admin.get(`/api/v1/records?q=${encodeURIComponent('aiko sato')}`);
    expect(search.json<{ items: EvidenceRecord[] }>().items.map((i) => i.id)).toEqual([r.id]);
  });
});
